package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func str(cmd *cobra.Command, name string) string { v, _ := cmd.Flags().GetString(name); return v }

func newTxLedgerCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "ledger", Short: "Assets, transfers, holds, freezes"}

	reg := txCommand("register-asset", "Register an asset issued by the signer", cobra.NoArgs,
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			scale, _ := cmd.Flags().GetUint32("scale")
			maxSupply := int64(0)
			if s := str(cmd, "max-supply"); s != "" {
				v, err := money.ParseAmount(s, scale)
				if err != nil {
					return nil, err
				}
				maxSupply = v
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_RegisterAsset{RegisterAsset: &txpb.MsgRegisterAsset{
				Code: str(cmd, "code"), Name: str(cmd, "name"), Scale: scale, MaxSupply: maxSupply}}}}, nil
		})
	reg.Flags().String("code", "", "asset code, e.g. CNY")
	reg.Flags().String("name", "", "asset name")
	reg.Flags().Uint32("scale", 2, "decimal places, fixed forever (0-18)")
	reg.Flags().String("max-supply", "", "maximum outstanding supply (decimal; empty: unlimited)")

	mint := txCommand("mint", "Mint units of an asset the signer issues", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			amt, err := amountOf(ctx, c, str(cmd, "asset"), str(cmd, "amount"))
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_Mint{Mint: &txpb.MsgMint{Asset: str(cmd, "asset"), To: str(cmd, "to"), Amount: amt}}}}, nil
		})
	mint.Flags().String("to", "", "recipient address")

	burn := txCommand("burn", "Burn units from the issuer's own balance", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			amt, err := amountOf(ctx, c, str(cmd, "asset"), str(cmd, "amount"))
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_Burn{Burn: &txpb.MsgBurn{Asset: str(cmd, "asset"), Amount: amt}}}}, nil
		})

	transfer := txCommand("transfer", "Transfer to a registered account", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			amt, err := amountOf(ctx, c, str(cmd, "asset"), str(cmd, "amount"))
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{To: str(cmd, "to"), Asset: str(cmd, "asset"), Amount: amt}}}}, nil
		})
	transfer.Flags().String("to", "", "recipient address")

	multi := txCommand("multi-transfer ADDRESS:ASSET:AMOUNT...", "Pay several recipients in one atomic batch", cobra.MinimumNArgs(1),
		func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			m := &txpb.MsgMultiTransfer{}
			for _, a := range args {
				parts := strings.Split(a, ":")
				if len(parts) != 3 {
					return nil, fmt.Errorf("payout %q: want ADDRESS:ASSET:AMOUNT", a)
				}
				amt, err := amountOf(ctx, c, parts[1], parts[2])
				if err != nil {
					return nil, err
				}
				m.Payouts = append(m.Payouts, &txpb.Payout{To: parts[0], Asset: parts[1], Amount: amt})
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_MultiTransfer{MultiTransfer: m}}}, nil
		})

	for _, c := range []*cobra.Command{mint, burn, transfer} {
		c.Flags().String("asset", "", "asset code")
		c.Flags().String("amount", "", "amount as a decimal in the asset's units, e.g. 100.50")
	}
	cmd.AddCommand(reg, mint, burn, transfer, multi, newHoldCmd(), newFreezeCmd())
	return cmd
}

func newHoldCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "hold", Short: "Place, release or capture holds"}
	place := txCommand("place", "Set part of the signer's balance aside for a beneficiary", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			amt, err := amountOf(ctx, c, str(cmd, "asset"), str(cmd, "amount"))
			if err != nil {
				return nil, err
			}
			d, _ := cmd.Flags().GetDuration("expires-in")
			st, err := c.Status(ctx)
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_PlaceHold{PlaceHold: &txpb.MsgPlaceHold{
				Beneficiary: str(cmd, "beneficiary"), Asset: str(cmd, "asset"), Amount: amt,
				ExpiresAt: st.BlockTime.Add(d).Unix(), Reference: str(cmd, "reference")}}}}, nil
		})
	place.Flags().String("beneficiary", "", "who may capture or release the hold")
	place.Flags().String("asset", "", "asset code")
	place.Flags().String("amount", "", "amount as a decimal")
	place.Flags().Duration("expires-in", 24*time.Hour, "time after the latest block at which the hold returns to the owner")
	place.Flags().String("reference", "", "free reference (order, loan …)")

	release := txCommand("release ID", "Release a hold back to its owner (beneficiary only)", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("hold", args[0])
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_ReleaseHold{ReleaseHold: &txpb.MsgReleaseHold{HoldId: id}}}}, nil
		})
	capture := txCommand("capture ID", "Capture a hold (all, or --amount) to the beneficiary", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("hold", args[0])
			if err != nil {
				return nil, err
			}
			var amt int64
			if s := str(cmd, "amount"); s != "" {
				h, err := c.Hold(ctx, id)
				if err != nil {
					return nil, err
				}
				if amt, err = amountOf(ctx, c, h.Asset, s); err != nil {
					return nil, err
				}
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_CaptureHold{CaptureHold: &txpb.MsgCaptureHold{HoldId: id, Amount: amt}}}}, nil
		})
	capture.Flags().String("amount", "", "amount to capture (default: all)")
	cmd.AddCommand(place, release, capture)
	return cmd
}

func newFreezeCmd() *cobra.Command {
	c := txCommand("freeze ADDRESS", "Freeze (or with --unfreeze, unfreeze) an account's debits (regulator)", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			unfreeze, _ := cmd.Flags().GetBool("unfreeze")
			return []*txpb.Msg{{Sum: &txpb.Msg_SetFrozen{SetFrozen: &txpb.MsgSetFrozen{
				Account: args[0], Frozen: !unfreeze, Reason: str(cmd, "reason")}}}}, nil
		})
	c.Flags().Bool("unfreeze", false, "lift the freeze")
	c.Flags().String("reason", "", "reason, recorded in the event")
	return c
}
