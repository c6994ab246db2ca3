package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/credit"
	"github.com/puhui-chain/puhui/x/credit/scorecard"
)

// scfReport has the bank obtain of's credit report in CNY under of's consent, through the
// transaction and the signed read a lender uses, and returns its supply-chain finance part.
func (w *scfWorld) scfReport(t *testing.T, of *apptest.Key) query.SCFSignals {
	t.Helper()
	w.c.MustExec(t, of.Sign(grantConsent(of.Address, w.bank.Address, "monitoring", w.c.Time.Unix()+3600)))
	res := w.c.MustExec(t, w.bank.Sign(requestReport(of.Address, "monitoring")))
	id := attrID(t, res.Events, "credit.report_accessed", "access_id")
	pr, code := readReport(t, w.c, w.bank, of.Address, int64(id))
	require.Zero(t, code)
	return pr.Report.SCF
}

// Issue 11's partial settlement as the credit bureau sees it: the suppliers' confirmed
// receivables appear in their reports while they hold them; the enterprise that paid
// 600,000.00 of 1,000,000.00 at maturity shows the unpaid 400,000.00 overdue with its days
// past due, and once a later deposit settles it, both parts settled late at 4 DPD — the same
// figures the scorecard facts carry.
func TestSCFCreditFacts(t *testing.T) {
	w := newSCFWorld(t)
	root := w.issued(t, "00000001", 1_000_000_00, "2025-12-31")
	require.Equal(t, int64(1_000_000_00), w.scfReport(t, w.s1).ReceivablesHeld, "an accepted issue is a confirmed receivable")
	res := w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: root, To: w.s2.Address,
		Amount: 300_000_00})))
	part := attrID(t, res.Events, "scf.transfer_offered", "certificate")
	require.Equal(t, int64(1_000_000_00), w.scfReport(t, w.s1).ReceivablesHeld, "an offered part is held until accepted")
	w.c.MustExec(t, w.s2.Sign(tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: part})))
	require.Equal(t, int64(700_000_00), w.scfReport(t, w.s1).ReceivablesHeld)
	require.Equal(t, int64(300_000_00), w.scfReport(t, w.s2).ReceivablesHeld)
	require.Zero(t, w.scfReport(t, w.core).ReceivablesHeld, "the issuer holds no claim on itself")

	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.core.Address, 600_000_00)))
	w.at(t, "2025-12-31", "00:01")
	w.at(t, "2026-01-03", "00:01")
	s1 := w.scfReport(t, w.s1)
	require.Equal(t, int64(280_000_00), s1.ReceivablesHeld, "700,000.00 less the 420,000.00 paid pro rata")
	ent := w.scfReport(t, w.core)
	require.Equal(t, int64(400_000_00), ent.IssuedOverdue)
	require.Equal(t, int64(3), ent.IssuerMaxDPD)
	require.Zero(t, ent.IssuedLate+ent.IssuedOnTime)
	p := credit.ProfileOf(w.c.State(), w.core.Address, "CNY", w.c.Time.Unix()).Facts()
	require.Equal(t, int64(400_000_00), p[scorecard.FactScfIssuedOverdue])
	require.Equal(t, int64(3), p[scorecard.FactScfIssuerMaxDPD])

	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.core.Address, 500_000_00)))
	w.at(t, "2026-01-04", "00:01")
	ent = w.scfReport(t, w.core)
	require.Equal(t, query.SCFSignals{Asset: "CNY", IssuedLate: 2, IssuedPaidLate: 1_000_000_00, IssuerMaxDPD: 4}, ent)
	for _, k := range []*apptest.Key{w.s1, w.s2} {
		require.Equal(t, query.SCFSignals{Asset: "CNY", ReceivedLate: 1, ReceivedMaxDPD: 4}, w.scfReport(t, k))
	}
	p = credit.ProfileOf(w.c.State(), w.core.Address, "CNY", w.c.Time.Unix()).Facts()
	require.Equal(t, int64(2), p[scorecard.FactScfIssuedLate])
	require.Equal(t, int64(4), p[scorecard.FactScfIssuerMaxDPD])
	require.Zero(t, p[scorecard.FactScfIssuedOverdue])
	require.Len(t, p, len(scorecard.Facts()), "every fact named in the vocabulary is supplied")
}

// Paid at maturity in full, after a discount: the funder, holding the part at maturity,
// shows it received on time; the issuer shows both parts paid on time.
func TestSCFCreditFactsOnTime(t *testing.T) {
	w := newSCFWorld(t)
	root := w.issued(t, "00000001", 1_000_000_00, "2025-12-31")
	w.at(t, "2025-10-02", "10:00")
	w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: root, Funder: w.bank.Address})))
	w.c.MustExec(t, w.bank.Sign(tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: root, AnnualRatePercent: "3.60"})))
	require.Zero(t, credit.ScfRecordOf(w.c.State(), w.s1.Address, "CNY").ReceivablesHeld, "sold to the bank")
	require.Equal(t, int64(1_000_000_00), credit.ScfRecordOf(w.c.State(), w.bank.Address, "CNY").ReceivablesHeld)
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.core.Address, 1_000_000_00)))
	w.at(t, "2025-12-31", "00:01")
	b := credit.ScfRecordOf(w.c.State(), w.bank.Address, "CNY")
	require.Zero(t, b.ReceivablesHeld)
	require.Equal(t, uint64(1), b.ReceivedOnTime)
	e := credit.ScfRecordOf(w.c.State(), w.core.Address, "CNY")
	require.Equal(t, uint64(1), e.IssuedOnTime)
	require.Equal(t, int64(1_000_000_00), e.IssuedPaidOnTime)
	require.Zero(t, e.IssuerMaxDpd)
}
