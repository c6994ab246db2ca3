package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// txWait bounds how long a tx command waits for its transaction to commit.
const txWait = 60 * time.Second

func newTxCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "tx", Short: "Sign and submit transactions (key from the keyring: --from)"}
	cmd.AddCommand(newTxLedgerCmd(), newTxIdentityCmd(), newTxGovernanceCmd(), newTxLendingCmd(), newTxCreditCmd(), newTxSCFCmd(),
		newTxOracleCmd(), newTxInsuranceCmd(), newTxComplianceCmd(), newTxAssetsCmd(), newTxTrustCmd(),
		newTxOfferingCmd(), newTxEscrowCmd(), newTxRawCmd(), newTxSubmitBatchCmd())
	return cmd
}

// addTxFlags adds the flags every transaction command has.
func addTxFlags(cmd *cobra.Command) {
	addClientFlags(cmd)
	cmd.Flags().String(flagFrom, "", "name of the signing key in the keyring")
	cmd.Flags().String("memo", "", "memo (at most 256 bytes)")
	cmd.Flags().String(flagKeyringDir, "", "keyring directory (default HOME/keyring)")
	cmd.Flags().Bool(flagSignOnly, false, "sign and print the transaction as a line for `puhui tx submit-batch` instead of submitting it")
	cmd.Flags().Uint64(flagNonce, 0, "with --sign-only: the nonce to sign with (default: the account's next committed nonce); "+
		"give consecutive nonces to the lines of one batch file")
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
	// What the messages alone show to be wrong is refused before the passphrase is asked
	// and anything is signed or sent (the node would refuse it the same way).
	if err := app.ValidateMsgs(msgs); err != nil {
		return err
	}
	signer, err := loadSigner(cmd)
	if err != nil {
		return err
	}
	memo, _ := cmd.Flags().GetString("memo")
	if signOnly, _ := cmd.Flags().GetBool(flagSignOnly); signOnly {
		return signOnlyLine(ctx, cmd, c, signer, memo, msgs)
	}
	res, err := c.Send(ctx, signer, memo, msgs...)
	if err != nil {
		return err
	}
	if err := printOut(cmd, res, func() string { return txText(res, newScales(ctx, c)) }); err != nil {
		return err
	}
	if res.Code != 0 {
		return fmt.Errorf("transaction failed: %s", res.Log)
	}
	return nil
}

// signOnlyLine signs msgs with --nonce (else the next committed nonce) and prints the
// transaction as a line of the batch file format, without submitting it.
func signOnlyLine(ctx context.Context, cmd *cobra.Command, c *client.Client, signer *client.Signer, memo string, msgs []*txpb.Msg) error {
	nonce, _ := cmd.Flags().GetUint64(flagNonce)
	if nonce == 0 {
		var err error
		if nonce, err = c.NextNonce(ctx, signer.Address()); err != nil {
			return err
		}
	}
	raw, err := signer.Sign(c.ChainID(), nonce, memo, msgs...)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(cmd.OutOrStdout(), client.BatchFileLine(raw))
	return err
}

// txText shows a transaction's outcome and events; an event's amount is shown in the
// decimals of the asset it names (sc nil: in minor units).
func txText(r *client.TxResult, sc scales) string {
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
		asset := ""
		for _, a := range e.Attributes {
			if a.Key == "asset" {
				asset = a.Value
			}
		}
		for _, a := range e.Attributes {
			fmt.Fprintf(&b, " %s=%s", a.Key, eventValue(a.Key, a.Value, asset, sc))
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

// eventValue formats an amount attribute in its asset's decimals and a time attribute (*_at,
// Unix seconds) as a UTC date and time.
func eventValue(key, value, asset string, sc scales) string {
	v, err := strconv.ParseInt(value, 10, 64)
	switch {
	case err != nil:
		return value
	case strings.HasSuffix(key, "_at"):
		return unixText(v)
	case sc != nil && asset != "" && amountKeys[key]:
		return money.FormatMinor(v, sc(asset))
	}
	return value
}

// amountKeys are the event attributes that carry minor units of the event's asset.
var amountKeys = map[string]bool{"amount": true, "principal": true, "interest": true, "fee": true, "penalty": true,
	"returned": true, "funded": true, "short": true, "released": true, "principal_repaid": true, "prepaid": true,
	"owed": true, "interest_paid": true, "guarantee": true, "collateral": true, "collateral_captured": true,
	"supply": true, "max_supply": true}
