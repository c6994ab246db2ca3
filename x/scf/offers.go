package scf

import (
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	xsched "github.com/puhui-chain/puhui/x/scheduler"
)

// Accept executes MsgAcceptCertificate: the receiver of a pending issue or transfer takes it.
// A financing offer is accepted with MsgAcceptFinancing, which names the rate.
func Accept(ctx *core.Context, m *txpb.MsgAcceptCertificate) error {
	c, err := mustCertificate(ctx.KV, m.CertificateId)
	if err != nil {
		return err
	}
	switch {
	case c.State == statePending:
		if c.Receiver != ctx.Signer {
			return ErrNotReceiver.Wrapf("certificate %d is offered to %s", c.Id, c.Receiver)
		}
		if ctx.Today().Day >= c.MaturityDay {
			return ErrMatured.Wrapf("certificate %d matured on %s", c.Id, dateText(c.MaturityDay))
		}
		unscheduleOffer(ctx, c.Id, c.PendingExpiresAt)
		c.Holders = []*statepb.CertHolding{{Holder: ctx.Signer, From: c.Issuer, Day: ctx.Today().Day, How: "issued"}}
		c.Holder, c.Receiver, c.PendingExpiresAt = ctx.Signer, "", 0
		goLive(ctx, c)
		bureau.ReceivablesHeld(ctx, c.Holder, c.Asset, c.Face)
	case c.Offer != nil && c.Offer.Kind == offerTransfer && live(c):
		if c.Offer.To != ctx.Signer {
			return ErrNotReceiver.Wrapf("certificate %d is offered to %s", c.Id, c.Offer.To)
		}
		unscheduleOffer(ctx, c.Id, c.Offer.ExpiresAt)
		c.Offer = nil
		c.Tier++
		setHolder(ctx, c, ctx.Signer, "transferred")
		indexOnce(ctx.KV, heldKey(c.Holder, c.Id))
	default:
		return ErrNoOffer.Wrapf("certificate %d has no issue or transfer offer pending", c.Id)
	}
	saveCertificate(ctx.KV, c)
	ctx.Emit("scf.certificate_accepted", "certificate", idText(c.Id), "holder", c.Holder, "from", c.Holders[len(c.Holders)-1].From,
		"face", core.Itoa(c.Face))
	return nil
}

// Reject executes MsgRejectCertificate: the receiver refuses a pending offer. A refused
// issue gives its face back to the line and frees its documents.
func Reject(ctx *core.Context, m *txpb.MsgRejectCertificate) error {
	c, err := mustCertificate(ctx.KV, m.CertificateId)
	if err != nil {
		return err
	}
	if receiverOf(c) != ctx.Signer {
		return ErrNotReceiver.Wrapf("nothing of certificate %d is offered to the signer", c.Id)
	}
	if len(m.Reason) > 200 {
		return ErrBadCertificate.Wrapf("reason: at most 200 bytes")
	}
	endOffer(ctx, c, stateRejected)
	ctx.Emit("scf.certificate_rejected", "certificate", idText(c.Id), "by", ctx.Signer, "reason", m.Reason)
	return nil
}

// Cancel executes MsgCancelCertificateOffer: whoever made a pending offer withdraws it — the
// issuer its issue (only while pending), a holder its transfer or financing offer.
func Cancel(ctx *core.Context, m *txpb.MsgCancelCertificateOffer) error {
	c, err := mustCertificate(ctx.KV, m.CertificateId)
	if err != nil {
		return err
	}
	switch {
	case c.State == statePending && c.Issuer != ctx.Signer:
		return ErrNotIssuer.Wrapf("certificate %d was issued by %s", c.Id, c.Issuer)
	case c.State != statePending && (c.Offer == nil || !live(c)):
		return ErrNoOffer.Wrapf("certificate %d has no pending offer", c.Id)
	case c.State != statePending && c.Holder != ctx.Signer:
		return ErrNotHolder.Wrapf("certificate %d is held by %s", c.Id, c.Holder)
	}
	endOffer(ctx, c, stateCancelled)
	ctx.Emit("scf.offer_cancelled", "certificate", idText(c.Id), "by", ctx.Signer)
	return nil
}

// receiverOf is who a pending offer of c is made to, or "".
func receiverOf(c *statepb.Certificate) string {
	switch {
	case c.State == statePending:
		return c.Receiver
	case c.Offer != nil && live(c):
		return c.Offer.To
	}
	return ""
}

// endOffer closes a pending offer without taking it: an issue ends in state (rejected,
// cancelled, expired), returning its face to the line and freeing its documents; a transfer
// or financing offer is dropped and the holder keeps the certificate.
func endOffer(ctx *core.Context, c *statepb.Certificate, state statepb.CertState) {
	if c.State != statePending {
		unscheduleOffer(ctx, c.Id, c.Offer.ExpiresAt)
		c.Offer = nil
		saveCertificate(ctx.KV, c)
		return
	}
	unscheduleOffer(ctx, c.Id, c.PendingExpiresAt)
	ctx.KV.Delete(heldKey(c.Receiver, c.Id))
	c.State, c.PendingExpiresAt = state, 0
	releaseLine(ctx, c.LineId, c.Face)
	for _, id := range c.DocumentIds {
		d, ok := GetDocument(ctx.KV, id)
		if ok && d.CertificateId == c.Id {
			d.CertificateId = 0
			core.SetProto(ctx.KV, DocumentKey(id), d)
		}
	}
	saveCertificate(ctx.KV, c)
}

// offerExpiry is when an offer made now lapses: the consortium's expiry in block time, not
// business time, because people answer offers at their own pace even on a sandbox clock.
func offerExpiry(ctx *core.Context) int64 { return ctx.Now() + Params(ctx.KV).OfferExpirySeconds }

func scheduleOffer(ctx *core.Context, id uint64, at int64) {
	xsched.Add(ctx.KV, at, offerKind, idText(id))
}

func unscheduleOffer(ctx *core.Context, id uint64, at int64) {
	xsched.Remove(ctx.KV, at, offerKind, idText(id))
}

func scheduleMaturity(ctx *core.Context, id uint64, at int64) {
	xsched.Add(ctx.KV, max(at, ctx.Now()+1), matureKind, idText(id))
}

// runOfferExpiry (scheduled at an offer's expiry) returns an offer nobody took in time.
func runOfferExpiry(ctx *core.Context, text string) error {
	c, ok := GetCertificate(ctx.KV, parseID(text))
	if !ok {
		return nil
	}
	switch {
	case c.State == statePending && c.PendingExpiresAt <= ctx.Now():
		endOffer(ctx, c, stateExpired)
	case c.Offer != nil && live(c) && c.Offer.ExpiresAt <= ctx.Now():
		endOffer(ctx, c, c.State)
	default:
		return nil // a stale entry: the offer was taken or withdrawn
	}
	ctx.Emit("scf.offer_expired", "certificate", idText(c.Id))
	return nil
}
