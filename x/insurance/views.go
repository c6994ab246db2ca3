package insurance

import (
	"encoding/hex"
	"math/big"
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
)

func statusName(s statepb.PolicyStatus) string {
	return strings.ToLower(strings.TrimPrefix(s.String(), "POLICY_STATUS_"))
}

func claimStatusName(s statepb.ClaimStatus) string {
	return strings.ToLower(strings.TrimPrefix(s.String(), "CLAIM_STATUS_"))
}

func microText(v int64) string { return money.FormatMinor(v, 6) }

func productView(rec *statepb.InsuranceProductRecord) query.InsuranceProduct {
	p := rec.Product
	v := query.InsuranceProduct{ID: rec.Id, Insurer: rec.Insurer, Name: p.Name, Kind: p.Kind, Cover: p.Cover, Asset: p.Asset,
		PremiumRatePPM: p.PremiumRatePpm, MaxPayoutPPM: p.MaxPayoutPpm, MinSumInsured: p.MinSumInsured, MaxSumInsured: p.MaxSumInsured,
		SaleStart: p.SaleStart, SaleEnd: p.SaleEnd, RiskStart: p.RiskStart, RiskEnd: p.RiskEnd, DisputeDays: p.DisputeDays,
		FeedID: p.FeedId, Index: p.Index, Direction: p.Direction, DecisionDays: p.DecisionDays, Assessor: p.Assessor,
		Policies: rec.Policies, IndexFixed: rec.IndexFixed, IndexRounds: rec.IndexRounds, IndexClosingRound: rec.IndexLastRound}
	if p.Kind == KindParametric {
		v.Trigger, v.Exit = microText(p.TriggerMicro), microText(p.ExitMicro)
		if p.ReferenceMicro > 0 {
			v.Reference = microText(p.ReferenceMicro)
		}
	}
	if rec.IndexFixed {
		v.IndexValue = sixPlaces(big.NewInt(rec.IndexNum), big.NewInt(rec.IndexDen))
	}
	return v
}

func poolView(p *statepb.Pool) query.Pool {
	return query.Pool{Insurer: p.Insurer, Asset: p.Asset, HoldID: p.HoldId, Balance: p.Balance, Funded: p.Funded,
		Premiums: p.Premiums, Payouts: p.Payouts, Withdrawals: p.Withdrawals, Exposure: p.Exposure, Free: Free(p)}
}

func policyView(p *statepb.Policy) query.Policy {
	return query.Policy{ID: p.Id, ProductID: p.ProductId, Insurer: p.Insurer, Insured: p.Insured, Buyer: p.Buyer, Asset: p.Asset,
		SumInsured: p.SumInsured, Premium: p.Premium, MaxPayout: p.MaxPayout, LoanID: p.LoanId, Status: statusName(p.Status),
		BoughtAt: p.BoughtAt, RiskEnd: p.RiskEnd, SettledAt: p.SettledAt, Paid: p.Paid, PaidToLoan: p.PaidToLoan,
		Claimed: p.Claimed, DisputeDeadline: p.DisputeDeadline, DisputeReason: p.DisputeReason}
}

func claimView(r store.Reader, c *statepb.Claim) query.Claim {
	p, _ := GetPolicy(r, c.PolicyId)
	return query.Claim{ID: c.Id, PolicyID: c.PolicyId, Asset: p.Asset, Amount: c.Amount, EvidenceHash: hex.EncodeToString(c.EvidenceHash),
		Status: claimStatusName(c.Status), FiledAt: c.FiledAt, DecideBy: c.DecideBy, DecidedAt: c.DecidedAt,
		DecidedBy: c.DecidedBy, Approved: c.Approved, Reason: c.Reason}
}

func mapViews[T, V any](in []T, f func(T) V) []V {
	out := make([]V, 0, len(in))
	for _, x := range in {
		out = append(out, f(x))
	}
	return out
}
