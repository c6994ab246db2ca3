package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"os"
	"reflect"
	"time"

	"github.com/spf13/cobra"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func newTxCreditCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "credit", Short: "Scorecards, consent to credit reports, and reports under consent"}

	register := txCommand("register-scorecard", "Register a scorecard model version (a member with the scorer role) from protobuf JSON",
		cobra.NoArgs, func(_ context.Context, _ *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			data, err := readInput(cmd, str(cmd, "file"))
			if err != nil {
				return nil, err
			}
			var m txpb.Scorecard
			if err := protojson.Unmarshal(data, &m); err != nil {
				return nil, fmt.Errorf("--file: a Scorecard in protobuf JSON: %w", err)
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_RegisterScorecard{RegisterScorecard: &txpb.MsgRegisterScorecard{Model: &m}}}}, nil
		})
	register.Flags().String("file", "-", "the model as a protobuf JSON Scorecard (`puhui credit default-scorecard` prints one), or - for stdin")

	grant := txCommand("grant-consent", "Let a lender obtain the signer's credit report for a purpose", cobra.NoArgs,
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			borrower, err := signerAddress(cmd)
			if err != nil {
				return nil, err
			}
			days, _ := cmd.Flags().GetInt("days")
			return []*txpb.Msg{{Sum: &txpb.Msg_GrantConsent{GrantConsent: &txpb.MsgGrantConsent{Borrower: borrower,
				Lender: str(cmd, "lender"), Purpose: str(cmd, "purpose"), ExpiresAt: time.Now().Add(time.Duration(days) * 24 * time.Hour).Unix()}}}}, nil
		})
	grant.Flags().String("lender", "", "the lender's member address")
	grant.Flags().String("purpose", "loan_application", "what the report is for")
	grant.Flags().Int("days", 30, "days until the consent expires (at most 366)")

	revoke := txCommand("revoke-consent", "End a consent at once", cobra.NoArgs,
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			borrower, err := signerAddress(cmd)
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_RevokeConsent{RevokeConsent: &txpb.MsgRevokeConsent{Borrower: borrower,
				Lender: str(cmd, "lender"), Purpose: str(cmd, "purpose")}}}}, nil
		})
	revoke.Flags().String("lender", "", "the lender's member address")
	revoke.Flags().String("purpose", "loan_application", "the consent's purpose")

	report := txCommand("request-report", "Obtain a borrower's credit report under its consent (recorded; see `query credit accesses`)",
		cobra.NoArgs, func(_ context.Context, _ *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			return []*txpb.Msg{{Sum: &txpb.Msg_RequestCreditReport{RequestCreditReport: &txpb.MsgRequestCreditReport{
				Borrower: str(cmd, "borrower"), Purpose: str(cmd, "purpose"), Asset: str(cmd, "asset"), Model: str(cmd, "model")}}}}, nil
		})
	report.Flags().String("borrower", "", "the borrower's address")
	report.Flags().String("purpose", "loan_application", "the purpose the borrower consented to")
	report.Flags().String("asset", "", "the asset exposure and cash flow are read in, e.g. CNY")
	report.Flags().String("model", "", "scorecard name (default: "+app.DefaultScorecard().Name+")")

	cmd.AddCommand(register, grant, revoke, report)
	return cmd
}

// newCreditCmd holds offline credit helpers.
func newCreditCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "credit", Short: "Offline credit helpers"}
	cmd.AddCommand(&cobra.Command{Use: "default-scorecard", Short: "Print the built-in thin-file scorecard as protobuf JSON (a start for a new model)",
		Args: cobra.NoArgs, RunE: func(cmd *cobra.Command, _ []string) error {
			return printProto(cmd, app.DefaultScorecard())
		}})
	return cmd
}

// newDocsCmd: private documents. Storing encrypts locally and uploads to the signer's own
// node; fetching downloads from the owner's node and checks the hash on chain.
func newDocsCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "docs", Short: "Private documents: publish a key, store, grant, revoke, fetch"}
	run := func(use, short string, args cobra.PositionalArgs, f func(ctx context.Context, c *client.Client, s *client.Signer, cmd *cobra.Command, args []string) error) *cobra.Command {
		sub := &cobra.Command{Use: use, Short: short, Args: args, RunE: func(cmd *cobra.Command, args []string) error {
			ctx, cancel := context.WithTimeout(cmd.Context(), txWait)
			defer cancel()
			c, err := dial(ctx, cmd)
			if err != nil {
				return err
			}
			s, err := loadSigner(cmd)
			if err != nil {
				return err
			}
			return f(ctx, c, s, cmd, args)
		}}
		addTxFlags(sub)
		return sub
	}
	hashArg := func(text string) ([]byte, error) {
		h, err := hex.DecodeString(text)
		if err != nil || len(h) != 32 {
			return nil, fmt.Errorf("document hash %q: 64 hex digits", text)
		}
		return h, nil
	}
	store := run("store FILE", "Encrypt FILE, keep it in the signer's node and register its hash on chain", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, s *client.Signer, cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			hash, err := c.StoreDocument(ctx, s, str(cmd, "api"), str(cmd, "kind"), data)
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), hex.EncodeToString(hash))
			return nil
		})
	store.Flags().String("api", "http://127.0.0.1:8080", "the REST API of the signer's own node (other members fetch from it)")
	store.Flags().String("kind", "financial_statement", "document kind (a-z and _)")
	grant := run("grant HASH", "Share a document with a member", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, s *client.Signer, cmd *cobra.Command, args []string) error {
			h, err := hashArg(args[0])
			if err != nil {
				return err
			}
			if err := c.GrantDocument(ctx, s, h, str(cmd, "to")); err != nil {
				return err
			}
			return say(cmd, "granted %s to %s", args[0], str(cmd, "to"))
		})
	grant.Flags().String("to", "", "the grantee's member address")
	revoke := run("revoke HASH", "Stop a member's future fetches of a document", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, s *client.Signer, cmd *cobra.Command, args []string) error {
			h, err := hashArg(args[0])
			if err != nil {
				return err
			}
			if err := c.RevokeDocumentGrant(ctx, s, h, str(cmd, "to")); err != nil {
				return err
			}
			return say(cmd, "revoked %s's grant to %s", str(cmd, "to"), args[0])
		})
	revoke.Flags().String("to", "", "the grantee's member address")
	fetch := run("fetch HASH", "Fetch a document granted to the signer, verify it and decrypt it", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, s *client.Signer, cmd *cobra.Command, args []string) error {
			h, err := hashArg(args[0])
			if err != nil {
				return err
			}
			plain, err := c.FetchDocument(ctx, s, h)
			if err != nil {
				return err
			}
			if out := str(cmd, "out"); out != "" && out != "-" {
				return os.WriteFile(out, plain, 0o600)
			}
			_, err = cmd.OutOrStdout().Write(plain)
			return err
		})
	fetch.Flags().StringP("out", "O", "-", "where to write the document (- for stdout)")
	publish := run("publish-key", "Publish the signer's X25519 encryption key (derived from its key) so documents can be shared with it",
		cobra.NoArgs, func(ctx context.Context, c *client.Client, s *client.Signer, _ *cobra.Command, _ []string) error {
			if err := c.PublishEncryptionKey(ctx, s); err != nil {
				return err
			}
			return say(cmd, "published the encryption key of %s", s.Address())
		})
	show := queryCommand("show HASH", "A document's on-chain record and grants (the same as `puhui query docs document HASH`)",
		cobra.ExactArgs(1), func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) (any, func() string, error) {
			h, err := hashArg(args[0])
			if err != nil {
				return nil, nil, err
			}
			v, err := c.Document(ctx, h)
			if err != nil {
				return nil, nil, err
			}
			return v, func() string { return viewText(reflect.ValueOf(v), newScales(ctx, c)) }, nil
		})
	cmd.AddCommand(publish, store, grant, revoke, fetch, show)
	return cmd
}

// printProto writes a message in protobuf JSON, the form `tx credit register-scorecard` reads.
func printProto(cmd *cobra.Command, m proto.Message) error {
	b, err := protojson.MarshalOptions{UseProtoNames: true, Multiline: true}.Marshal(m)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(cmd.OutOrStdout(), string(b))
	return err
}

// say prints a one-line confirmation.
func say(cmd *cobra.Command, format string, args ...any) error {
	_, err := fmt.Fprintf(cmd.OutOrStdout(), format+"\n", args...)
	return err
}
