package scf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The stateless checks pass a well-formed message and refuse a malformed one with its code.
func TestBasicChecks(t *testing.T) {
	a, b := strings.Repeat("a", 40), strings.Repeat("b", 40)
	invoice := &txpb.MsgRegisterTradeDocument{Kind: KindInvoice, Seller: a, Buyer: b, InvoiceCode: "044031900111",
		InvoiceNumber: "00000001", Asset: "CNY", Amount: 100, IssueDate: "2025-09-01"}
	issue := &txpb.MsgIssueCertificate{LineId: 1, To: a, Face: 100, MaturityDate: "2025-12-31", DocumentIds: []uint64{1, 2}}
	cases := []struct {
		name  string
		check func(*txpb.Msg) error
		msg   *txpb.Msg
		want  *tx.Error // nil: passes
	}{
		{"grant", basicGrantCreditLine, tx.Wrap(&txpb.MsgGrantCreditLine{Enterprise: a, Asset: "CNY", Limit: 1, ExpiresAt: 1}), nil},
		{"grant zero limit", basicGrantCreditLine, tx.Wrap(&txpb.MsgGrantCreditLine{Enterprise: a, Asset: "CNY", ExpiresAt: 1}), ErrBadLine},
		{"close a line", basicSetCreditLine, tx.Wrap(&txpb.MsgSetCreditLine{LineId: 1, Close: true}), nil},
		{"line change of nothing", basicSetCreditLine, tx.Wrap(&txpb.MsgSetCreditLine{LineId: 1}), ErrBadLine},
		{"invoice", basicRegisterTradeDocument, tx.Wrap(invoice), nil},
		{"invoice with a bad date", basicRegisterTradeDocument, tx.Wrap(&txpb.MsgRegisterTradeDocument{Kind: KindInvoice, Seller: a,
			Buyer: b, InvoiceCode: "1", InvoiceNumber: "1", Asset: "CNY", Amount: 1, IssueDate: "2025-13-01"}), ErrBadDocument},
		{"issue", basicIssueCertificate, tx.Wrap(issue), nil},
		{"issue citing twice", basicIssueCertificate, tx.Wrap(&txpb.MsgIssueCertificate{LineId: 1, To: a, Face: 1,
			MaturityDate: "2025-12-31", DocumentIds: []uint64{1, 1}}), ErrBadCertificate},
		{"split into one", basicSplitCertificate, tx.Wrap(&txpb.MsgSplitCertificate{CertificateId: 1, Parts: []int64{5}}), ErrBadSplit},
		{"split with a negative part", basicSplitCertificate, tx.Wrap(&txpb.MsgSplitCertificate{CertificateId: 1, Parts: []int64{5, -1}}), ErrBelowMinimum},
		{"transfer of the whole", basicTransferCertificate, tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: 1, To: a}), nil},
		{"finance on 364 days", basicOfferFinancing, tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: 1, Funder: a, DayCountBasis: 364}), ErrBadRate},
		{"rate", basicAcceptFinancing, tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: 1, AnnualRatePercent: "3.6"}), nil},
		{"rate no number", basicAcceptFinancing, tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: 1, AnnualRatePercent: "3,6"}), ErrBadRate},
		{"bad asset", basicGrantCreditLine, tx.Wrap(&txpb.MsgGrantCreditLine{Enterprise: a, Asset: "cny", Limit: 1, ExpiresAt: 1}), money.ErrBadAssetCode},
	}
	for _, tc := range cases {
		err := tc.check(tc.msg)
		if tc.want == nil {
			require.NoError(t, err, tc.name)
			continue
		}
		require.Error(t, err, tc.name)
		require.Equal(t, tc.want.ID(), tx.AsError(err).ID(), "%s: %v", tc.name, err)
	}
}
