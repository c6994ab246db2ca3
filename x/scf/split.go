package scf

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// maxParts bounds one split.
const maxParts = 20

// Split executes MsgSplitCertificate: the holder splits a live certificate into parts whose
// faces add exactly to its face, each at least the consortium's minimum.
func Split(ctx *core.Context, m *txpb.MsgSplitCertificate) error {
	c, err := mustHold(ctx, m.CertificateId)
	if err != nil {
		return err
	}
	if err := checkParts(ctx, c.Face, m.Parts); err != nil {
		return err
	}
	split(ctx, c, m.Parts)
	return nil
}

func checkParts(ctx *core.Context, face int64, parts []int64) error {
	if len(parts) < 2 || len(parts) > maxParts {
		return ErrBadSplit.Wrapf("%d parts: 2..%d", len(parts), maxParts)
	}
	minPart := Params(ctx.KV).MinPartMinor
	for i, p := range parts {
		if p < minPart {
			return ErrBelowMinimum.Wrapf("part %d of %d: at least %d", i, p, minPart)
		}
	}
	if sum, err := money.Sum(parts...); err != nil || sum != face {
		return ErrBadSplit.Wrapf("the parts add to %d, not the face %d", sum, face)
	}
	return nil
}

// split consumes c into children of the given faces, which keep its root, issuer, line,
// maturity, documents, holder and tier; it returns them. It writes the nodes and nothing
// else: the root's maturity entry covers the children (settlement walks the tree), the
// holder's entry for c (or for the ancestor it split) stands for them in the holder's view,
// and c's scheduler entry stays and, on the maturity date, settles everything its issuer
// owes that day, the children included. Each index key a split wrote cost a tree update at
// commit, more than the split's own work.
func split(ctx *core.Context, c *statepb.Certificate, parts []int64) []*statepb.Certificate {
	out := make([]*statepb.Certificate, len(parts))
	for i, face := range parts {
		child := &statepb.Certificate{Id: nextID(ctx.KV, certSeqKey), RootId: c.RootId, ParentId: c.Id, Issuer: c.Issuer,
			LineId: c.LineId, Asset: c.Asset, Face: face, MaturityDay: c.MaturityDay, DocumentIds: c.DocumentIds,
			Holder: c.Holder, IssuedDay: c.IssuedDay, Tier: c.Tier,
			Holders: []*statepb.CertHolding{{Holder: c.Holder, From: c.Holder, Day: ctx.Today().Day, How: "split"}}}
		child.State = stateActive
		saveCertificate(ctx.KV, child)
		c.Children = append(c.Children, child.Id)
		out[i] = child
		ctx.Emit("scf.certificate_split", "certificate", idText(c.Id), "part", idText(child.Id), "holder", c.Holder,
			"face", core.Itoa(face))
	}
	c.State = stateSplit
	saveCertificate(ctx.KV, c)
	return out
}

// Transfer executes MsgTransferCertificate: the holder offers all of a certificate, or a
// part split off first, to the next supplier, who accepts or rejects. The claim stays on the
// issuer: the receiver has no recourse against earlier holders.
func Transfer(ctx *core.Context, m *txpb.MsgTransferCertificate) error {
	c, err := mustHold(ctx, m.CertificateId)
	if err != nil {
		return err
	}
	if err := checkCounterparty(ctx, "to", m.To); err != nil {
		return err
	}
	amount := m.Amount
	if amount == 0 {
		amount = c.Face
	}
	if amount < 0 || amount > c.Face {
		return ErrBadSplit.Wrapf("amount %d: 1..%d", amount, c.Face)
	}
	if amount < c.Face {
		if err := checkParts(ctx, c.Face, []int64{amount, c.Face - amount}); err != nil {
			return err
		}
		c = split(ctx, c, []int64{amount, c.Face - amount})[0]
	}
	offer(ctx, c, &statepb.CertOffer{Kind: offerTransfer, To: m.To})
	ctx.Emit("scf.transfer_offered", "certificate", idText(c.Id), "from", c.Holder, "to", m.To, "face", core.Itoa(c.Face))
	return nil
}

// checkCounterparty refuses an offer to a missing account or to oneself.
func checkCounterparty(ctx *core.Context, field, addr string) error {
	if err := tx.ValidateAddress(field, addr); err != nil {
		return err
	}
	if addr == ctx.Signer || !registry.AccountExists(ctx.KV, addr) {
		return ErrBadParty.Wrapf("%s %s: an existing account other than the holder", field, addr)
	}
	return nil
}

// offer records a pending offer of a held certificate and schedules its expiry.
func offer(ctx *core.Context, c *statepb.Certificate, o *statepb.CertOffer) {
	o.ExpiresAt = offerExpiry(ctx)
	c.Offer = o
	saveCertificate(ctx.KV, c)
	scheduleOffer(ctx, c.Id, o.ExpiresAt)
}
