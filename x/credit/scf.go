package credit

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// What supply-chain finance reports (scf.CreditBureau): the bureau keeps, per account and
// asset, the confirmed receivables it holds, how the parts it held at maturity were paid, and
// its own payment record as an issuer. scf calls these in the same transaction or scheduled
// step that changes a certificate, so the record is never behind the certificates; each call
// is one read and one write.

// ReceivablesHeld adds delta (negative: removes) to the unpaid face of confirmed certificates
// holder holds in asset: a part accepted, passed on, bought by a funder or paid.
func (Bureau) ReceivablesHeld(ctx *core.Context, holder, asset string, delta int64) {
	updateScf(ctx.KV, holder, asset, func(r *statepb.ScfRecord) { r.ReceivablesHeld += delta })
}

// ReceivableSettled records a part paid in full, dpd days after its maturity (0: on time),
// in the issuer's record and the final holder's.
func (Bureau) ReceivableSettled(ctx *core.Context, issuer, holder, asset string, face, dpd int64) {
	updateScf(ctx.KV, holder, asset, func(r *statepb.ScfRecord) {
		if dpd == 0 {
			r.ReceivedOnTime++
			return
		}
		r.ReceivedLate++
		r.ReceivedMaxDpd = max(r.ReceivedMaxDpd, dpd)
	})
	updateScf(ctx.KV, issuer, asset, func(r *statepb.ScfRecord) {
		if dpd == 0 {
			r.IssuedOnTime++
			r.IssuedPaidOnTime += face
			return
		}
		r.IssuedLate++
		r.IssuedPaidLate += face
		r.IssuerMaxDpd = max(r.IssuerMaxDpd, dpd)
	})
}

// IssuerOverdue records an issuer's part still unpaid dpd days after maturity: its unpaid
// amount past maturity changed by delta (the part's rest when it first falls overdue, minus
// each later payment), and defaulted says the part reached the default limit just now.
func (Bureau) IssuerOverdue(ctx *core.Context, issuer, asset string, delta, dpd int64, defaulted bool) {
	updateScf(ctx.KV, issuer, asset, func(r *statepb.ScfRecord) {
		r.IssuedOverdue += delta
		r.IssuerMaxDpd = max(r.IssuerMaxDpd, dpd)
		if defaulted {
			r.IssuedDefaulted++
		}
	})
}

// ScfRecordOf is an account's supply-chain finance record in asset (empty when scf never
// reported on it).
func ScfRecordOf(r store.Reader, addr, asset string) *statepb.ScfRecord {
	rec := statepb.ScfRecord{Asset: asset}
	core.GetProto(r, ScfRecordKey(addr, asset), &rec)
	return &rec
}

func updateScf(kv store.KV, addr, asset string, f func(*statepb.ScfRecord)) {
	rec := ScfRecordOf(kv, addr, asset)
	f(rec)
	core.SetProto(kv, ScfRecordKey(addr, asset), rec)
}
