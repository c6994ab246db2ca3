package offering

import (
	"errors"
	"strconv"

	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// ScheduledHandlers settle offerings at their closing time.
func ScheduledHandlers() map[string]scheduler.Handler {
	return map[string]scheduler.Handler{closeKind: closeAtTime}
}

func closeAtTime(ctx *core.Context, idText string) error {
	id, err := strconv.ParseUint(idText, 10, 64)
	if err != nil {
		return err
	}
	o, ok := GetOffering(ctx.KV, id)
	if !ok || o.Status != StatusOpen {
		return nil // settled at the hard cap
	}
	return settle(ctx, o, "closing_time")
}

// errBelowSoftCap aborts a settlement whose eligible pledges fall short of the soft cap (or
// whose fee cannot be paid): the offering fails.
var errBelowSoftCap = errors.New("below soft cap, or the fee could not be paid")

// settle closes an offering: investors who may no longer hold the units are excluded; if the
// rest reach the soft cap they are allotted in one step, else every hold is released. It
// must not fail on a business condition (it runs in scheduled work): an error here is a
// broken ledger.
func settle(ctx *core.Context, o *statepb.Offering, reason string) error {
	var eligible []*statepb.Pledge
	excluded := map[string]string{} // investor → reason; read only by lookups below
	for _, p := range Pledges(ctx.KV, o.Id) {
		if p.Status != PledgePledged {
			continue // withdrawn
		}
		if err := rules.CheckHolder(ctx.KV, o.Terms.Asset, p.Investor, p.Units, ctx.Now()); err != nil {
			excluded[p.Investor] = err.Error()
			continue
		}
		eligible = append(eligible, p)
	}
	o.Status, o.SettledAt, o.CloseReason = StatusSucceeded, ctx.Now(), reason
	err := core.Tentative(ctx, func(w *core.Context) error { return allot(w, o, eligible, excluded) })
	if errors.Is(err, errBelowSoftCap) {
		o.Status, o.AllottedUnits, o.Raised, o.FeePaid = StatusFailed, 0, 0, 0
	} else if err != nil {
		return err
	}
	if err := refundRest(ctx, o, excluded); err != nil {
		return err
	}
	core.SetProto(ctx.KV, OfferingKey(o.Id), o)
	ctx.Emit("offering.settled", "offering_id", core.Itoa(int64(o.Id)), "status", o.Status, "reason", reason,
		"allotted_units", core.Itoa(o.AllottedUnits), "amount", core.Itoa(o.Raised), "fee", core.Itoa(o.FeePaid),
		"asset", o.Terms.SettlementAsset, "excluded", core.Itoa(int64(len(excluded))))
	return nil
}

// allot captures each eligible pledge's hold to the issuer and mints its units, each in its
// own step so that one that cannot be made (a frozen investor, the asset's maximum supply)
// is excluded without stopping the rest; then it pays the fee. Below the soft cap, or when
// the fee cannot be paid, it fails and its caller discards all of it.
func allot(w *core.Context, o *statepb.Offering, eligible []*statepb.Pledge, excluded map[string]string) error {
	t := o.Terms
	for _, p := range eligible {
		err := core.Tentative(w, func(s *core.Context) error {
			if err := bank.CaptureHoldFor(s, p.HoldId, 0); err != nil {
				return err
			}
			return bank.MintFor(s, t.Asset, p.Investor, p.Units)
		})
		if err != nil {
			excluded[p.Investor] = err.Error()
			continue
		}
		fee, err := Fee(p.Cost, t.FeeBps)
		if err != nil {
			return err
		}
		o.AllottedUnits += p.Units // Σ ≤ hard cap
		o.Raised += p.Cost
		o.FeePaid += fee
		p.Status = PledgeAllotted
		core.SetProto(w.KV, PledgeKey(o.Id, p.Investor), p)
		w.Emit("offering.allotted", "offering_id", core.Itoa(int64(o.Id)), "investor", p.Investor,
			"units", core.Itoa(p.Units), "amount", core.Itoa(p.Cost), "asset", t.SettlementAsset)
	}
	if o.AllottedUnits < t.SoftCap {
		return errBelowSoftCap
	}
	if o.FeePaid > 0 {
		if err := bank.Move(w, o.Issuer, t.FeeAccount, t.SettlementAsset, o.FeePaid); err != nil {
			return errBelowSoftCap // the fee is part of the terms: without it, no success
		}
	}
	return nil
}

// refundRest releases every pledge still held: all of them after a failure, the excluded
// ones after a success.
func refundRest(ctx *core.Context, o *statepb.Offering, excluded map[string]string) error {
	for _, p := range Pledges(ctx.KV, o.Id) {
		if p.Status != PledgePledged {
			continue
		}
		if err := bank.ReleaseHoldFor(ctx, p.HoldId); err != nil {
			return err
		}
		p.Status = PledgeRefunded
		if why, ok := excluded[p.Investor]; ok {
			p.Status, p.Reason = PledgeExcluded, why
		}
		core.SetProto(ctx.KV, PledgeKey(o.Id, p.Investor), p)
		ctx.Emit("offering.refunded", "offering_id", core.Itoa(int64(o.Id)), "investor", p.Investor, "status", p.Status,
			"amount", core.Itoa(p.Cost), "asset", o.Terms.SettlementAsset, "reason", p.Reason)
	}
	return nil
}
