package scf

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	xsched "github.com/puhui-chain/puhui/x/scheduler"
)

// Certificate states, short.
const (
	statePending   = statepb.CertState_CERT_STATE_PENDING
	stateActive    = statepb.CertState_CERT_STATE_ACTIVE
	stateRejected  = statepb.CertState_CERT_STATE_REJECTED
	stateCancelled = statepb.CertState_CERT_STATE_CANCELLED
	stateExpired   = statepb.CertState_CERT_STATE_EXPIRED
	stateSplit     = statepb.CertState_CERT_STATE_SPLIT
	stateSettled   = statepb.CertState_CERT_STATE_SETTLED
	stateOverdue   = statepb.CertState_CERT_STATE_OVERDUE
	stateDefaulted = statepb.CertState_CERT_STATE_DEFAULTED
)

// Offer kinds.
const (
	offerTransfer = "transfer"
	offerFinance  = "finance"
)

// GetCertificate reads a certificate (a root or a part).
func GetCertificate(r store.Reader, id uint64) (*statepb.Certificate, bool) {
	var c statepb.Certificate
	return &c, core.GetProto(r, CertificateKey(id), &c)
}

func mustCertificate(r store.Reader, id uint64) (*statepb.Certificate, error) {
	c, ok := GetCertificate(r, id)
	if !ok {
		return nil, ErrUnknownCert.Wrapf("certificate %d", id)
	}
	return c, nil
}

func saveCertificate(kv store.KV, c *statepb.Certificate) { core.SetProto(kv, CertificateKey(c.Id), c) }

// live reports whether a certificate is an outstanding claim on its issuer: held, matured or
// not, and not yet paid in full.
func live(c *statepb.Certificate) bool {
	return c.State == stateActive || c.State == stateOverdue || c.State == stateDefaulted
}

// usesLine reports whether a certificate's face counts against its line: a pending issue and
// every live part.
func usesLine(c *statepb.Certificate) bool { return c.State == statePending || live(c) }

// mustHold loads a live certificate the signer holds, with no offer pending, not matured.
func mustHold(ctx *core.Context, id uint64) (*statepb.Certificate, error) {
	c, err := mustCertificate(ctx.KV, id)
	if err != nil {
		return nil, err
	}
	switch {
	case c.Holder != ctx.Signer || !live(c):
		return nil, ErrNotHolder.Wrapf("certificate %d is not a live certificate the signer holds", id)
	case c.Offer != nil:
		return nil, ErrOfferPending.Wrapf("certificate %d has a pending %s offer to %s", id, c.Offer.Kind, c.Offer.To)
	case ctx.Today().Day >= c.MaturityDay:
		return nil, ErrMatured.Wrapf("certificate %d matured on %s", id, dateText(c.MaturityDay))
	}
	return c, nil
}

// setHolder moves a certificate to a new holder, keeping the credit facts and the history.
// The caller indexes it under the new holder (held or funded); the old holder's entry stays
// and the views skip it.
func setHolder(ctx *core.Context, c *statepb.Certificate, to, how string) {
	bureau.ReceivablesHeld(ctx, c.Holder, c.Asset, c.Paid-c.Face)
	bureau.ReceivablesHeld(ctx, to, c.Asset, c.Face-c.Paid)
	c.Holders = append(c.Holders, &statepb.CertHolding{Holder: to, From: c.Holder, Day: ctx.Today().Day, How: how})
	c.Holder = to
}

// indexOnce writes an index entry unless it is there already (a certificate that comes back
// to an earlier holder): an unchanged key costs no tree update.
func indexOnce(kv store.KV, key []byte) {
	if kv.Get(key) == nil {
		kv.Set(key, []byte{1})
	}
}

// maturityAt is the block time at which a business day begins.
func maturityAt(r store.Reader, day int64) int64 {
	clock := core.ClockOf(r)
	return clock.BlockTimeOf(clock.StartOfDay(day))
}

// goLive makes an accepted root a live claim: it joins its issuer's maturity index and its
// settlement is scheduled. Its parts, when it is split, inherit both.
func goLive(ctx *core.Context, c *statepb.Certificate) {
	c.State = stateActive
	ctx.KV.Set(maturityKey(c), []byte{1})
	scheduleMaturity(ctx, c.Id, maturityAt(ctx.KV, c.MaturityDay))
}

// retire takes a settled part's scheduler entry away, so that a block at maturity runs only
// entries of parts still owed. Its root leaves the maturity index when its last live part
// is settled (settleIssuer).
func retire(ctx *core.Context, c *statepb.Certificate) {
	xsched.Remove(ctx.KV, maturityAt(ctx.KV, c.MaturityDay), matureKind, idText(c.Id))
}

// ListCertificates reads every certificate node, by id (tests and tools; blocks never scan).
func ListCertificates(r store.Reader) []*statepb.Certificate {
	return core.ListProto[statepb.Certificate](r, certPrefix)
}

// ListDocuments reads every trade document, by id (tests and tools).
func ListDocuments(r store.Reader) []*statepb.TradeDocument {
	return core.ListProto[statepb.TradeDocument](r, docPrefix)
}
