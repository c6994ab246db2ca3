package main

import (
	"context"
	"encoding/hex"
	"fmt"

	"github.com/spf13/cobra"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func newTxInsuranceCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "insurance", Short: "Insurance products, pools, policies, claims and disputes"}

	register := txCommand("register-product", "Register a product sold by the signer (an insurer) from a protobuf JSON InsuranceProduct",
		cobra.NoArgs, func(_ context.Context, _ *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			data, err := readInput(cmd, str(cmd, "file"))
			if err != nil {
				return nil, err
			}
			var p txpb.InsuranceProduct
			if err := protojson.Unmarshal(data, &p); err != nil {
				return nil, fmt.Errorf("product: %w", err)
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_RegisterInsuranceProduct{RegisterInsuranceProduct: &txpb.MsgRegisterInsuranceProduct{Product: &p}}}}, nil
		})
	register.Flags().String("file", "-", "the product as a protobuf JSON InsuranceProduct (fractions in ppm, amounts in minor units), or - for stdin")

	fund := txCommand("fund-pool", "Add to the signer's capacity pool in an asset (held on its balance)", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			amt, err := amountOf(ctx, c, str(cmd, "asset"), str(cmd, "amount"))
			if err != nil {
				return nil, fmt.Errorf("--amount: %w", err)
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_FundPool{FundPool: &txpb.MsgFundPool{Asset: str(cmd, "asset"), Amount: amt}}}}, nil
		})
	withdraw := txCommand("withdraw-pool", "Take back the part of the pool no active policy needs", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			amt, err := amountOf(ctx, c, str(cmd, "asset"), str(cmd, "amount"))
			if err != nil {
				return nil, fmt.Errorf("--amount: %w", err)
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_WithdrawPool{WithdrawPool: &txpb.MsgWithdrawPool{Asset: str(cmd, "asset"), Amount: amt}}}}, nil
		})
	for _, c := range []*cobra.Command{fund, withdraw} {
		c.Flags().String("asset", "", "asset code")
		c.Flags().String("amount", "", "amount as a decimal, e.g. 50000.00")
		_ = c.MarkFlagRequired("asset")
		_ = c.MarkFlagRequired("amount")
	}

	buy := txCommand("buy PRODUCT_ID", "Buy cover under a product; the signer pays the premium (the insured, or its loan's lender)", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("product", args[0])
			if err != nil {
				return nil, err
			}
			p, err := client.Query(ctx, c, query.GetInsuranceProduct, args[0])
			if err != nil {
				return nil, fmt.Errorf("product %d: %w", id, err)
			}
			sum, err := amountOf(ctx, c, p.Asset, str(cmd, "sum-insured"))
			if err != nil {
				return nil, fmt.Errorf("--sum-insured: %w", err)
			}
			insured := str(cmd, "insured")
			if insured == "" {
				if insured, err = signerAddress(cmd); err != nil {
					return nil, err
				}
			}
			loan, _ := cmd.Flags().GetUint64("loan")
			return []*txpb.Msg{{Sum: &txpb.Msg_BuyPolicy{BuyPolicy: &txpb.MsgBuyPolicy{ProductId: id, Insured: insured, SumInsured: sum, LoanId: loan}}}}, nil
		})
	buy.Flags().String("sum-insured", "", "sum insured as a decimal in the product's asset")
	buy.Flags().String("insured", "", "the insured's address (default: the signer)")
	buy.Flags().Uint64("loan", 0, "loan the cover is linked to: a payout settles it first")
	_ = buy.MarkFlagRequired("sum-insured")

	cmd.AddCommand(register, fund, withdraw, buy, claimCmd(), decideClaimCmd(), disputeCmd(), resolveCmd())
	return cmd
}

// policyAmount reads POLICY_ID and an amount flag in the policy's asset.
func policyAmount(ctx context.Context, c *client.Client, cmd *cobra.Command, arg, flag string) (uint64, int64, error) {
	id, err := parseID("policy", arg)
	if err != nil {
		return 0, 0, err
	}
	p, err := client.Query(ctx, c, query.GetPolicy, arg)
	if err != nil {
		return 0, 0, fmt.Errorf("policy %d: %w", id, err)
	}
	amt, err := amountOf(ctx, c, p.Asset, str(cmd, flag))
	if err != nil {
		return 0, 0, fmt.Errorf("--%s: %w", flag, err)
	}
	return id, amt, nil
}

func claimCmd() *cobra.Command {
	cmd := txCommand("claim POLICY_ID", "Claim a loss under an indemnity policy (the insured)", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, amt, err := policyAmount(ctx, c, cmd, args[0], "amount")
			if err != nil {
				return nil, err
			}
			evidence, err := hex.DecodeString(str(cmd, "evidence-hash"))
			if err != nil {
				return nil, fmt.Errorf("--evidence-hash: %w", err)
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_FileClaim{FileClaim: &txpb.MsgFileClaim{PolicyId: id, Amount: amt, EvidenceHash: evidence}}}}, nil
		})
	cmd.Flags().String("amount", "", "amount claimed, a decimal")
	cmd.Flags().String("evidence-hash", "", "sha256 of the off-chain evidence, hex")
	_ = cmd.MarkFlagRequired("amount")
	_ = cmd.MarkFlagRequired("evidence-hash")
	return cmd
}

func decideClaimCmd() *cobra.Command {
	cmd := txCommand("decide-claim CLAIM_ID", "Approve (--amount above 0) or reject (--amount 0) a claim (insurer or assessor)", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("claim", args[0])
			if err != nil {
				return nil, err
			}
			cl, err := client.Query(ctx, c, query.GetClaim, args[0])
			if err != nil {
				return nil, fmt.Errorf("claim %d: %w", id, err)
			}
			amt, err := amountOf(ctx, c, cl.Asset, str(cmd, "amount"))
			if err != nil {
				return nil, fmt.Errorf("--amount: %w", err)
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_DecideClaim{DecideClaim: &txpb.MsgDecideClaim{ClaimId: id, Amount: amt, Reason: str(cmd, "reason")}}}}, nil
		})
	cmd.Flags().String("amount", "", "amount approved, a decimal (0 rejects)")
	cmd.Flags().String("reason", "", "reason, recorded with the decision")
	_ = cmd.MarkFlagRequired("amount")
	return cmd
}

func disputeCmd() *cobra.Command {
	cmd := txCommand("dispute POLICY_ID", "Dispute a parametric settlement before its deadline (the insured)", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("policy", args[0])
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_DisputeSettlement{DisputeSettlement: &txpb.MsgDisputeSettlement{PolicyId: id, Reason: str(cmd, "reason")}}}}, nil
		})
	cmd.Flags().String("reason", "", "why the settlement missed the loss")
	_ = cmd.MarkFlagRequired("reason")
	return cmd
}

func resolveCmd() *cobra.Command {
	cmd := txCommand("resolve-dispute POLICY_ID", "Close a dispute, topping the payout up from the pool (the insurer)", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, amt, err := policyAmount(ctx, c, cmd, args[0], "top-up")
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_ResolveDispute{ResolveDispute: &txpb.MsgResolveDispute{PolicyId: id, TopUp: amt, Reason: str(cmd, "reason")}}}}, nil
		})
	cmd.Flags().String("top-up", "0", "top-up paid from the pool, a decimal")
	cmd.Flags().String("reason", "", "reason")
	return cmd
}
