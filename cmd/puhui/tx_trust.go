package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func newTxTrustCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "trust", Short: "Trusts and charity: donations, milestone tranches, distributions, disclosure"}
	cmd.AddCommand(trustCreateCmd(), trustContributeCmd(), trustEvidenceCmd(), trustDecideCmd("approve", true),
		trustDecideCmd("reject", false), trustByTranche("release", "Release an approved tranche to its recipient (the trustee)",
			func(id uint64, n uint32) *txpb.Msg { return tx.Wrap(&txpb.MsgReleaseTranche{TrustId: id, Tranche: n}) }),
		trustCollectFeeCmd(), trustPublishCmd(), trustEndCmd())
	return cmd
}

func trustCreateCmd() *cobra.Command {
	c := txCommand("create NAME", "Create a trust with you as trustee (a bank); tranches add up to the target", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			asset := str(cmd, "asset")
			a, err := c.Asset(ctx, asset)
			if err != nil {
				return nil, fmt.Errorf("asset %s: %w", asset, err)
			}
			t := &txpb.TrustTerms{Name: args[0], Purpose: str(cmd, "purpose"), Asset: asset, Settlor: str(cmd, "settlor"),
				Supervisor: str(cmd, "supervisor")}
			if err := trustKindAndEnding(cmd, t); err != nil {
				return nil, err
			}
			t.Beneficiaries, _ = cmd.Flags().GetStringSlice("beneficiaries")
			t.Approvers, _ = cmd.Flags().GetStringSlice("approvers")
			t.Quorum, _ = cmd.Flags().GetUint32("quorum")
			t.FeeBps, _ = cmd.Flags().GetUint32("fee-bps")
			tranches, _ := cmd.Flags().GetStringArray("tranche")
			for _, spec := range tranches {
				tr, err := parseTranche(spec, a.Scale)
				if err != nil {
					return nil, err
				}
				t.Tranches = append(t.Tranches, tr)
				t.Target += tr.Amount
			}
			if monthly := str(cmd, "monthly"); monthly != "" {
				amount, err := money.ParseAmount(monthly, a.Scale)
				if err != nil {
					return nil, fmt.Errorf("--monthly: %w", err)
				}
				first, _ := cmd.Flags().GetInt64("first-at")
				t.Distribution = &txpb.Distribution{Beneficiary: str(cmd, "pay-to"), Amount: amount, FirstAt: first,
					Condition: str(cmd, "condition")}
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgCreateTrust{Terms: t})}, nil
		})
	f := c.Flags()
	f.String("kind", "charity", "charity or private")
	f.String("asset", "", "asset code of the trust property")
	f.String("purpose", "", "the trust's purpose")
	f.String("settlor", "", "settlor address")
	f.StringSlice("beneficiaries", nil, "beneficiary addresses, comma-separated")
	f.String("supervisor", "", "supervisor address (approves evidence alone)")
	f.StringSlice("approvers", nil, "approver addresses, comma-separated")
	f.Uint32("quorum", 0, "approvals of --approvers that approve evidence")
	f.Uint32("fee-bps", 0, "trustee fee, basis points a year")
	f.StringArray("tranche", nil, "AMOUNT:RECIPIENT:PURPOSE, repeated in order (charity); the target is their sum")
	f.String("monthly", "", "monthly distribution amount (private)")
	f.String("pay-to", "", "distribution beneficiary (one of --beneficiaries)")
	f.Int64("first-at", 0, "first distribution, unix seconds (default a month after creation)")
	f.String("condition", "", "CEL condition over balance, amount, month, beneficiary_kyc_level, beneficiary_balance, business_year, business_month")
	f.String("ending", "refund", "refund (pro rata to donors' unspent amounts) or pass-on")
	f.Uint64("successor", 0, "successor trust id for --ending pass-on")
	_ = c.MarkFlagRequired("asset")
	_ = c.MarkFlagRequired("settlor")
	return c
}

func trustKindAndEnding(cmd *cobra.Command, t *txpb.TrustTerms) error {
	switch str(cmd, "kind") {
	case "charity":
		t.Kind = txpb.TrustKind_TRUST_KIND_CHARITY
	case "private":
		t.Kind = txpb.TrustKind_TRUST_KIND_PRIVATE
	default:
		return fmt.Errorf("--kind %q: charity or private", str(cmd, "kind"))
	}
	switch str(cmd, "ending") {
	case "refund":
		t.Ending = txpb.TrustEnding_TRUST_ENDING_REFUND
	case "pass-on":
		t.Ending = txpb.TrustEnding_TRUST_ENDING_PASS_ON
		t.SuccessorTrust, _ = cmd.Flags().GetUint64("successor")
	default:
		return fmt.Errorf("--ending %q: refund or pass-on", str(cmd, "ending"))
	}
	return nil
}

func parseTranche(spec string, scale uint32) (*txpb.Tranche, error) {
	parts := strings.SplitN(spec, ":", 3)
	if len(parts) < 2 {
		return nil, fmt.Errorf("--tranche %q: want AMOUNT:RECIPIENT[:PURPOSE]", spec)
	}
	amount, err := money.ParseAmount(parts[0], scale)
	if err != nil {
		return nil, fmt.Errorf("--tranche %q: %w", spec, err)
	}
	tr := &txpb.Tranche{Amount: amount, Recipient: parts[1]}
	if len(parts) == 3 {
		tr.Purpose = parts[2]
	}
	return tr, nil
}

// trustAsset reads a trust id argument and the trust's asset scale.
func trustAsset(ctx context.Context, c *client.Client, arg string) (uint64, uint32, error) {
	id, err := parseID("trust", arg)
	if err != nil {
		return 0, 0, err
	}
	t, err := client.Query(ctx, c, query.GetTrust, arg)
	if err != nil {
		return 0, 0, fmt.Errorf("trust %d: %w", id, err)
	}
	a, err := c.Asset(ctx, t.Asset)
	if err != nil {
		return 0, 0, err
	}
	return id, a.Scale, nil
}

func trustContributeCmd() *cobra.Command {
	return txCommand("contribute TRUST_ID AMOUNT", "Donate to a charity trust, or fund your private trust as its settlor", cobra.ExactArgs(2),
		func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, scale, err := trustAsset(ctx, c, args[0])
			if err != nil {
				return nil, err
			}
			amount, err := money.ParseAmount(args[1], scale)
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgContribute{TrustId: id, Amount: amount})}, nil
		})
}

func trancheArgs(args []string) (uint64, uint32, error) {
	id, err := parseID("trust", args[0])
	if err != nil {
		return 0, 0, err
	}
	n, err := strconv.ParseUint(args[1], 10, 32)
	if err != nil || n == 0 {
		return 0, 0, fmt.Errorf("tranche %q: want 1, 2, …", args[1])
	}
	return id, uint32(n), nil
}

func trustEvidenceCmd() *cobra.Command {
	c := txCommand("submit-evidence TRUST_ID TRANCHE", "Submit (or resubmit) a tranche's evidence hashes (the trustee)", cobra.ExactArgs(2),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, n, err := trancheArgs(args)
			if err != nil {
				return nil, err
			}
			texts, _ := cmd.Flags().GetStringSlice("hashes")
			m := &txpb.MsgSubmitEvidence{TrustId: id, Tranche: n, Note: str(cmd, "note")}
			for _, h := range texts {
				b, err := hex.DecodeString(strings.TrimSpace(h))
				if err != nil {
					return nil, fmt.Errorf("--hashes %q: %w", h, err)
				}
				m.EvidenceHashes = append(m.EvidenceHashes, b)
			}
			return []*txpb.Msg{tx.Wrap(m)}, nil
		})
	c.Flags().StringSlice("hashes", nil, "SHA-256 hashes (hex) of receipts, invoices, delivery notes, comma-separated")
	c.Flags().String("note", "", "what the evidence shows")
	_ = c.MarkFlagRequired("hashes")
	return c
}

func trustDecideCmd(verb string, approve bool) *cobra.Command {
	c := txCommand(verb+" TRUST_ID TRANCHE", strings.ToUpper(verb[:1])+verb[1:]+" a tranche's submitted evidence (the supervisor or an approver)",
		cobra.ExactArgs(2), func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, n, err := trancheArgs(args)
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgDecideEvidence{TrustId: id, Tranche: n, Approve: approve, Reason: str(cmd, "reason")})}, nil
		})
	c.Flags().String("reason", "", "why (shown to the trustee)")
	return c
}

func trustByTranche(verb, short string, build func(uint64, uint32) *txpb.Msg) *cobra.Command {
	return txCommand(verb+" TRUST_ID TRANCHE", short, cobra.ExactArgs(2),
		func(_ context.Context, _ *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, n, err := trancheArgs(args)
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{build(id, n)}, nil
		})
}

func trustCollectFeeCmd() *cobra.Command {
	return txCommand("collect-fee TRUST_ID", "Collect the trustee fee accrued since the last collection (the trustee)", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("trust", args[0])
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgCollectTrustFee{TrustId: id})}, nil
		})
}

func trustPublishCmd() *cobra.Command {
	c := txCommand("publish TRUST_ID", "Compute a period's report from the chain and publish its hash (the trustee)", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("trust", args[0])
			if err != nil {
				return nil, err
			}
			start, _ := cmd.Flags().GetInt64("period-start")
			end, _ := cmd.Flags().GetInt64("period-end")
			rep, err := client.Query(ctx, c, query.GetTrustReport, strconv.FormatUint(id, 10), strconv.FormatInt(start, 10), strconv.FormatInt(end, 10))
			if err != nil {
				return nil, err
			}
			h, err := hex.DecodeString(rep.ReportHash)
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgPublishDisclosure{TrustId: id, PeriodStart: start, PeriodEnd: end, ReportHash: h})}, nil
		})
	c.Flags().Int64("period-start", 0, "period start, unix seconds")
	c.Flags().Int64("period-end", 0, "period end, unix seconds (not after the last block)")
	_ = c.MarkFlagRequired("period-start")
	_ = c.MarkFlagRequired("period-end")
	return c
}

func trustEndCmd() *cobra.Command {
	c := txCommand("end TRUST_ID", "Complete (the trustee) or --cancel (the trustee or supervisor) a trust; the remainder goes as its terms say",
		cobra.ExactArgs(1), func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("trust", args[0])
			if err != nil {
				return nil, err
			}
			cancel, _ := cmd.Flags().GetBool("cancel")
			return []*txpb.Msg{tx.Wrap(&txpb.MsgEndTrust{TrustId: id, Cancel: cancel, Reason: str(cmd, "reason")})}, nil
		})
	c.Flags().Bool("cancel", false, "cancel rather than complete")
	c.Flags().String("reason", "", "why")
	return c
}
