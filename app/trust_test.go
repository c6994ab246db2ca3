package app_test

import (
	"crypto/sha256"
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/trust"
)

// trustWorld is a chain that starts on 2025-09-01 (Shanghai) with an issuing bank, a trust
// company (bank role), a supervisor, three donors, a project executor and a family, CNY at
// scale 2, and 200,000.00 minted to each donor.
type trustWorld struct {
	c                                  *apptest.Chain
	bank, trustee, sup, a, b, cc, exec *apptest.Key
	family, heir, regulator            *apptest.Key
}

func newTrustWorld(t *testing.T) *trustWorld {
	t.Helper()
	w := &trustWorld{bank: apptest.NewKey("tr-bank"), trustee: apptest.NewKey("tr-trustco"), sup: apptest.NewKey("tr-supervisor"),
		a: apptest.NewKey("tr-donor-a"), b: apptest.NewKey("tr-donor-b"), cc: apptest.NewKey("tr-donor-c"),
		exec: apptest.NewKey("tr-executor"), family: apptest.NewKey("tr-family"), heir: apptest.NewKey("tr-heir"),
		regulator: apptest.NewKey("tr-regulator")}
	db, err := store.Open("", store.Options{InMemory: true})
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	start := time.Date(2025, 9, 1, 9, 0, 0, 0, shanghai)
	w.c = &apptest.Chain{App: app.New(db, apptest.ChainID, nil), DB: db, Time: start, BlockInterval: 5 * time.Second}
	require.NoError(t, w.c.Init(
		apptest.Member{Key: w.bank, Name: "Bank", Roles: []string{"bank"}},
		apptest.Member{Key: w.trustee, Name: "Trust Co", Roles: []string{"bank"}},
		apptest.Member{Key: w.sup, Name: "Supervisor", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.a, Name: "Donor A", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.b, Name: "Donor B", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.cc, Name: "Donor C", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.exec, Name: "Executor", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.regulator, Name: "Regulator", Roles: []string{"regulator"}},
	))
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterAsset("CNY", 2, 0),
		apptest.Mint("CNY", w.a.Address, 200_000_00), apptest.Mint("CNY", w.b.Address, 200_000_00),
		apptest.Mint("CNY", w.cc.Address, 200_000_00),
		apptest.RegisterAccount(w.family.PubKey(), 1), apptest.RegisterAccount(w.heir.PubKey(), 1)))
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.family.Address, 100_000_00)))
	return w
}

// project is the charity project: target 300,000.00 in tranches of 30/40/30% to the
// executor, evidence approved by the supervisor, the remainder refunded at the end.
func (w *trustWorld) project() *txpb.TrustTerms {
	return &txpb.TrustTerms{Name: "Village school", Purpose: "rebuild the village school", Kind: txpb.TrustKind_TRUST_KIND_CHARITY,
		Asset: "CNY", Settlor: w.a.Address, Supervisor: w.sup.Address, FeeBps: 200, Target: 300_000_00,
		Tranches: []*txpb.Tranche{
			{Amount: 90_000_00, Recipient: w.exec.Address, Purpose: "foundations"},
			{Amount: 120_000_00, Recipient: w.exec.Address, Purpose: "walls and roof"},
			{Amount: 90_000_00, Recipient: w.exec.Address, Purpose: "fittings"}},
		Ending: txpb.TrustEnding_TRUST_ENDING_REFUND}
}

func (w *trustWorld) create(t *testing.T, terms *txpb.TrustTerms) uint64 {
	t.Helper()
	res := w.c.MustExec(t, w.trustee.Sign(tx.Wrap(&txpb.MsgCreateTrust{Terms: terms})))
	return attrID(t, res.Events, "trust.created", "trust_id")
}

func (w *trustWorld) donateABC(t *testing.T, id uint64) {
	t.Helper()
	w.c.MustExec(t, w.a.Sign(tx.Wrap(&txpb.MsgContribute{TrustId: id, Amount: 150_000_00})))
	w.c.MustExec(t, w.b.Sign(tx.Wrap(&txpb.MsgContribute{TrustId: id, Amount: 100_000_00})))
	w.c.MustExec(t, w.cc.Sign(tx.Wrap(&txpb.MsgContribute{TrustId: id, Amount: 50_000_00})))
}

func evidence(s string) [][]byte {
	h := sha256.Sum256([]byte(s))
	return [][]byte{h[:]}
}

// release submits evidence for tranche n, has the supervisor approve it and releases it.
func (w *trustWorld) release(t *testing.T, id uint64, n uint32) {
	t.Helper()
	w.c.MustExec(t, w.trustee.Sign(tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: id, Tranche: n, EvidenceHashes: evidence("receipts " + string(rune('0'+n)))})))
	w.c.MustExec(t, w.sup.Sign(tx.Wrap(&txpb.MsgDecideEvidence{TrustId: id, Tranche: n, Approve: true})))
	w.c.MustExec(t, w.trustee.Sign(tx.Wrap(&txpb.MsgReleaseTranche{TrustId: id, Tranche: n})))
}

func (w *trustWorld) check(t *testing.T) {
	t.Helper()
	require.NoError(t, w.c.App.CheckInvariants(w.c.State()))
}

func (w *trustWorld) avail(addr string) int64 { return ledger.AvailableOf(w.c.State(), addr, "CNY") }

func (w *trustWorld) trust(t *testing.T, id uint64) *statepb.TrustRecord {
	t.Helper()
	rec, ok := trust.GetTrust(w.c.State(), id)
	require.True(t, ok)
	return rec
}

// at runs an empty block at business time hh:mm of date in Shanghai and checks invariants.
func (w *trustWorld) at(t *testing.T, date, hhmm string) {
	t.Helper()
	when, err := time.ParseInLocation("2006-01-02 15:04", date+" "+hhmm, shanghai)
	require.NoError(t, err)
	w.c.Time = when.Add(-w.c.BlockInterval)
	_, err = w.c.Block()
	require.NoError(t, err)
	w.check(t)
}

// uses is a donor's trace: its tranche uses as (tranche, amount) pairs, every use's kind,
// and its unspent amount.
func (w *trustWorld) uses(t *testing.T, donor *apptest.Key) ([][2]int64, []string, int64) {
	t.Helper()
	var trace []query.TrustTrace
	queryJSON(t, w.c, query.PathTrustDonor, donor.Address, &trace)
	require.Len(t, trace, 1)
	var out [][2]int64
	var kinds []string
	for _, u := range trace[0].Uses {
		kinds = append(kinds, u.Kind)
		if u.Kind == "tranche" {
			require.Equal(t, w.exec.Address, u.Recipient)
			require.Len(t, u.Evidence, 1, "each use names its evidence")
			out = append(out, [2]int64{int64(u.Tranche), u.Amount})
		}
	}
	return out, kinds, trace[0].Donation.Unspent
}

// The worked example: A 150,000.00, B 100,000.00, C 50,000.00; tranche 1 is all A's,
// tranche 2 60,000.00 of A's and 60,000.00 of B's, tranche 3 40,000.00 of B's and 50,000.00
// of C's — and each donor's trace says exactly that.
func TestTrustWorkedExampleFIFO(t *testing.T) {
	w := newTrustWorld(t)
	id := w.create(t, w.project())
	w.donateABC(t, id)
	for n := uint32(1); n <= 3; n++ {
		w.release(t, id, n)
		w.check(t)
	}
	require.Equal(t, int64(300_000_00), w.avail(w.exec.Address))
	require.Equal(t, int64(0), w.avail(trust.AccountOf(id)))

	a, _, unspentA := w.uses(t, w.a)
	require.Equal(t, [][2]int64{{1, 90_000_00}, {2, 60_000_00}}, a)
	b, _, unspentB := w.uses(t, w.b)
	require.Equal(t, [][2]int64{{2, 60_000_00}, {3, 40_000_00}}, b)
	c, _, unspentC := w.uses(t, w.cc)
	require.Equal(t, [][2]int64{{3, 50_000_00}}, c)
	require.Zero(t, unspentA+unspentB+unspentC)

	var rels []query.TrustRelease
	queryJSON(t, w.c, query.PathTrustOut, "1", &rels)
	require.Len(t, rels, 3)
	require.Equal(t, []query.TrustPart{{Donation: 1, Donor: w.a.Address, Amount: 60_000_00},
		{Donation: 2, Donor: w.b.Address, Amount: 60_000_00}}, rels[1].Parts)

	// The period report from the chain, and the same computed offline from the two lists.
	var rep query.TrustReport
	end := w.c.Time.Unix() + 1
	queryJSON(t, w.c, query.PathTrustReport, "1/0/"+strconv.FormatInt(end, 10), &rep)
	require.Equal(t, int64(300_000_00), rep.Donations)
	require.Equal(t, int64(300_000_00), rep.Releases)
	require.Zero(t, rep.Closing)
	var gifts []query.TrustDonation
	queryJSON(t, w.c, query.PathTrustGifts, "1", &gifts)
	req, err := json.Marshal(trust.ReportRequest{TrustID: 1, Asset: "CNY", From: 0, To: end, Donations: gifts, Releases: rels})
	require.NoError(t, err)
	offline, err := app.TrustReport(req)
	require.NoError(t, err)
	require.Equal(t, rep, offline)
}

// Cancellation after tranche 1: the remaining 210,000.00 goes back as A 60,000.00,
// B 100,000.00, C 50,000.00, and the trust takes no more donations.
func TestTrustCancellationRefundsProRataToUnspent(t *testing.T) {
	w := newTrustWorld(t)
	id := w.create(t, w.project())
	w.donateABC(t, id)
	w.release(t, id, 1)
	before := map[string]int64{w.a.Address: w.avail(w.a.Address), w.b.Address: w.avail(w.b.Address), w.cc.Address: w.avail(w.cc.Address)}
	res := w.c.MustExec(t, w.sup.Sign(tx.Wrap(&txpb.MsgEndTrust{TrustId: id, Cancel: true, Reason: "site lost"})))
	require.Equal(t, "21000000", attr(res.Events, "trust.ended", "remainder"))
	require.Equal(t, int64(60_000_00), w.avail(w.a.Address)-before[w.a.Address])
	require.Equal(t, int64(100_000_00), w.avail(w.b.Address)-before[w.b.Address])
	require.Equal(t, int64(50_000_00), w.avail(w.cc.Address)-before[w.cc.Address])
	rec := w.trust(t, id)
	require.Equal(t, statepb.TrustStatus_TRUST_STATUS_CANCELLED, rec.Status)
	require.Equal(t, int64(210_000_00), rec.Refunded)
	require.Zero(t, w.avail(rec.Address))
	w.check(t)
	_, kinds, unspent := w.uses(t, w.b)
	require.Equal(t, []string{"refund"}, kinds)
	require.Zero(t, unspent)
}

// A release without approved evidence is refused; a rejection sends the tranche back and a
// resubmission approved by a quorum of named approvers releases it.
func TestTrustEvidenceRejectResubmitQuorum(t *testing.T) {
	w := newTrustWorld(t)
	terms := w.project()
	terms.Supervisor, terms.Approvers, terms.Quorum = "", []string{w.sup.Address, w.bank.Address, w.cc.Address}, 2
	id := w.create(t, terms)
	w.donateABC(t, id)
	release := tx.Wrap(&txpb.MsgReleaseTranche{TrustId: id, Tranche: 1})
	r := w.c.Exec(w.trustee.Sign(release))
	require.Equal(t, trust.ErrNotApproved.Code, r.Code, r.Log)

	w.c.MustExec(t, w.trustee.Sign(tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: id, Tranche: 1, EvidenceHashes: evidence("blurry receipt")})))
	w.c.MustExec(t, w.bank.Sign(tx.Wrap(&txpb.MsgDecideEvidence{TrustId: id, Tranche: 1, Approve: false, Reason: "illegible"})))
	require.Equal(t, statepb.TrancheStatus_TRANCHE_STATUS_REJECTED, w.trust(t, id).Tranches[0].Status)
	r = w.c.Exec(w.trustee.Sign(release))
	require.Equal(t, trust.ErrNotApproved.Code, r.Code, r.Log)

	w.c.MustExec(t, w.trustee.Sign(tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: id, Tranche: 1, EvidenceHashes: evidence("clear receipt")})))
	w.c.MustExec(t, w.sup.Sign(tx.Wrap(&txpb.MsgDecideEvidence{TrustId: id, Tranche: 1, Approve: true})))
	require.Equal(t, statepb.TrancheStatus_TRANCHE_STATUS_SUBMITTED, w.trust(t, id).Tranches[0].Status, "one of a quorum of two")
	w.c.MustExec(t, w.cc.Sign(tx.Wrap(&txpb.MsgDecideEvidence{TrustId: id, Tranche: 1, Approve: true})))
	w.c.MustExec(t, w.trustee.Sign(release))
	st := w.trust(t, id).Tranches[0]
	require.Equal(t, statepb.TrancheStatus_TRANCHE_STATUS_RELEASED, st.Status)
	require.Equal(t, uint32(2), st.Submissions)
	require.Equal(t, evidence("clear receipt"), st.EvidenceHashes)
	w.check(t)
}

// The 10% administrative cap: with nothing spent yet any fee would be all of the spending and
// is refused; once a tranche is released a month's fee fits under the cap.
func TestTrustFeeAdminCap(t *testing.T) {
	w := newTrustWorld(t)
	id := w.create(t, w.project())
	w.donateABC(t, id)
	w.at(t, "2025-10-01", "09:00")
	collect := tx.Wrap(&txpb.MsgCollectTrustFee{TrustId: id})
	before := dump(w.c.State())
	r := w.c.Exec(w.trustee.Sign(collect))
	require.Equal(t, trust.ErrAdminCap.Code, r.Code, r.Log)
	require.Equal(t, []string{string(tx.NonceKey(w.trustee.Address))}, changedKeys(before, dump(w.c.State())))

	w.release(t, id, 1)
	trusteeBefore := w.avail(w.trustee.Address)
	res := w.c.MustExec(t, w.trustee.Sign(collect))
	rec := w.trust(t, id)
	require.Positive(t, rec.Fees)
	require.Equal(t, rec.Fees, w.avail(w.trustee.Address)-trusteeBefore)
	require.LessOrEqual(t, rec.Fees*10, rec.Fees+rec.Released)
	require.NotEmpty(t, attr(res.Events, "trust.fee_collected", "admin_ratio_bps"))
	// The fee is attributed first in, first out too: A's trace shows it.
	_, kinds, _ := w.uses(t, w.a)
	require.Equal(t, []string{"tranche", "fee"}, kinds)
	w.check(t)
}

// A family trust pays 1,000.00 a month while funds last: 2,500.00 pays two months, the third
// month stops cleanly with an event and nothing more is scheduled.
func TestTrustMonthlyDistributionStopsWhenFundsRunOut(t *testing.T) {
	w := newTrustWorld(t)
	terms := &txpb.TrustTerms{Name: "Family trust", Kind: txpb.TrustKind_TRUST_KIND_PRIVATE, Asset: "CNY",
		Settlor: w.family.Address, Beneficiaries: []string{w.heir.Address}, Ending: txpb.TrustEnding_TRUST_ENDING_REFUND,
		Distribution: &txpb.Distribution{Beneficiary: w.heir.Address, Amount: 1_000_00,
			FirstAt: time.Date(2025, 10, 1, 0, 0, 0, 0, shanghai).Unix(), Condition: "beneficiary_kyc_level >= 1 && month <= 24"}}
	id := w.create(t, terms)
	r := w.c.Exec(w.a.Sign(tx.Wrap(&txpb.MsgContribute{TrustId: id, Amount: 1})))
	require.Equal(t, trust.ErrNotContributor.Code, r.Code, "only the settlor funds a private trust")
	w.c.MustExec(t, w.family.Sign(tx.Wrap(&txpb.MsgContribute{TrustId: id, Amount: 2_500_00})))
	w.at(t, "2025-10-01", "00:01")
	require.Equal(t, int64(1_000_00), w.avail(w.heir.Address))
	w.at(t, "2025-11-01", "00:01")
	require.Equal(t, int64(2_000_00), w.avail(w.heir.Address))
	w.at(t, "2025-12-01", "00:01")
	require.Equal(t, int64(2_000_00), w.avail(w.heir.Address))
	require.Equal(t, "funds_exhausted", attr(w.c.LastResponse.Events, "trust.distribution_stopped", "reason"))
	rec := w.trust(t, id)
	require.True(t, rec.DistributionStopped)
	require.Zero(t, rec.NextPaymentAt)
	require.Equal(t, int64(500_00), trust.Balance(rec))
	w.at(t, "2026-01-01", "00:01")
	require.Equal(t, int64(2_000_00), w.avail(w.heir.Address))
}

// A missed quarterly disclosure is flagged overdue by the scheduler; publishing clears it.
func TestTrustDisclosureOverdue(t *testing.T) {
	w := newTrustWorld(t)
	id := w.create(t, w.project())
	w.donateABC(t, id)
	w.at(t, "2025-12-01", "10:00")
	require.True(t, w.trust(t, id).DisclosureOverdue)
	require.Equal(t, "1", attr(w.c.LastResponse.Events, "trust.disclosure_overdue", "trust_id"))
	var rep query.TrustReport
	created := w.trust(t, id).CreatedAt
	queryJSON(t, w.c, query.PathTrustReport, "1/"+strconv.FormatInt(created, 10)+"/"+strconv.FormatInt(w.c.Time.Unix(), 10), &rep)
	require.Equal(t, int64(300_000_00), rep.Donations)
	require.Equal(t, int64(300_000_00), rep.Closing)
	h := sha256.Sum256([]byte(rep.ReportHash))
	w.c.MustExec(t, w.trustee.Sign(tx.Wrap(&txpb.MsgPublishDisclosure{TrustId: id, PeriodStart: created, PeriodEnd: w.c.Time.Unix(), ReportHash: h[:]})))
	rec := w.trust(t, id)
	require.False(t, rec.DisclosureOverdue)
	require.Equal(t, uint64(1), rec.Disclosures)
}

// The trust account has no key: its record carries no public key, no signer's address can
// equal it, and nothing the parties sign moves its balance outside the trust's rules.
func TestTrustAccountNoKeyCanSpend(t *testing.T) {
	w := newTrustWorld(t)
	id := w.create(t, w.project())
	w.donateABC(t, id)
	addr := trust.AccountOf(id)
	acc, ok := identity.GetAccount(w.c.State(), addr)
	require.True(t, ok)
	require.Empty(t, acc.PubKey)
	for _, k := range []*apptest.Key{w.bank, w.trustee, w.sup, w.a, w.exec, w.regulator} {
		require.NotEqual(t, addr, k.Address)
		for _, m := range []*txpb.Msg{apptest.Transfer(w.exec.Address, "CNY", 1), apptest.PlaceHold(w.exec.Address, "CNY", 1, w.c.Time.Unix()+3600),
			tx.Wrap(&txpb.MsgReleaseTranche{TrustId: id, Tranche: 1}), tx.Wrap(&txpb.MsgCollectTrustFee{TrustId: id})} {
			w.c.Exec(k.Sign(m))
			require.Equal(t, int64(300_000_00), w.avail(addr), "%s signing %s", k.Address, tx.MsgType(m))
		}
	}
	w.check(t)
}

// Bad trust input: refused with its code, changing nothing but the signer's nonce (not even
// that when the stateless check refuses it).
func TestTrustBadInputChangesNothing(t *testing.T) {
	w := newTrustWorld(t)
	id := w.create(t, w.project())
	closed := w.create(t, w.project())
	w.donateABC(t, id)
	w.c.MustExec(t, w.trustee.Sign(tx.Wrap(&txpb.MsgEndTrust{TrustId: closed, Reason: "merged"})))
	w.c.MustExec(t, w.trustee.Sign(tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: id, Tranche: 1, EvidenceHashes: evidence("r1")})))
	uneven := w.project()
	uneven.Tranches[2].Amount--
	cases := []struct {
		name   string
		signer *apptest.Key
		msg    *txpb.Msg
		want   *tx.Error
	}{
		{"release by a non-trustee", w.bank, tx.Wrap(&txpb.MsgReleaseTranche{TrustId: id, Tranche: 1}), trust.ErrNotTrustee},
		{"release by a non-member role", w.exec, tx.Wrap(&txpb.MsgReleaseTranche{TrustId: id, Tranche: 1}), tx.ErrUnauthorized},
		{"release without approved evidence", w.trustee, tx.Wrap(&txpb.MsgReleaseTranche{TrustId: id, Tranche: 1}), trust.ErrNotApproved},
		{"approval by a non-approver", w.a, tx.Wrap(&txpb.MsgDecideEvidence{TrustId: id, Tranche: 1, Approve: true}), trust.ErrNotApprover},
		{"donation to a closed trust", w.a, tx.Wrap(&txpb.MsgContribute{TrustId: closed, Amount: 1}), trust.ErrTrustClosed},
		{"tranches that do not add up to the target", w.trustee, tx.Wrap(&txpb.MsgCreateTrust{Terms: uneven}), trust.ErrTranchesTarget},
		{"donation beyond the donor's funds", w.a, tx.Wrap(&txpb.MsgContribute{TrustId: id, Amount: 1_000_000_00}), ledger.ErrInsufficientFunds},
		{"a tranche the trust lacks", w.trustee, tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: id, Tranche: 4, EvidenceHashes: evidence("x")}), trust.ErrBadTranche},
		{"evidence that is no hash", w.trustee, tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: id, Tranche: 2, EvidenceHashes: [][]byte{{1, 2}}}), trust.ErrBadEvidence},
		{"cancel by a donor", w.a, tx.Wrap(&txpb.MsgEndTrust{TrustId: id, Cancel: true}), trust.ErrNotEnder},
		{"unknown trust", w.a, tx.Wrap(&txpb.MsgContribute{TrustId: 99, Amount: 1}), trust.ErrUnknownTrust},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := dump(w.c.State())
			r := w.c.Exec(tc.signer.Sign(tc.msg))
			require.Equal(t, tc.want.Codespace, r.Codespace, r.Log)
			require.Equal(t, tc.want.Code, r.Code, r.Log)
			require.Equal(t, refusedKeys(r, tc.signer, tc.msg), changedKeys(before, dump(w.c.State())), r.Log)
		})
	}
}
