package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/scf"
)

// held is the ids and states of the certificates addr's holder view lists.
func (w *scfWorld) held(t *testing.T, addr string) map[uint64]string {
	t.Helper()
	var v query.ScfHolder
	queryJSON(t, w.c, query.PathScfHolder, addr, &v)
	out := map[uint64]string{}
	for _, c := range v.Certificates {
		out[c.ID] = c.State
	}
	return out
}

// A split writes no index entry and a moved certificate's old entry stays, so the holder
// view finds parts through the entry of what was split and skips what has moved on: after a
// split, a pass-on, a financing and a pass back, each account lists exactly what it holds,
// once; the enterprise's outstanding and the overdue view find every live part.
func TestSCFHolderViewAfterSplitsAndMoves(t *testing.T) {
	w := newSCFWorld(t)
	root := w.issued(t, "00000021", 900_000_00, "2025-12-31")
	w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgSplitCertificate{CertificateId: root, Parts: []int64{300_000_00, 600_000_00}})))
	a, b := w.cert(t, root).Children[0], w.cert(t, root).Children[1]
	require.Equal(t, map[uint64]string{a: "active", b: "active"}, w.held(t, w.s1.Address), "the parts, not the split root")

	// s1 passes b on; s2 splits it and has one half financed.
	w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: b, To: w.s2.Address})))
	w.c.MustExec(t, w.s2.Sign(tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: b})))
	w.c.MustExec(t, w.s2.Sign(tx.Wrap(&txpb.MsgSplitCertificate{CertificateId: b, Parts: []int64{200_000_00, 400_000_00}})))
	b1, b2 := w.cert(t, b).Children[0], w.cert(t, b).Children[1]
	w.c.MustExec(t, w.s2.Sign(tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: b1, Funder: w.bank.Address})))
	w.c.MustExec(t, w.bank.Sign(tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: b1, AnnualRatePercent: "3.6"})))
	// s2 passes b2 back to s1, which held it (as part of the root) before.
	w.c.MustExec(t, w.s2.Sign(tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: b2, To: w.s1.Address})))
	w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: b2})))

	require.Equal(t, map[uint64]string{a: "active", b2: "active"}, w.held(t, w.s1.Address))
	require.Empty(t, w.held(t, w.s2.Address), "everything s2 had has moved on")
	require.Equal(t, map[uint64]string{b1: "active"}, w.held(t, w.bank.Address), "the funder holds what it financed")
	var s1 query.ScfHolder
	queryJSON(t, w.c, query.PathScfHolder, w.s1.Address, &s1)
	require.Len(t, s1.Certificates, 2, "each part once")
	require.Less(t, s1.Certificates[0].ID, s1.Certificates[1].ID, "in id order")
	require.Equal(t, map[string]int64{"active": 700_000_00}, s1.FaceByState)

	var e query.ScfEnterprise
	queryJSON(t, w.c, query.PathScfEnterprise, w.core.Address, &e)
	require.Equal(t, []query.ScfMaturity{{Date: "2025-12-31", Asset: "CNY", Amount: 900_000_00}}, e.Outstanding)

	// Nothing to pay at maturity: all three live parts fall overdue and stay in the views;
	// the settled ones leave them once paid.
	w.at(t, "2025-12-31", "00:01")
	queryJSON(t, w.c, query.PathScfEnterprise, w.core.Address, &e)
	require.Equal(t, int64(900_000_00), e.Record.Overdue)
	require.Equal(t, map[uint64]string{a: "overdue", b2: "overdue"}, w.held(t, w.s1.Address))
	var overdue []uint64
	for _, c := range scf.OverdueParts(w.c.State()) {
		overdue = append(overdue, c.Id)
	}
	require.Equal(t, []uint64{a, b1, b2}, overdue, "the supervision view's parts, in id order")
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.core.Address, 900_000_00)))
	w.at(t, "2026-01-01", "00:01")
	queryJSON(t, w.c, query.PathScfEnterprise, w.core.Address, &e)
	require.Empty(t, e.Outstanding, "the root left the maturity index with its last part")
	require.Equal(t, map[uint64]string{a: "settled", b2: "settled"}, w.held(t, w.s1.Address))
	require.Equal(t, uint64(3), scf.IssuerRecordOf(w.c.State(), w.core.Address).SettledLate)
}
