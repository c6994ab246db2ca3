package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// txWait bounds how long a tx command waits for its transaction to commit.
const txWait = 60 * time.Second

func newTxCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "tx", Short: "Sign and submit transactions (key from the keyring: --from)"}
	cmd.AddCommand(newTxLedgerCmd(), newTxIdentityCmd(), newTxGovernanceCmd(), newTxLendingCmd(), newTxCreditCmd(), newTxComplianceCmd(), newTxRawCmd())
	return cmd
}

// addTxFlags adds the flags every transaction command has.
func addTxFlags(cmd *cobra.Command) {
	addClientFlags(cmd)
	cmd.Flags().String(flagFrom, "", "name of the signing key in the keyring")
	cmd.Flags().String("memo", "", "memo (at most 256 bytes)")
	cmd.Flags().String(flagKeyringDir, "", "keyring directory (default HOME/keyring)")
	_ = cmd.MarkFlagRequired(flagFrom)
}

// txCommand builds a transaction command: build turns flags and args into messages, using the
// client for look-ups such as an asset's scale.
func txCommand(use, short string, args cobra.PositionalArgs,
	build func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error)) *cobra.Command {
	cmd := &cobra.Command{Use: use, Short: short, Args: args, RunE: func(cmd *cobra.Command, args []string) error {
		ctx, cancel := context.WithTimeout(cmd.Context(), txWait)
		defer cancel()
		c, err := dial(ctx, cmd)
		if err != nil {
			return err
		}
		msgs, err := build(ctx, c, cmd, args)
		if err != nil {
			return err
		}
		return sendAndPrint(ctx, cmd, c, msgs)
	}}
	addTxFlags(cmd)
	return cmd
}

func dial(ctx context.Context, cmd *cobra.Command) (*client.Client, error) {
	url, _ := cmd.Flags().GetString(flagNode)
	return client.Dial(ctx, url)
}

func sendAndPrint(ctx context.Context, cmd *cobra.Command, c *client.Client, msgs []*txpb.Msg) error {
	signer, err := loadSigner(cmd)
	if err != nil {
		return err
	}
	memo, _ := cmd.Flags().GetString("memo")
	res, err := c.Send(ctx, signer, memo, msgs...)
	if err != nil {
		return err
	}
	if err := printOut(cmd, res, func() string { return txText(res) }); err != nil {
		return err
	}
	if res.Code != 0 {
		return fmt.Errorf("transaction failed: %s", res.Log)
	}
	return nil
}

func txText(r *client.TxResult) string {
	if r.Code != 0 {
		return fmt.Sprintf("FAILED %s (%s/%d): %s", r.Hash, r.Codespace, r.Code, r.Log)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "committed %s at height %d", r.Hash, r.Height)
	for _, e := range r.Events {
		if e.Type == "message" {
			continue
		}
		fmt.Fprintf(&b, "\n  %s", e.Type)
		for _, a := range e.Attributes {
			fmt.Fprintf(&b, " %s=%s", a.Key, a.Value)
		}
	}
	return b.String()
}

// signerAddress is the --from key's address, read from its public part: no passphrase (the
// transaction's own signing unlocks the key once).
func signerAddress(cmd *cobra.Command) (string, error) {
	name, _ := cmd.Flags().GetString(flagFrom)
	kr, err := openKeyring(cmd)
	if err != nil {
		return "", err
	}
	info, err := kr.Show(name)
	if err != nil {
		return "", fmt.Errorf("key %q: %w", name, err)
	}
	return info.Address, nil
}

func loadSigner(cmd *cobra.Command) (*client.Signer, error) {
	name, _ := cmd.Flags().GetString(flagFrom)
	kr, err := openKeyring(cmd)
	if err != nil {
		return nil, err
	}
	pass, err := passphrase(cmd, "PUHUI_PASSPHRASE", "passphrase of "+name, false)
	if err != nil {
		return nil, err
	}
	priv, err := kr.Load(name, pass)
	if err != nil {
		return nil, fmt.Errorf("key %q: %w", name, err)
	}
	return client.NewSigner(priv), nil
}

// amountOf reads a decimal amount flag in the asset's units.
func amountOf(ctx context.Context, c *client.Client, asset, text string) (int64, error) {
	a, err := c.Asset(ctx, asset)
	if err != nil {
		return 0, fmt.Errorf("asset %s: %w", asset, err)
	}
	return money.ParseAmount(text, a.Scale)
}

func newTxRawCmd() *cobra.Command {
	return txCommand("send-json MESSAGES_JSON", "Sign and submit messages given in protobuf JSON, e.g. '[{\"transfer\":{...}}]'",
		cobra.ExactArgs(1), func(_ context.Context, _ *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			return tx.MsgsFromJSON([]byte(args[0]))
		})
}
