package compliance

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/x/core"
)

// The supervision views over supply-chain finance and insurance, and their early warnings.
// Both are queries: they may read every overdue certificate and every pool.

// overdueView is one issuer's overdue certificates in an asset.
func overdueView(o OverdueCertificates) query.OverdueIssuer {
	return query.OverdueIssuer{Issuer: o.Issuer, Asset: o.Asset, Overdue: o.Overdue, OldestDPD: o.OldestDPD,
		Certificates: o.Count, Defaulted: o.Defaulted}
}

// overdueWarnings: a core enterprise with receivable certificates unpaid past maturity.
func overdueWarnings(r store.Reader) []query.EarlyWarning {
	var out []query.EarlyWarning
	for _, o := range scf.OverdueByIssuer(r) {
		out = append(out, query.EarlyWarning{Kind: "core_enterprise_overdue", Subject: o.Issuer, Facts: map[string]string{
			"asset": o.Asset, "overdue": core.Itoa(o.Overdue), "oldest_dpd": core.Itoa(o.OldestDPD),
			"certificates": core.Itoa(int64(o.Count)), "defaulted": core.Itoa(int64(o.Defaulted))}})
	}
	return out
}

// poolCoverage is every insurance pool's coverage of its active policies' maximum payouts.
func poolCoverage(r store.Reader) []query.PoolCoverage {
	threshold := poolCoverageThresholdBps(r)
	out := []query.PoolCoverage{}
	for _, p := range insurance.Pools(r) {
		v := query.PoolCoverage{Insurer: p.Insurer, Asset: p.Asset, Balance: p.Balance, MaxPayouts: p.MaxPayouts,
			Policies: p.Policies, Threshold: money.FormatMinor(threshold, 2)}
		if p.MaxPayouts > 0 {
			v.Coverage = percent(p.Balance, p.MaxPayouts)
			v.Below = belowCoverage(p.Balance, p.MaxPayouts, threshold)
		}
		out = append(out, v)
	}
	return out
}

// belowCoverage: balance / maxPayouts < threshold (basis points), compared without dividing.
func belowCoverage(balance, maxPayouts, thresholdBps int64) bool {
	lhs, err1 := money.Mul(balance, 10_000)
	rhs, err2 := money.Mul(maxPayouts, thresholdBps)
	if err1 != nil || err2 != nil {
		return err2 != nil && err1 == nil // a need too large to scale is uncovered
	}
	return lhs < rhs
}

// coverageWarnings: a pool whose balance covers its active policies' maximum payouts less
// than the threshold.
func coverageWarnings(r store.Reader) []query.EarlyWarning {
	var out []query.EarlyWarning
	for _, v := range poolCoverage(r) {
		if v.Below {
			out = append(out, query.EarlyWarning{Kind: "insurance_pool_coverage", Subject: v.Insurer, Facts: map[string]string{
				"asset": v.Asset, "balance": core.Itoa(v.Balance), "max_payouts": core.Itoa(v.MaxPayouts),
				"policies": core.Itoa(int64(v.Policies)), "coverage": v.Coverage, "threshold": v.Threshold}})
		}
	}
	return out
}
