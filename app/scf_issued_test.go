package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The issuer's view lists the certificates an enterprise issued — the roots, not their
// parts — with their face by state; another enterprise's list is empty.
func TestSCFIssuedView(t *testing.T) {
	w := newSCFWorld(t)
	root := w.issued(t, "00000011", 500_000_00, "2025-12-31")
	doc := w.invoice(t, w.s1, w.core, "00000012", 80_000_00)
	res := w.c.MustExec(t, w.core.Sign(tx.Wrap(&txpb.MsgIssueCertificate{LineId: 1, To: w.s1.Address, Face: 80_000_00,
		MaturityDate: "2025-12-31", DocumentIds: []uint64{doc}})))
	pending := attrID(t, res.Events, "scf.certificate_issued", "certificate")
	w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: root, To: w.s2.Address, Amount: 100_000_00})))

	var v query.ScfIssued
	queryJSON(t, w.c, query.PathScfIssued, w.core.Address, &v)
	require.Equal(t, w.core.Address, v.Issuer)
	require.Len(t, v.Certificates, 2, "the two roots; the parts split off are not issues")
	require.Equal(t, []uint64{root, pending}, []uint64{v.Certificates[0].ID, v.Certificates[1].ID})
	require.Equal(t, "split", v.Certificates[0].State)
	require.Equal(t, "pending", v.Certificates[1].State)
	require.Equal(t, map[string]int64{"split": 500_000_00, "pending": 80_000_00}, v.FaceByState)

	var none query.ScfIssued
	queryJSON(t, w.c, query.PathScfIssued, w.s1.Address, &none)
	require.Empty(t, none.Certificates)
	require.Empty(t, none.FaceByState)
}
