package scf

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// Supply-chain finance's stateless checks (module.Route.Basic), refused before the mempool.
// Who the parties are, whether the line, document or certificate exists and what it allows,
// the term against today and the minimum part (a parameter) need state: the handlers judge them.

func basicSetScfParams(m *txpb.Msg) error {
	return ValidateParams(m.GetSetScfParams().GetParams())
}

func basicGrantCreditLine(m *txpb.Msg) error {
	x := m.GetGrantCreditLine()
	if err := tx.FirstError(tx.ValidateAddress("enterprise", x.GetEnterprise()), money.ValidateAssetCode("asset", x.GetAsset())); err != nil {
		return err
	}
	if err := money.CheckPositive("limit", x.GetLimit()); err != nil {
		return ErrBadLine.Wrapf("%v", err)
	}
	if x.GetExpiresAt() <= 0 {
		return ErrBadLine.Wrapf("expires_at %d: a block time in unix seconds is required", x.GetExpiresAt())
	}
	return nil
}

// basicSetCreditLine: a limit of 0 keeps the limit, which only a close makes a change.
func basicSetCreditLine(m *txpb.Msg) error {
	x := m.GetSetCreditLine()
	if err := tx.RequireID("line_id", x.GetLineId()); err != nil {
		return err
	}
	if x.GetLimit() < 0 || x.GetLimit() == 0 && !x.GetClose() {
		return ErrBadLine.Wrapf("limit %d: a positive new limit, or close", x.GetLimit())
	}
	return nil
}

func basicRegisterTradeDocument(m *txpb.Msg) error {
	x := m.GetRegisterTradeDocument()
	if err := tx.FirstError(tx.ValidateAddress("seller", x.GetSeller()), tx.ValidateAddress("buyer", x.GetBuyer())); err != nil {
		return err
	}
	if x.GetSeller() == x.GetBuyer() {
		return ErrBadDocument.Wrapf("seller and buyer are the same account")
	}
	if err := money.ValidateAssetCode("asset", x.GetAsset()); err != nil {
		return err
	}
	if _, err := dayOfDate("issue_date", x.GetIssueDate()); err != nil {
		return ErrBadDocument.Wrapf("issue_date %q: a date YYYY-MM-DD", x.GetIssueDate())
	}
	if len(x.GetExternalRef()) > 128 {
		return ErrBadDocument.Wrapf("external_ref: at most 128 bytes")
	}
	switch x.GetKind() {
	case KindInvoice:
		if !codeText(x.GetInvoiceCode()) || !codeText(x.GetInvoiceNumber()) || len(x.GetContractHash()) != 0 {
			return ErrBadDocument.Wrapf("an invoice has a code and a number (1..32 of A-Z, 0-9, -) and no contract hash")
		}
		if err := money.CheckPositive("amount", x.GetAmount()); err != nil {
			return ErrBadDocument.Wrapf("%v", err)
		}
	case KindContract:
		if len(x.GetContractHash()) != 32 || x.GetInvoiceCode() != "" || x.GetInvoiceNumber() != "" || x.GetAmount() < 0 {
			return ErrBadDocument.Wrapf("a contract has a 32-byte hash, no invoice code or number, an amount ≥ 0")
		}
	default:
		return ErrBadDocument.Wrapf("kind %q: invoice or contract", x.GetKind())
	}
	return nil
}

func basicRecordDocumentFinancing(m *txpb.Msg) error {
	x := m.GetRecordDocumentFinancing()
	if err := tx.RequireID("document_id", x.GetDocumentId()); err != nil {
		return err
	}
	if x.GetReference() == "" || len(x.GetReference()) > 128 {
		return ErrBadDocument.Wrapf("reference: 1..128 bytes")
	}
	return nil
}

func basicIssueCertificate(m *txpb.Msg) error {
	x := m.GetIssueCertificate()
	if err := tx.FirstError(tx.RequireID("line_id", x.GetLineId()), tx.ValidateAddress("to", x.GetTo())); err != nil {
		return err
	}
	if err := money.CheckPositive("face", x.GetFace()); err != nil {
		return ErrBadCertificate.Wrapf("%v", err)
	}
	if _, err := dayOfDate("maturity_date", x.GetMaturityDate()); err != nil {
		return err
	}
	ids := x.GetDocumentIds()
	if len(ids) == 0 || len(ids) > maxDocuments {
		return ErrBadCertificate.Wrapf("%d documents: 1..%d", len(ids), maxDocuments)
	}
	seen := make(map[uint64]bool, len(ids))
	for _, id := range ids {
		if err := tx.RequireID("document_ids", id); err != nil {
			return err
		}
		if seen[id] {
			return ErrBadCertificate.Wrapf("document %d cited twice", id)
		}
		seen[id] = true
	}
	return nil
}

func basicAcceptCertificate(m *txpb.Msg) error {
	return tx.RequireID("certificate_id", m.GetAcceptCertificate().GetCertificateId())
}

func basicRejectCertificate(m *txpb.Msg) error {
	x := m.GetRejectCertificate()
	if err := tx.RequireID("certificate_id", x.GetCertificateId()); err != nil {
		return err
	}
	if len(x.GetReason()) > 200 {
		return ErrBadCertificate.Wrapf("reason: at most 200 bytes")
	}
	return nil
}

func basicCancelCertificateOffer(m *txpb.Msg) error {
	return tx.RequireID("certificate_id", m.GetCancelCertificateOffer().GetCertificateId())
}

// basicSplitCertificate: every part is at least the minimum part, itself at least 1.
func basicSplitCertificate(m *txpb.Msg) error {
	x := m.GetSplitCertificate()
	if err := tx.RequireID("certificate_id", x.GetCertificateId()); err != nil {
		return err
	}
	parts := x.GetParts()
	if len(parts) < 2 || len(parts) > maxParts {
		return ErrBadSplit.Wrapf("%d parts: 2..%d", len(parts), maxParts)
	}
	for i, p := range parts {
		if p < 1 {
			return ErrBelowMinimum.Wrapf("part %d of %d: at least 1", i, p)
		}
	}
	if _, err := money.Sum(parts...); err != nil {
		return ErrBadSplit.Wrapf("the parts overflow: %v", err)
	}
	return nil
}

// basicTransferCertificate: an amount of 0 transfers the whole face.
func basicTransferCertificate(m *txpb.Msg) error {
	x := m.GetTransferCertificate()
	if err := tx.FirstError(tx.RequireID("certificate_id", x.GetCertificateId()), tx.ValidateAddress("to", x.GetTo())); err != nil {
		return err
	}
	if x.GetAmount() < 0 {
		return ErrBadSplit.Wrapf("amount %d must not be negative (0: the whole face)", x.GetAmount())
	}
	return nil
}

func basicOfferFinancing(m *txpb.Msg) error {
	x := m.GetOfferFinancing()
	if err := tx.FirstError(tx.RequireID("certificate_id", x.GetCertificateId()), tx.ValidateAddress("funder", x.GetFunder())); err != nil {
		return err
	}
	_, err := CheckBasis(x.GetDayCountBasis())
	return err
}

func basicAcceptFinancing(m *txpb.Msg) error {
	x := m.GetAcceptFinancing()
	if err := tx.RequireID("certificate_id", x.GetCertificateId()); err != nil {
		return err
	}
	_, err := ParseRate(x.GetAnnualRatePercent())
	return err
}
