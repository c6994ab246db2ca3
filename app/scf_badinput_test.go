package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/scf"
)

// Bad supply-chain input: each case is refused with its stable code and changes nothing but
// the signer's nonce (not even that when the message fails its stateless check).
func TestSCFBadInputChangesNothing(t *testing.T) {
	w := newSCFWorld(t)
	held := w.issued(t, "00000001", 1_000_000_00, "2025-12-31")
	doc := uint64(1) // the invoice behind held
	pendingDoc := w.invoice(t, w.s1, w.core, "00000002", 50_000_00)
	res := w.c.MustExec(t, w.core.Sign(tx.Wrap(&txpb.MsgIssueCertificate{LineId: 1, To: w.s1.Address, Face: 50_000_00,
		MaturityDate: "2025-12-31", DocumentIds: []uint64{pendingDoc}})))
	pending := attrID(t, res.Events, "scf.certificate_issued", "certificate")
	res = w.c.MustExec(t, w.s1.Sign(tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: held, To: w.s2.Address, Amount: 200_000_00})))
	offered := attrID(t, res.Events, "scf.transfer_offered", "certificate")
	w.c.MustExec(t, w.s2.Sign(tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: offered})))
	w.c.MustExec(t, w.s2.Sign(tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: offered, Funder: w.bank.Address})))
	rest := w.cert(t, held).Children[1] // 800,000.00 with tier 1
	fresh := w.invoice(t, w.s1, w.core, "00000003", 20_000_000_00)

	issue := func(face int64, maturity string, docs ...uint64) *txpb.Msg {
		return tx.Wrap(&txpb.MsgIssueCertificate{LineId: 1, To: w.s1.Address, Face: face, MaturityDate: maturity, DocumentIds: docs})
	}
	cases := []struct {
		name   string
		signer *apptest.Key
		msg    *txpb.Msg
		want   *tx.Error
	}{
		{"split parts not adding up", w.s1, tx.Wrap(&txpb.MsgSplitCertificate{CertificateId: rest, Parts: []int64{400_000_00, 300_000_00}}), scf.ErrBadSplit},
		{"split part below the minimum", w.s1, tx.Wrap(&txpb.MsgSplitCertificate{CertificateId: rest, Parts: []int64{800_000_00 - 99_99, 99_99}}), scf.ErrBelowMinimum},
		{"transfer by a non-holder", w.s3, tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: rest, To: w.s3.Address}), scf.ErrNotHolder},
		{"finance offer by a non-holder", w.s2, tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: rest, Funder: w.bank.Address}), scf.ErrNotHolder},
		{"the same invoice used twice", w.core, issue(1_000_00, "2025-12-31", doc), scf.ErrDocumentUsed},
		{"the same invoice registered twice", w.s1, tx.Wrap(&txpb.MsgRegisterTradeDocument{Kind: "invoice", Seller: w.s1.Address,
			Buyer: w.core.Address, InvoiceCode: "044031900111", InvoiceNumber: "00000001", Asset: "CNY", Amount: 1, IssueDate: "2025-09-01"}), scf.ErrDuplicate},
		{"an invoice backing a certificate financed directly", w.bank, tx.Wrap(&txpb.MsgRecordDocumentFinancing{DocumentId: doc, Reference: "F-1"}), scf.ErrDocumentUsed},
		{"issue beyond the line", w.core, issue(9_000_000_01, "2025-12-31", fresh), scf.ErrLineExceeded},
		{"issue beyond the term limit", w.core, issue(1_000_00, "2026-09-02", fresh), scf.ErrTermTooLong},
		{"issue on someone else's line", w.s1, issue(1_000_00, "2025-12-31", fresh), scf.ErrNotIssuer},
		{"negative rate", w.bank, tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: offered, AnnualRatePercent: "-3.6"}), scf.ErrBadRate},
		{"absurd rate", w.bank, tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: offered, AnnualRatePercent: "360"}), scf.ErrBadRate},
		{"rate that is no number", w.bank, tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: offered, AnnualRatePercent: "3,6"}), scf.ErrBadRate},
		{"accept by someone other than the receiver", w.s2, tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: pending}), scf.ErrNotReceiver},
		{"financing accepted by another bank's key", w.core, tx.Wrap(&txpb.MsgRejectCertificate{CertificateId: offered}), scf.ErrNotReceiver},
		{"cancel of an issue by another", w.s1, tx.Wrap(&txpb.MsgCancelCertificateOffer{CertificateId: pending}), scf.ErrNotIssuer},
		{"line cut below what it uses", w.bank, tx.Wrap(&txpb.MsgSetCreditLine{LineId: 1, Limit: 1_000_000_00}), scf.ErrLimitBelowUsed},
		{"financing offered to a non-funder", w.s1, tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: rest, Funder: w.s3.Address}), scf.ErrNotFunder},
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

	// Financing at or after maturity: on the maturity day the part is due, not for sale.
	w.at(t, "2025-12-31", "09:00")
	before := dump(w.c.State())
	r := w.c.Exec(w.s1.Sign(tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: rest, Funder: w.bank.Address})))
	require.Equal(t, scf.ErrMatured.Code, r.Code, r.Log)
	require.Equal(t, []string{string(tx.NonceKey(w.s1.Address))}, changedKeys(before, dump(w.c.State())))
}
