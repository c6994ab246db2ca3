package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// warningsOf lists the early warnings of one kind.
func warningsOf(t *testing.T, c *apptest.Chain, kind string) []query.EarlyWarning {
	t.Helper()
	var all, out []query.EarlyWarning
	queryJSON(t, c, query.PathEarlyWarnings, "", &all)
	for _, w := range all {
		if w.Kind == kind {
			out = append(out, w)
		}
	}
	return out
}

// A core enterprise that pays 600,000.00 of 1,000,000.00 at maturity shows in the overdue
// view by issuer and raises an early warning with the facts behind it until it pays.
func TestOverdueCertificatesByIssuerAndWarning(t *testing.T) {
	w := newSCFWorld(t)
	root := w.issued(t, "00000001", 1_000_000_00, "2025-12-31")
	res := w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: root, To: w.s2.Address,
		Amount: 300_000_00})))
	part := attrID(t, res.Events, "scf.transfer_offered", "certificate")
	w.c.MustExec(t, w.s2.Sign(tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: part})))
	w.issued(t, "00000002", 50_000_00, "2026-03-31") // not due: never in the view
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.core.Address, 600_000_00)))

	var view []query.OverdueIssuer
	queryJSON(t, w.c, query.PathOverdueCertificates, "", &view)
	require.Empty(t, view, "nothing is overdue before maturity")
	require.Empty(t, warningsOf(t, w.c, "core_enterprise_overdue"))

	w.at(t, "2025-12-31", "00:01")
	w.at(t, "2026-01-03", "00:01")
	queryJSON(t, w.c, query.PathOverdueCertificates, "", &view)
	require.Equal(t, []query.OverdueIssuer{{Issuer: w.core.Address, Asset: "CNY", Overdue: 400_000_00, OldestDPD: 3,
		Certificates: 2}}, view)
	require.Equal(t, []query.EarlyWarning{{Kind: "core_enterprise_overdue", Subject: w.core.Address, Facts: map[string]string{
		"asset": "CNY", "overdue": "40000000", "oldest_dpd": "3", "certificates": "2", "defaulted": "0"}}},
		warningsOf(t, w.c, "core_enterprise_overdue"))

	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.core.Address, 500_000_00)))
	w.at(t, "2026-01-04", "00:01")
	queryJSON(t, w.c, query.PathOverdueCertificates, "", &view)
	require.Empty(t, view, "paid: no longer overdue")
	require.Empty(t, warningsOf(t, w.c, "core_enterprise_overdue"))
}

// A pool of 17,000.00 + premiums covers one policy's 9,000.00 maximum payout at 194.44%; a
// second policy brings its coverage to 100.00%, under the 120% threshold: an early warning
// with the pool's figures.
func TestInsurancePoolCoverageAndWarning(t *testing.T) {
	w := newOracleWorld(t)
	start := w.c.Time
	w.c.MustExec(t, w.reporters[0].Sign(registerFeed(yieldFeed(w.reporterAddrs(3)))))
	w.c.MustExec(t, w.insurer.Sign(registerInsuranceProduct(droughtProduct("YIELD", start)), fundPool("CNY", 1_700_000)))
	w.c.MustExec(t, w.alice.Sign(buyPolicy(1, w.alice.Address, 1_000_000, 0)))

	var view []query.PoolCoverage
	queryJSON(t, w.c, query.PathPoolCoverage, "", &view)
	require.Equal(t, []query.PoolCoverage{{Insurer: w.insurer.Address, Asset: "CNY", Balance: 1_750_000, MaxPayouts: 900_000,
		Policies: 1, Coverage: "194.44", Threshold: "120.00"}}, view)
	require.Empty(t, warningsOf(t, w.c, "insurance_pool_coverage"))

	w.c.MustExec(t, w.bob.Sign(buyPolicy(1, w.bob.Address, 1_000_000, 0)))
	queryJSON(t, w.c, query.PathPoolCoverage, "", &view)
	require.Equal(t, []query.PoolCoverage{{Insurer: w.insurer.Address, Asset: "CNY", Balance: 1_800_000, MaxPayouts: 1_800_000,
		Policies: 2, Coverage: "100.00", Threshold: "120.00", Below: true}}, view)
	require.Equal(t, []query.EarlyWarning{{Kind: "insurance_pool_coverage", Subject: w.insurer.Address, Facts: map[string]string{
		"asset": "CNY", "balance": "1800000", "max_payouts": "1800000", "policies": "2", "coverage": "100.00",
		"threshold": "120.00"}}}, warningsOf(t, w.c, "insurance_pool_coverage"))
}
