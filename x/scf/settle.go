package scf

import (
	"cmp"
	"slices"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	xsched "github.com/puhui-chain/puhui/x/scheduler"
)

// ScheduledHandlers are scf's block-time scheduler handlers.
func ScheduledHandlers() map[string]xsched.Handler {
	return map[string]xsched.Handler{matureKind: runMaturity, offerKind: runOfferExpiry}
}

// runMaturity (scheduled at a certificate's maturity when it goes live — a split keeps it
// for its parts — and each business day after while a part is unpaid) settles everything
// its issuer owes in its asset up to today, once per day: the other entries of the same day
// find the parts already tried and do nothing, so a block's cost is proportional to the
// parts that fall due.
func runMaturity(ctx *core.Context, text string) error {
	c, ok := GetCertificate(ctx.KV, parseID(text))
	today := ctx.Today().Day
	if !ok || c.MaturityDay > today || !untried(ctx.KV, c, today) {
		return nil // stale (settled) or already tried today with its issuer's other parts
	}
	return settleIssuer(ctx, c.Issuer, c.Asset, today)
}

// untried reports whether a live part of c's subtree (c itself unless split) has not been
// tried today. It reads the tree rather than the issuer's range of the maturity index:
// the first entry of a day settles every root of its issuer, and the range read by each of
// the others cost more than the settlement (a range over a block's pending writes is
// sorted each time it is read).
func untried(r store.Reader, c *statepb.Certificate, today int64) bool {
	if live(c) {
		return c.AttemptedDay != today
	}
	if c.State != stateSplit {
		return false
	}
	return slices.ContainsFunc(treeOf(r, c.Id), func(p *statepb.Certificate) bool {
		return live(p) && p.AttemptedDay != today
	})
}

// settleIssuer pays the issuer's due parts in asset: in full when it can, otherwise what it
// has shared pro rata by what each part is owed (largest remainder, Σ = amount paid). Parts
// paid in full are retired and their face returns to the line; the rest stay overdue, count
// days past due, are retried the next business day and default after the consortium's limit.
func settleIssuer(ctx *core.Context, issuer, asset string, today int64) error {
	roots, parts := dueParts(ctx.KV, issuer, asset, today)
	if len(parts) == 0 || parts[0].AttemptedDay == today {
		return nil // tried today already (a split's entry after its parts' own)
	}
	owed := make([]int64, len(parts))
	var total money.Accumulator
	for i, p := range parts {
		owed[i] = p.Face - p.Paid
		total.Add(owed[i])
	}
	sum, err := total.Total()
	if err != nil {
		return err
	}
	can := int64(0)
	if !bank.IsFrozen(ctx.KV, issuer) {
		can = min(bank.AvailableOf(ctx.KV, issuer, asset), sum)
	}
	shares, err := ProRata(can, owed)
	if err != nil {
		return err
	}
	for i, p := range parts {
		pay(ctx, p, shares[i], today)
	}
	for _, root := range roots {
		if !anyLive(root.parts) {
			ctx.KV.Delete(root.key) // its last part is paid: the root leaves the maturity index
		}
	}
	return nil
}

// dueRoot is a root in the maturity index and its live parts.
type dueRoot struct {
	key   []byte
	parts []*statepb.Certificate
}

// dueParts reads the issuer's roots in asset maturing on or before today and their live
// parts, the parts by maturity day then id (the order ProRata's ties follow). The walk reads
// each tree's split nodes too, at most one fewer than its parts.
func dueParts(r store.Reader, issuer, asset string, today int64) ([]dueRoot, []*statepb.Certificate) {
	var roots []dueRoot
	var parts []*statepb.Certificate
	start := maturityPrefix(issuer, asset)
	end := append(append([]byte{}, start...), dayBytes(today+1)...)
	r.Iterate(start, end, func(k, _ []byte) bool {
		root := dueRoot{key: append([]byte(nil), k...), parts: liveParts(r, idOf(k))}
		roots = append(roots, root)
		parts = append(parts, root.parts...)
		return true
	})
	slices.SortFunc(parts, byMaturityThenID)
	return roots, parts
}

// liveParts reads the live parts of a root's tree.
func liveParts(r store.Reader, rootID uint64) []*statepb.Certificate {
	nodes := treeOf(r, rootID)
	if len(nodes) == 0 {
		panic("scf: maturity index names a missing certificate")
	}
	var out []*statepb.Certificate
	for _, c := range nodes {
		if live(c) {
			out = append(out, c)
		}
	}
	return out
}

func anyLive(parts []*statepb.Certificate) bool {
	return slices.ContainsFunc(parts, live)
}

func byMaturityThenID(a, b *statepb.Certificate) int {
	if c := cmp.Compare(a.MaturityDay, b.MaturityDay); c != 0 {
		return c
	}
	return cmp.Compare(a.Id, b.Id)
}

// pay pays one part its share (if the move fails — a holder's account closed to it — the
// share stays with the issuer and the part stays overdue) and records the outcome.
func pay(ctx *core.Context, c *statepb.Certificate, share, today int64) {
	if share > 0 {
		err := core.Tentative(ctx, func(w *core.Context) error { return bank.Move(w, c.Issuer, c.Holder, c.Asset, share) })
		if err != nil {
			share = 0
		} else {
			c.Paid += share
			bureau.ReceivablesHeld(ctx, c.Holder, c.Asset, -share)
		}
	}
	first := c.AttemptedDay == 0
	c.AttemptedDay = today
	c.DaysPastDue = today - c.MaturityDay
	// What the issuer leaves unpaid past maturity: the part's rest when it first falls
	// overdue, less each later payment.
	overdue := -share
	if first {
		overdue = c.Face - c.Paid
	}
	if c.Paid == c.Face {
		if first {
			// Paid in full at the first settlement: on time, even if the first block of the
			// maturity date came days later (a halted chain, a sandbox clock).
			c.DaysPastDue = 0
		} else {
			bureau.IssuerOverdue(ctx, c.Issuer, c.Asset, overdue, c.DaysPastDue, false)
		}
		settled(ctx, c, today)
		return
	}
	rec := issuerRecord(ctx.KV, c.Issuer)
	rec.MaxDpd = max(rec.MaxDpd, c.DaysPastDue)
	defaulted := c.State != stateDefaulted && c.DaysPastDue >= int64(Params(ctx.KV).DefaultAfterDays)
	if defaulted {
		c.State = stateDefaulted
		rec.Defaulted++
		ctx.Emit("scf.certificate_defaulted", "certificate", idText(c.Id), "issuer", c.Issuer, "dpd", core.Itoa(c.DaysPastDue))
	} else if c.State == stateActive {
		c.State = stateOverdue
	}
	setIssuerRecord(ctx.KV, c.Issuer, rec)
	bureau.IssuerOverdue(ctx, c.Issuer, c.Asset, overdue, c.DaysPastDue, defaulted)
	c.Offer = dropOffer(ctx, c)
	saveCertificate(ctx.KV, c)
	scheduleMaturity(ctx, c.Id, maturityAt(ctx.KV, today+1))
	ctx.Emit("scf.certificate_overdue", "certificate", idText(c.Id), "issuer", c.Issuer, "holder", c.Holder,
		"paid", core.Itoa(share), "outstanding", core.Itoa(c.Face-c.Paid), "dpd", core.Itoa(c.DaysPastDue))
}

// settled retires a part paid in full, gives its face back to the line and enters the
// issuer's payment record (on time at maturity, late after).
func settled(ctx *core.Context, c *statepb.Certificate, today int64) {
	retire(ctx, c)
	c.Offer = dropOffer(ctx, c)
	c.State, c.SettledDay = stateSettled, today
	saveCertificate(ctx.KV, c)
	releaseLine(ctx, c.LineId, c.Face)
	rec := issuerRecord(ctx.KV, c.Issuer)
	if c.DaysPastDue == 0 {
		rec.SettledOnTime++
	} else {
		rec.SettledLate++
		rec.PaidLate += c.Face
		rec.MaxDpd = max(rec.MaxDpd, c.DaysPastDue)
	}
	setIssuerRecord(ctx.KV, c.Issuer, rec)
	bureau.ReceivableSettled(ctx, c.Issuer, c.Holder, c.Asset, c.Face, c.DaysPastDue)
	ctx.Emit("scf.certificate_settled", "certificate", idText(c.Id), "issuer", c.Issuer, "holder", c.Holder,
		"face", core.Itoa(c.Face), "dpd", core.Itoa(c.DaysPastDue))
}

// dropOffer withdraws an offer still pending when a part falls due: a matured claim is
// neither passed on nor discounted.
func dropOffer(ctx *core.Context, c *statepb.Certificate) *statepb.CertOffer {
	if c.Offer != nil {
		unscheduleOffer(ctx, c.Id, c.Offer.ExpiresAt)
	}
	return nil
}

// IssuerRecordOf is an enterprise's payment record as an issuer of certificates.
func IssuerRecordOf(r store.Reader, issuer string) *statepb.IssuerRecord {
	return issuerRecord(r, issuer)
}

func issuerRecord(r store.Reader, issuer string) *statepb.IssuerRecord {
	var rec statepb.IssuerRecord
	core.GetProto(r, issuerRecordKey(issuer), &rec)
	return &rec
}

func setIssuerRecord(kv store.KV, issuer string, rec *statepb.IssuerRecord) {
	core.SetProto(kv, issuerRecordKey(issuer), rec)
}
