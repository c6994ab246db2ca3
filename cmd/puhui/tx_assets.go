package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/txpb"
)

var transferModes = map[string]txpb.TransferMode{"free": txpb.TransferMode_TRANSFER_MODE_FREE,
	"allow-list": txpb.TransferMode_TRANSFER_MODE_ALLOW_LIST, "pre-approved": txpb.TransferMode_TRANSFER_MODE_PRE_APPROVED}

// addRuleFlags adds the flags of an asset rule set.
func addRuleFlags(cmd *cobra.Command) {
	cmd.Flags().Uint32("min-kyc-level", 0, "a holder's KYC level at least this (0-3)")
	cmd.Flags().String("jurisdictions", "", "holders' attested countries, ISO 3166 alpha-2, comma-separated (empty: any)")
	cmd.Flags().Uint64("max-holders", 0, "holders besides the issuer (0: no limit)")
	cmd.Flags().String("max-balance", "", "per holder, decimal (empty: no limit)")
	cmd.Flags().String("max-supply", "", "outstanding supply, decimal (empty: no limit)")
	cmd.Flags().Duration("lockup", 0, "a minted lot is transferable this long after its mint, e.g. 720h")
	cmd.Flags().String("transfer-mode", "free", "free, allow-list or pre-approved")
	cmd.Flags().Bool("revocable", false, "the issuer may claw units back (fixed at registration)")
	cmd.Flags().StringSlice("agents", nil, "the issuer's agents (addresses, sorted, comma-separated; only removed later)")
}

// ruleSet reads the rule flags; amounts in scale decimals.
func ruleSet(cmd *cobra.Command, scale uint32) (*txpb.AssetRuleSet, error) {
	s := &txpb.AssetRuleSet{}
	s.MinKycLevel, _ = cmd.Flags().GetUint32("min-kyc-level")
	if j := str(cmd, "jurisdictions"); j != "" {
		s.Jurisdictions = strings.Split(j, ",")
	}
	s.MaxHolders, _ = cmd.Flags().GetUint64("max-holders")
	for flag, dst := range map[string]*int64{"max-balance": &s.MaxBalance, "max-supply": &s.MaxSupply} {
		if v := str(cmd, flag); v != "" {
			amt, err := money.ParseAmount(v, scale)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", flag, err)
			}
			*dst = amt
		}
	}
	lock, _ := cmd.Flags().GetDuration("lockup")
	s.LockupSeconds = int64(lock.Seconds())
	mode, ok := transferModes[str(cmd, "transfer-mode")]
	if !ok {
		return nil, fmt.Errorf("transfer-mode %q: free, allow-list or pre-approved", str(cmd, "transfer-mode"))
	}
	s.TransferMode = mode
	s.Revocable, _ = cmd.Flags().GetBool("revocable")
	s.Agents, _ = cmd.Flags().GetStringSlice("agents")
	return s, nil
}

func assetsMsg(m any) []*txpb.Msg {
	switch x := m.(type) {
	case *txpb.MsgRegisterRuledAsset:
		return []*txpb.Msg{{Sum: &txpb.Msg_RegisterRuledAsset{RegisterRuledAsset: x}}}
	case *txpb.MsgTightenAssetRules:
		return []*txpb.Msg{{Sum: &txpb.Msg_TightenAssetRules{TightenAssetRules: x}}}
	case *txpb.MsgSetAssetPaused:
		return []*txpb.Msg{{Sum: &txpb.Msg_SetAssetPaused{SetAssetPaused: x}}}
	case *txpb.MsgSetAssetFreeze:
		return []*txpb.Msg{{Sum: &txpb.Msg_SetAssetFreeze{SetAssetFreeze: x}}}
	case *txpb.MsgApproveAssetTransfer:
		return []*txpb.Msg{{Sum: &txpb.Msg_ApproveAssetTransfer{ApproveAssetTransfer: x}}}
	case *txpb.MsgSetAssetAllowList:
		return []*txpb.Msg{{Sum: &txpb.Msg_SetAssetAllowList{SetAssetAllowList: x}}}
	case *txpb.MsgForceAssetTransfer:
		return []*txpb.Msg{{Sum: &txpb.Msg_ForceAssetTransfer{ForceAssetTransfer: x}}}
	case *txpb.MsgRecoverAssetBalance:
		return []*txpb.Msg{{Sum: &txpb.Msg_RecoverAssetBalance{RecoverAssetBalance: x}}}
	case *txpb.MsgClawbackAsset:
		return []*txpb.Msg{{Sum: &txpb.Msg_ClawbackAsset{ClawbackAsset: x}}}
	case *txpb.MsgCreateDistribution:
		return []*txpb.Msg{{Sum: &txpb.Msg_CreateDistribution{CreateDistribution: x}}}
	}
	panic(fmt.Sprintf("not an assets message: %T", m))
}

func newTxAssetsCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "assets", Short: "Issued assets with rules, agent actions, distributions"}
	reg := txCommand("register CODE", "Register an asset issued by the signer with its rules", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			scale, _ := cmd.Flags().GetUint32("scale")
			rules, err := ruleSet(cmd, scale)
			if err != nil {
				return nil, err
			}
			return assetsMsg(&txpb.MsgRegisterRuledAsset{Code: args[0], Name: str(cmd, "name"), Scale: scale, Rules: rules}), nil
		})
	reg.Flags().String("name", "", "asset name")
	reg.Flags().Uint32("scale", 2, "decimal places, fixed forever (0-18)")
	addRuleFlags(reg)
	tighten := txCommand("tighten CODE", "Replace an asset's rules by tighter ones (give every rule, as registered or tighter)", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			a, err := c.Asset(ctx, args[0])
			if err != nil {
				return nil, err
			}
			rules, err := ruleSet(cmd, a.Scale)
			if err != nil {
				return nil, err
			}
			return assetsMsg(&txpb.MsgTightenAssetRules{Asset: args[0], Rules: rules}), nil
		})
	addRuleFlags(tighten)
	pause := func(use string, on bool) *cobra.Command {
		c := txCommand(use+" CODE", "Pause or resume every holder movement of an asset (issuer)", cobra.ExactArgs(1),
			func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
				return assetsMsg(&txpb.MsgSetAssetPaused{Asset: args[0], Paused: on, Reason: str(cmd, "reason")}), nil
			})
		c.Flags().String("reason", "", "why")
		return c
	}
	freeze := txCommand("freeze CODE ACCOUNT", "Freeze an account's holding: whole, or --amount that may not leave; --amount 0 without --whole lifts it", cobra.ExactArgs(2),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			whole, _ := cmd.Flags().GetBool("whole")
			var amt int64
			if v := str(cmd, "amount"); v != "" {
				var err error
				if amt, err = amountOf(ctx, c, args[0], v); err != nil {
					return nil, err
				}
			}
			return assetsMsg(&txpb.MsgSetAssetFreeze{Asset: args[0], Account: args[1], Whole: whole, Amount: amt, Reason: str(cmd, "reason")}), nil
		})
	freeze.Flags().Bool("whole", false, "nothing in or out")
	freeze.Flags().String("amount", "", "partial freeze, decimal")
	freeze.Flags().String("reason", "", "why")
	approve := txCommand("approve-transfer CODE FROM TO AMOUNT", "Pre-approve one transfer (an asset in pre-approved mode)", cobra.ExactArgs(4),
		func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			amt, err := amountOf(ctx, c, args[0], args[3])
			if err != nil {
				return nil, err
			}
			return assetsMsg(&txpb.MsgApproveAssetTransfer{Asset: args[0], From: args[1], To: args[2], Amount: amt}), nil
		})
	allow := txCommand("allow CODE", "Add (--add) and remove (--remove) accounts of an asset's allow list", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			add, _ := cmd.Flags().GetStringSlice("add")
			remove, _ := cmd.Flags().GetStringSlice("remove")
			return assetsMsg(&txpb.MsgSetAssetAllowList{Asset: args[0], Add: add, Remove: remove}), nil
		})
	allow.Flags().StringSlice("add", nil, "addresses, comma-separated")
	allow.Flags().StringSlice("remove", nil, "addresses, comma-separated")
	force := txCommand("force-transfer CODE FROM TO AMOUNT", "Move units between holders as the issuer's agent (--reason recorded)", cobra.ExactArgs(4),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			amt, err := amountOf(ctx, c, args[0], args[3])
			if err != nil {
				return nil, err
			}
			return assetsMsg(&txpb.MsgForceAssetTransfer{Asset: args[0], From: args[1], To: args[2], Amount: amt, Reason: str(cmd, "reason")}), nil
		})
	force.Flags().String("reason", "", "why (recorded on chain)")
	recover := txCommand("recover CODE LOST NEW", "Move a lost key's holding to the same holder's new account (--reason recorded)", cobra.ExactArgs(3),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			return assetsMsg(&txpb.MsgRecoverAssetBalance{Asset: args[0], Lost: args[1], NewAccount: args[2], Reason: str(cmd, "reason")}), nil
		})
	recover.Flags().String("reason", "", "why (recorded on chain)")
	claw := txCommand("clawback CODE FROM AMOUNT", "Burn units from a holder of a revocable asset (--reason recorded)", cobra.ExactArgs(3),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			amt, err := amountOf(ctx, c, args[0], args[2])
			if err != nil {
				return nil, err
			}
			return assetsMsg(&txpb.MsgClawbackAsset{Asset: args[0], From: args[1], Amount: amt, Reason: str(cmd, "reason")}), nil
		})
	claw.Flags().String("reason", "", "why (recorded on chain)")
	dist := txCommand("distribute CODE SETTLEMENT_ASSET AMOUNT", "Pay AMOUNT of a settlement asset to CODE's holders as of now, pro rata", cobra.ExactArgs(3),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			amt, err := amountOf(ctx, c, args[1], args[2])
			if err != nil {
				return nil, err
			}
			return assetsMsg(&txpb.MsgCreateDistribution{Asset: args[0], SettlementAsset: args[1], Amount: amt, Memo: str(cmd, "label")}), nil
		})
	dist.Flags().String("label", "", "what the distribution is, e.g. coupon 2026-12")
	cmd.AddCommand(reg, tighten, pause("pause", true), pause("unpause", false), freeze, approve, allow, force, recover, claw, dist)
	return cmd
}
