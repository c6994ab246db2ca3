package scf

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// maxDocuments bounds the trade documents one certificate cites.
const maxDocuments = 50

// Issue executes MsgIssueCertificate: the line's enterprise confirms a payable of face to a
// tier-1 supplier, maturing within the consortium's term, backed by registered documents
// between the two that back nothing else and cover the face. The face is taken from the line
// at once; the supplier then accepts or rejects.
func Issue(ctx *core.Context, m *txpb.MsgIssueCertificate) error {
	l, err := mustLine(ctx.KV, m.LineId)
	if err != nil {
		return err
	}
	if l.Enterprise != ctx.Signer {
		return ErrNotIssuer.Wrapf("line %d belongs to %s", l.Id, l.Enterprise)
	}
	maturity, err := checkIssue(ctx, m)
	if err != nil {
		return err
	}
	docs, err := backingDocuments(ctx, m, l.Asset)
	if err != nil {
		return err
	}
	if err := useLine(ctx, l, m.Face); err != nil {
		return err
	}
	id := nextID(ctx.KV, certSeqKey)
	expires := offerExpiry(ctx)
	c := &statepb.Certificate{Id: id, RootId: id, Issuer: ctx.Signer, LineId: l.Id, Asset: l.Asset, Face: m.Face,
		MaturityDay: maturity, DocumentIds: m.DocumentIds, State: statePending, IssuedDay: ctx.Today().Day,
		Receiver: m.To, PendingExpiresAt: expires, Tier: 1}
	for _, d := range docs {
		d.CertificateId = id
		core.SetProto(ctx.KV, DocumentKey(d.Id), d)
	}
	saveCertificate(ctx.KV, c)
	ctx.KV.Set(heldKey(m.To, id), []byte{1})
	ctx.KV.Set(issuedKey(c.Issuer, id), []byte{1})
	scheduleOffer(ctx, id, expires)
	ctx.Emit("scf.certificate_issued", "certificate", idText(id), "issuer", c.Issuer, "to", m.To, "line", idText(l.Id),
		"asset", c.Asset, "face", core.Itoa(c.Face), "maturity", dateText(maturity))
	return nil
}

// checkIssue checks the receiver, the face and the term; it returns the maturity day.
func checkIssue(ctx *core.Context, m *txpb.MsgIssueCertificate) (int64, error) {
	if err := tx.ValidateAddress("to", m.To); err != nil {
		return 0, err
	}
	if m.To == ctx.Signer || !registry.AccountExists(ctx.KV, m.To) {
		return 0, ErrBadParty.Wrapf("to %s: an existing account other than the issuer", m.To)
	}
	if err := money.CheckPositive("face", m.Face); err != nil {
		return 0, ErrBadCertificate.Wrapf("%v", err)
	}
	maturity, err := dayOfDate("maturity_date", m.MaturityDate)
	if err != nil {
		return 0, err
	}
	today, maxTerm := ctx.Today().Day, int64(Params(ctx.KV).MaxTermDays)
	switch {
	case maturity <= today:
		return 0, ErrMatured.Wrapf("maturity %s is not after today %s", m.MaturityDate, dateText(today))
	case maturity-today > maxTerm:
		return 0, ErrTermTooLong.Wrapf("maturity %s is %d days away; at most %d", m.MaturityDate, maturity-today, maxTerm)
	}
	return maturity, nil
}

// backingDocuments loads the cited documents: at least one, no repeats, each between the
// supplier (seller) and the issuer (buyer), none used before (the double-financing check),
// and the invoices in the line's asset covering the face.
func backingDocuments(ctx *core.Context, m *txpb.MsgIssueCertificate, asset string) ([]*statepb.TradeDocument, error) {
	if len(m.DocumentIds) == 0 || len(m.DocumentIds) > maxDocuments {
		return nil, ErrBadCertificate.Wrapf("%d documents: 1..%d", len(m.DocumentIds), maxDocuments)
	}
	var invoiced money.Accumulator
	docs := make([]*statepb.TradeDocument, 0, len(m.DocumentIds))
	seen := map[uint64]bool{}
	for _, id := range m.DocumentIds {
		d, err := mustDocument(ctx.KV, id)
		if err != nil {
			return nil, err
		}
		switch {
		case seen[id]:
			return nil, ErrBadCertificate.Wrapf("document %d cited twice", id)
		case d.Seller != m.To || d.Buyer != ctx.Signer:
			return nil, ErrBadCertificate.Wrapf("document %d is not between the supplier (seller) and the issuer (buyer)", id)
		}
		if err := checkUnused(d); err != nil {
			return nil, err
		}
		seen[id] = true
		if d.Kind == KindInvoice && d.Asset == asset {
			invoiced.Add(d.Amount)
		}
		docs = append(docs, d)
	}
	if total, err := invoiced.Total(); err != nil || total < m.Face {
		return nil, ErrBadCertificate.Wrapf("the cited invoices in %s total %d, less than the face %d", asset, total, m.Face)
	}
	return docs, nil
}
