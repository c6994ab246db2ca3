package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func newTxLendingCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "lending", Short: "Loan products, applications, decisions, disbursements, repayments"}

	register := txCommand("register-product", "Register a loan product lent by the signer (bank or MFI) from a protobuf JSON LoanProduct",
		cobra.NoArgs, func(_ context.Context, _ *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			file := str(cmd, "file")
			if file == "" {
				return nil, fmt.Errorf("--file is required (a LoanProduct in protobuf JSON, or - for stdin)")
			}
			data, err := readInput(cmd, file)
			if err != nil {
				return nil, err
			}
			p, err := parseProduct(data)
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_RegisterProduct{RegisterProduct: &txpb.MsgRegisterProduct{Product: p}}}}, nil
		})
	register.Flags().String("file", "", "the product's terms as a protobuf JSON LoanProduct (amounts in minor units), or - for stdin")

	apply := txCommand("apply", "Apply for a loan under a product (the signer is the borrower)", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			productID, _ := cmd.Flags().GetUint64("product")
			if productID == 0 {
				return nil, fmt.Errorf("--product is required")
			}
			p, err := c.Product(ctx, productID)
			if err != nil {
				return nil, fmt.Errorf("product %d: %w", productID, err)
			}
			principal, err := amountOf(ctx, c, client.ProductAsset(p), str(cmd, "principal"))
			if err != nil {
				return nil, fmt.Errorf("--principal: %w", err)
			}
			periods, _ := cmd.Flags().GetUint32("periods")
			group, _ := cmd.Flags().GetUint64("group")
			return []*txpb.Msg{{Sum: &txpb.Msg_ApplyLoan{ApplyLoan: &txpb.MsgApplyLoan{
				ProductId: productID, Principal: principal, Periods: periods, Purpose: str(cmd, "purpose"), GroupId: group}}}}, nil
		})
	apply.Flags().Uint64("product", 0, "product id")
	apply.Flags().String("principal", "", "principal as a decimal in the product's asset, e.g. 10000.00")
	apply.Flags().Uint32("periods", 0, "number of instalments")
	apply.Flags().String("purpose", "", "purpose of the loan")
	apply.Flags().Uint64("group", 0, "joint-liability group id (products with a group guarantee)")
	_ = apply.MarkFlagRequired("product")
	_ = apply.MarkFlagRequired("principal")
	_ = apply.MarkFlagRequired("periods")

	decide := txCommand("decide LOAN_ID", "Approve (--approve) or reject (--reject) an application (the product's lender)", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("loan", args[0])
			if err != nil {
				return nil, err
			}
			approve, _ := cmd.Flags().GetBool("approve")
			reject, _ := cmd.Flags().GetBool("reject")
			if approve == reject {
				return nil, fmt.Errorf("give exactly one of --approve and --reject")
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_DecideLoan{DecideLoan: &txpb.MsgDecideLoan{
				LoanId: id, Approve: approve, Reason: str(cmd, "reason")}}}}, nil
		})
	decide.Flags().Bool("approve", false, "approve the application")
	decide.Flags().Bool("reject", false, "reject the application")
	decide.Flags().String("reason", "", "reason, recorded with the decision")
	decide.MarkFlagsMutuallyExclusive("approve", "reject")
	decide.MarkFlagsOneRequired("approve", "reject")

	disburse := txCommand("disburse LOAN_ID", "Pay an approved loan out from the signer's balance (the product's lender)", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("loan", args[0])
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_DisburseLoan{DisburseLoan: &txpb.MsgDisburseLoan{LoanId: id}}}}, nil
		})

	repay := txCommand("repay LOAN_ID", "Pay towards a loan from the signer's balance (what is not owed is not taken)", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, amt, err := loanAmount(ctx, c, cmd, args[0])
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_RepayLoan{RepayLoan: &txpb.MsgRepayLoan{LoanId: id, Amount: amt}}}}, nil
		})

	writeOff := txCommand("write-off LOAN_ID", "Take a loan's outstanding principal off the signer's books (the product's lender)", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("loan", args[0])
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_WriteOffLoan{WriteOffLoan: &txpb.MsgWriteOffLoan{LoanId: id, Reason: str(cmd, "reason")}}}}, nil
		})
	writeOff.Flags().String("reason", "", "reason, recorded in the event")

	fund := txCommand("fund LOAN_ID", "Commit part of the signer's balance to a pooled loan", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, amt, err := loanAmount(ctx, c, cmd, args[0])
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_FundLoan{FundLoan: &txpb.MsgFundLoan{LoanId: id, Amount: amt}}}}, nil
		})

	for _, c := range []*cobra.Command{repay, fund} {
		c.Flags().String("amount", "", "amount as a decimal in the loan's asset, e.g. 500.00")
		_ = c.MarkFlagRequired("amount")
	}

	group := txCommand("create-group", "Form a joint-liability group of borrowers under the signing lender", cobra.NoArgs,
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			members, _ := cmd.Flags().GetStringSlice("members")
			for i, m := range members {
				members[i] = strings.TrimSpace(m)
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_CreateGroup{CreateGroup: &txpb.MsgCreateGroup{Name: str(cmd, "name"), Members: members}}}}, nil
		})
	group.Flags().String("name", "", "group name")
	group.Flags().StringSlice("members", nil, "member account addresses, comma-separated")
	_ = group.MarkFlagRequired("name")
	_ = group.MarkFlagRequired("members")

	buckets := txCommand("set-buckets BOUND,BOUND,...", "Set the delinquency buckets by their upper bounds in days past due (regulator)",
		cobra.ExactArgs(1), func(_ context.Context, _ *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			var bounds []uint32
			for _, f := range strings.Split(args[0], ",") {
				v, err := strconv.ParseUint(strings.TrimSpace(f), 10, 32)
				if err != nil {
					return nil, fmt.Errorf("bound %q: %w", f, err)
				}
				bounds = append(bounds, uint32(v))
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_SetDelinquencyBuckets{SetDelinquencyBuckets: &txpb.MsgSetDelinquencyBuckets{UpperBounds: bounds}}}}, nil
		})

	cmd.AddCommand(register, apply, decide, disburse, repay, writeOff, fund, group, buckets)
	return cmd
}

// parseProduct reads a LoanProduct in protobuf JSON, strictly: an unknown field is an error
// rather than a term silently left at its default.
func parseProduct(data []byte) (*txpb.LoanProduct, error) {
	var p txpb.LoanProduct
	if err := protojson.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("product: %w", err)
	}
	return &p, nil
}

// parseID reads a positive decimal id argument (what: "loan", "hold" …).
func parseID(what, arg string) (uint64, error) {
	id, err := strconv.ParseUint(arg, 10, 64)
	if err != nil || id == 0 {
		return 0, fmt.Errorf("%s id %q: want a positive integer", what, arg)
	}
	return id, nil
}

// loanAmount reads a loan id argument and the --amount flag in the loan's asset.
func loanAmount(ctx context.Context, c *client.Client, cmd *cobra.Command, arg string) (uint64, int64, error) {
	id, err := parseID("loan", arg)
	if err != nil {
		return 0, 0, err
	}
	l, err := c.Loan(ctx, id)
	if err != nil {
		return 0, 0, fmt.Errorf("loan %d: %w", id, err)
	}
	amt, err := amountOf(ctx, c, l.Asset, str(cmd, "amount"))
	if err != nil {
		return 0, 0, fmt.Errorf("--amount: %w", err)
	}
	return id, amt, nil
}
