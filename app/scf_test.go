package app_test

import (
	"strconv"

	abci "github.com/cometbft/cometbft/abci/types"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/scf"
)

// scfWorld is a chain that starts on 2025-09-01 (Shanghai) with a bank, a core enterprise
// and two tiers of suppliers, CNY at scale 2, and the bank's line of 10,000,000.00 for the
// core enterprise (line 1).
type scfWorld struct {
	c                      *apptest.Chain
	bank, core, s1, s2, s3 *apptest.Key
	regulator              *apptest.Key
}

func newSCFWorld(t *testing.T) *scfWorld {
	t.Helper()
	w := &scfWorld{bank: apptest.NewKey("scf-bank"), core: apptest.NewKey("scf-core"), s1: apptest.NewKey("scf-tier1"),
		s2: apptest.NewKey("scf-tier2"), s3: apptest.NewKey("scf-tier3"), regulator: apptest.NewKey("scf-regulator")}
	db, err := store.Open("", store.Options{InMemory: true})
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	start := time.Date(2025, 9, 1, 9, 0, 0, 0, shanghai)
	w.c = &apptest.Chain{App: app.New(db, apptest.ChainID, nil), DB: db, Time: start, BlockInterval: 5 * time.Second}
	require.NoError(t, w.c.Init(
		apptest.Member{Key: w.bank, Name: "Bank", Roles: []string{"bank"}},
		apptest.Member{Key: w.core, Name: "Core", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.s1, Name: "Tier 1", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.s2, Name: "Tier 2", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.s3, Name: "Tier 3", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.regulator, Name: "Regulator", Roles: []string{"regulator"}},
	))
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterAsset("CNY", 2, 0), apptest.Mint("CNY", w.bank.Address, 100_000_000_00),
		tx.Wrap(&txpb.MsgGrantCreditLine{Enterprise: w.core.Address, Asset: "CNY", Limit: 10_000_000_00,
			ExpiresAt: time.Date(2026, 9, 1, 0, 0, 0, 0, shanghai).Unix()})))
	return w
}

// at runs an empty block at business time hh:mm of date in Shanghai and checks invariants.
func (w *scfWorld) at(t *testing.T, date, hhmm string) {
	t.Helper()
	when, err := time.ParseInLocation("2006-01-02 15:04", date+" "+hhmm, shanghai)
	require.NoError(t, err)
	w.c.Time = when.Add(-w.c.BlockInterval)
	_, err = w.c.Block()
	require.NoError(t, err)
	w.check(t)
}

func (w *scfWorld) check(t *testing.T) {
	t.Helper()
	require.NoError(t, ledger.CheckInvariants(w.c.State()))
	require.NoError(t, scf.CheckInvariants(w.c.State()))
}

func (w *scfWorld) avail(k *apptest.Key) int64 {
	return ledger.AvailableOf(w.c.State(), k.Address, "CNY")
}

func (w *scfWorld) cert(t *testing.T, id uint64) *statepb.Certificate {
	t.Helper()
	c, ok := scf.GetCertificate(w.c.State(), id)
	require.True(t, ok, "certificate %d", id)
	return c
}

func (w *scfWorld) line(t *testing.T) *statepb.CreditLine {
	t.Helper()
	l, ok := scf.GetLine(w.c.State(), 1)
	require.True(t, ok)
	return l
}

// invoice registers an invoice from seller to buyer (the seller signs) and returns its id.
func (w *scfWorld) invoice(t *testing.T, seller, buyer *apptest.Key, number string, amount int64) uint64 {
	t.Helper()
	res := w.c.MustExec(t, seller.Sign(tx.Wrap(&txpb.MsgRegisterTradeDocument{Kind: "invoice", Seller: seller.Address,
		Buyer: buyer.Address, InvoiceCode: "044031900111", InvoiceNumber: number, Asset: "CNY", Amount: amount,
		IssueDate: "2025-09-01"})))
	return attrID(t, res.Events, "scf.document_registered", "document")
}

// issued issues face to s1 against an invoice, maturing on maturity, and has s1 accept; it
// returns the certificate id.
func (w *scfWorld) issued(t *testing.T, number string, face int64, maturity string) uint64 {
	t.Helper()
	doc := w.invoice(t, w.s1, w.core, number, face)
	res := w.c.MustExec(t, w.core.Sign(tx.Wrap(&txpb.MsgIssueCertificate{LineId: 1, To: w.s1.Address, Face: face,
		MaturityDate: maturity, DocumentIds: []uint64{doc}})))
	id := attrID(t, res.Events, "scf.certificate_issued", "certificate")
	w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: id})))
	return id
}

// The issue's worked example: line 10,000,000.00; issue 1,000,000.00 maturing 2025-12-31;
// 300,000.00 split off and passed to a tier-2 supplier, who discounts it on 2025-10-02 at
// 3.60% (proceeds 297,300.00); at maturity 700,000.00 to tier 1, 300,000.00 to the bank, and
// the line is back to 10,000,000.00 available.
func TestSCFWorkedExample(t *testing.T) {
	w := newSCFWorld(t)
	root := w.issued(t, "00000001", 1_000_000_00, "2025-12-31")
	require.Equal(t, int64(1_000_000_00), w.line(t).Used)

	res := w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: root, To: w.s2.Address,
		Amount: 300_000_00})))
	part := attrID(t, res.Events, "scf.transfer_offered", "certificate")
	w.c.MustExec(t, w.s2.Sign(tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: part})))
	require.Equal(t, statepb.CertState_CERT_STATE_SPLIT, w.cert(t, root).State)
	rest := w.cert(t, root).Children[1]
	require.Equal(t, int64(700_000_00), w.cert(t, rest).Face)
	require.Equal(t, w.s2.Address, w.cert(t, part).Holder)
	require.Equal(t, uint32(2), w.cert(t, part).Tier)

	w.at(t, "2025-10-02", "10:00")
	w.c.MustExec(t, w.s2.Sign(tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: part, Funder: w.bank.Address})))
	bankBefore := w.avail(w.bank)
	res = w.c.MustExec(t, w.bank.Sign(tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: part, AnnualRatePercent: "3.60"})))
	require.Equal(t, "29730000", attr(res.Events, "scf.certificate_financed", "proceeds"))
	require.Equal(t, "90", attr(res.Events, "scf.certificate_financed", "days"))
	require.Equal(t, int64(297_300_00), w.avail(w.s2))
	require.Equal(t, bankBefore-297_300_00, w.avail(w.bank))
	require.Equal(t, w.bank.Address, w.cert(t, part).Holder)

	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.core.Address, 1_000_000_00)))
	w.at(t, "2025-12-30", "23:59")
	require.Equal(t, statepb.CertState_CERT_STATE_ACTIVE, w.cert(t, part).State, "nothing settles before maturity")
	bankBefore = w.avail(w.bank)
	w.at(t, "2025-12-31", "00:01")
	require.Equal(t, int64(700_000_00), w.avail(w.s1))
	require.Equal(t, bankBefore+300_000_00, w.avail(w.bank))
	require.Zero(t, w.avail(w.core))
	for _, id := range []uint64{part, rest} {
		require.Equal(t, statepb.CertState_CERT_STATE_SETTLED, w.cert(t, id).State)
	}
	l := w.line(t)
	require.Zero(t, l.Used)
	require.Equal(t, int64(10_000_000_00), l.Limit-l.Used)
	require.Equal(t, uint64(2), scf.IssuerRecordOf(w.c.State(), w.core.Address).SettledOnTime)
}

// Partial settlement: the enterprise holds 600,000.00 at maturity. The holders are paid pro
// rata (420,000.00 and 180,000.00), the rest stays overdue and counts days past due, a later
// deposit settles it at the next daily retry, and the issuer's record shows it late.
func TestSCFPartialSettlement(t *testing.T) {
	w := newSCFWorld(t)
	root := w.issued(t, "00000001", 1_000_000_00, "2025-12-31")
	res := w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: root, To: w.s2.Address,
		Amount: 300_000_00})))
	part := attrID(t, res.Events, "scf.transfer_offered", "certificate")
	w.c.MustExec(t, w.s2.Sign(tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: part})))
	rest := w.cert(t, root).Children[1]
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.core.Address, 600_000_00)))

	w.at(t, "2025-12-31", "00:01")
	require.Equal(t, int64(420_000_00), w.avail(w.s1))
	require.Equal(t, int64(180_000_00), w.avail(w.s2))
	for _, id := range []uint64{part, rest} {
		c := w.cert(t, id)
		require.Equal(t, statepb.CertState_CERT_STATE_OVERDUE, c.State)
		require.Zero(t, c.DaysPastDue)
	}
	require.Equal(t, int64(1_000_000_00), w.line(t).Used, "an unpaid part still uses the line")

	w.at(t, "2026-01-02", "00:01")
	require.Equal(t, int64(2), w.cert(t, part).DaysPastDue, "days past due count from the maturity date")
	w.at(t, "2026-01-03", "00:01")
	require.Equal(t, int64(3), w.cert(t, part).DaysPastDue)

	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.core.Address, 500_000_00)))
	w.at(t, "2026-01-04", "00:01")
	require.Equal(t, int64(700_000_00), w.avail(w.s1))
	require.Equal(t, int64(300_000_00), w.avail(w.s2))
	require.Equal(t, int64(100_000_00), w.avail(w.core))
	for _, id := range []uint64{part, rest} {
		c := w.cert(t, id)
		require.Equal(t, statepb.CertState_CERT_STATE_SETTLED, c.State)
		require.Equal(t, int64(4), c.DaysPastDue)
	}
	require.Zero(t, w.line(t).Used)
	rec := scf.IssuerRecordOf(w.c.State(), w.core.Address)
	require.Equal(t, uint64(2), rec.SettledLate)
	require.Zero(t, rec.SettledOnTime)
	require.Equal(t, int64(4), rec.MaxDpd)
	require.Equal(t, int64(1_000_000_00), rec.PaidLate)
}

func attrID(t *testing.T, events []abci.Event, typ, key string) uint64 {
	t.Helper()
	v := attr(events, typ, key)
	require.NotEmpty(t, v, "event %s.%s", typ, key)
	id, err := strconv.ParseUint(v, 10, 64)
	require.NoError(t, err)
	return id
}

// A pending issue nobody answers expires after the consortium's offer time (7 days by
// default): its face returns to the line and its invoice is free to back another issue.
func TestSCFPendingIssueExpires(t *testing.T) {
	w := newSCFWorld(t)
	doc := w.invoice(t, w.s1, w.core, "00000009", 100_000_00)
	res := w.c.MustExec(t, w.core.Sign(tx.Wrap(&txpb.MsgIssueCertificate{LineId: 1, To: w.s1.Address, Face: 100_000_00,
		MaturityDate: "2025-12-31", DocumentIds: []uint64{doc}})))
	id := attrID(t, res.Events, "scf.certificate_issued", "certificate")
	require.Equal(t, int64(100_000_00), w.line(t).Used)
	w.at(t, "2025-09-08", "08:00")
	require.Equal(t, statepb.CertState_CERT_STATE_PENDING, w.cert(t, id).State, "not yet seven days")
	w.at(t, "2025-09-08", "10:00")
	require.Equal(t, statepb.CertState_CERT_STATE_EXPIRED, w.cert(t, id).State)
	require.Zero(t, w.line(t).Used)
	d, ok := scf.GetDocument(w.c.State(), doc)
	require.True(t, ok)
	require.Zero(t, d.CertificateId, "the invoice may back a new issue")
	r := w.c.Exec(w.s1.Sign(tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: id})))
	require.Equal(t, scf.ErrNoOffer.Code, r.Code, r.Log)
}

// Paid in full at its first settlement, a part is on time even when the first block of its
// maturity date comes days later (a halted chain, a sandbox clock).
func TestSCFFirstSettlementIsOnTime(t *testing.T) {
	w := newSCFWorld(t)
	id := w.issued(t, "00000007", 100_000_00, "2025-12-31")
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.core.Address, 100_000_00)))
	w.at(t, "2026-01-03", "12:00")
	c := w.cert(t, id)
	require.Equal(t, statepb.CertState_CERT_STATE_SETTLED, c.State)
	require.Zero(t, c.DaysPastDue)
	require.Equal(t, uint64(1), scf.IssuerRecordOf(w.c.State(), w.core.Address).SettledOnTime)
}
