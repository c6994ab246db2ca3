package scf

import (
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// Document kinds.
const (
	KindInvoice  = "invoice"
	KindContract = "contract"
)

// GetDocument reads a trade document.
func GetDocument(r store.Reader, id uint64) (*statepb.TradeDocument, bool) {
	var d statepb.TradeDocument
	return &d, core.GetProto(r, DocumentKey(id), &d)
}

func mustDocument(r store.Reader, id uint64) (*statepb.TradeDocument, error) {
	d, ok := GetDocument(r, id)
	if !ok {
		return nil, ErrUnknownDocument.Wrapf("document %d", id)
	}
	return d, nil
}

// RegisterDocument executes MsgRegisterTradeDocument: a party to the trade registers an
// invoice (unique by code and number) or a contract (unique by hash). A second registration
// of the same invoice or contract is refused, naming the first.
func RegisterDocument(ctx *core.Context, m *txpb.MsgRegisterTradeDocument) error {
	if err := checkDocument(ctx.KV, ctx.Signer, m); err != nil {
		return err
	}
	unique := contractKey(m.ContractHash)
	if m.Kind == KindInvoice {
		unique = invoiceKey(m.InvoiceCode, m.InvoiceNumber)
	}
	if v := ctx.KV.Get(unique); v != nil {
		return ErrDuplicate.Wrapf("already registered as document %d", idOf(v))
	}
	d := &statepb.TradeDocument{Id: nextID(ctx.KV, docSeqKey), Kind: m.Kind, Registrant: ctx.Signer, Seller: m.Seller,
		Buyer: m.Buyer, InvoiceCode: m.InvoiceCode, InvoiceNumber: m.InvoiceNumber, Asset: m.Asset, Amount: m.Amount,
		IssueDate: m.IssueDate, ContractHash: m.ContractHash, ExternalRef: m.ExternalRef, RegisteredAt: ctx.Now()}
	core.SetProto(ctx.KV, DocumentKey(d.Id), d)
	ctx.KV.Set(unique, []byte(idBytes(d.Id)))
	ctx.Emit("scf.document_registered", "document", idText(d.Id), "kind", d.Kind, "seller", d.Seller,
		"buyer", d.Buyer, "asset", d.Asset, "amount", core.Itoa(d.Amount), "external_ref", d.ExternalRef)
	return nil
}

func checkDocument(r store.Reader, signer string, m *txpb.MsgRegisterTradeDocument) error {
	for _, f := range []struct{ name, addr string }{{"seller", m.Seller}, {"buyer", m.Buyer}} {
		if err := tx.ValidateAddress(f.name, f.addr); err != nil {
			return err
		}
	}
	if signer != m.Seller && signer != m.Buyer {
		return ErrNotParty.Wrapf("the signer is neither the seller nor the buyer")
	}
	if m.Seller == m.Buyer {
		return ErrBadDocument.Wrapf("seller and buyer are the same account")
	}
	if _, err := bank.Asset(r, m.Asset); err != nil {
		return err
	}
	if _, err := dayOfDate("issue_date", m.IssueDate); err != nil {
		return ErrBadDocument.Wrapf("issue_date %q: a date YYYY-MM-DD", m.IssueDate)
	}
	if len(m.ExternalRef) > 128 {
		return ErrBadDocument.Wrapf("external_ref: at most 128 bytes")
	}
	switch m.Kind {
	case KindInvoice:
		if !codeText(m.InvoiceCode) || !codeText(m.InvoiceNumber) || len(m.ContractHash) != 0 {
			return ErrBadDocument.Wrapf("an invoice has a code and a number (1..32 of A-Z, 0-9, -) and no contract hash")
		}
		if err := money.CheckPositive("amount", m.Amount); err != nil {
			return ErrBadDocument.Wrapf("%v", err)
		}
	case KindContract:
		if len(m.ContractHash) != 32 || m.InvoiceCode != "" || m.InvoiceNumber != "" || m.Amount < 0 {
			return ErrBadDocument.Wrapf("a contract has a 32-byte hash, no invoice code or number, an amount ≥ 0")
		}
	default:
		return ErrBadDocument.Wrapf("kind %q: invoice or contract", m.Kind)
	}
	return nil
}

func codeText(s string) bool {
	return s != "" && len(s) <= 32 && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == ""
}

// RecordFinancing executes MsgRecordDocumentFinancing: a funder financed an invoice outside
// a certificate. The double-financing check: an invoice already backing a certificate or
// already financed is refused, naming the first use.
func RecordFinancing(ctx *core.Context, m *txpb.MsgRecordDocumentFinancing) error {
	d, err := mustDocument(ctx.KV, m.DocumentId)
	if err != nil {
		return err
	}
	if d.Kind != KindInvoice {
		return ErrBadDocument.Wrapf("document %d is a %s; only invoices are financed", d.Id, d.Kind)
	}
	if err := checkUnused(d); err != nil {
		return err
	}
	if m.Reference == "" || len(m.Reference) > 128 {
		return ErrBadDocument.Wrapf("reference: 1..128 bytes")
	}
	d.FinancedBy, d.FinancingRef = ctx.Signer, m.Reference
	core.SetProto(ctx.KV, DocumentKey(d.Id), d)
	ctx.Emit("scf.document_financed", "document", idText(d.Id), "funder", ctx.Signer, "reference", m.Reference)
	return nil
}

// checkUnused refuses a document that already backs a certificate or a financing, naming it.
func checkUnused(d *statepb.TradeDocument) error {
	switch {
	case d.CertificateId != 0:
		return ErrDocumentUsed.Wrapf("document %d already backs certificate %d", d.Id, d.CertificateId)
	case d.FinancedBy != "":
		return ErrDocumentUsed.Wrapf("document %d was already financed by %s (%s)", d.Id, d.FinancedBy, d.FinancingRef)
	}
	return nil
}
