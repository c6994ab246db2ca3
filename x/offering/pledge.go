package offering

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// GetPledge reads an investor's pledge to an offering.
func GetPledge(r store.Reader, id uint64, investor string) (*statepb.Pledge, bool) {
	var p statepb.Pledge
	return &p, core.GetProto(r, PledgeKey(id, investor), &p)
}

// Pledges lists an offering's pledges in investor-address order (the settlement's order).
func Pledges(r store.Reader, id uint64) []*statepb.Pledge {
	return core.ListProto[statepb.Pledge](r, pledgePrefix(id))
}

// Pledge holds the signer's cash for units of an open offering. Reaching the hard cap
// settles the offering in this transaction.
func Pledge(ctx *core.Context, m *txpb.MsgPledge) error {
	o, err := mustOffering(ctx.KV, m.OfferingId)
	if err != nil {
		return err
	}
	q, err := checkPledge(ctx.KV, o, ctx.Signer, m.Units, ctx.Now())
	if err != nil {
		return err
	}
	t := o.Terms
	holdID, err := bank.PlaceModuleHold(ctx, "offering", ctx.Signer, o.Issuer, t.SettlementAsset, q.Cost, t.ClosesAt+holdGraceSecs,
		"offering:"+core.Itoa(int64(o.Id)))
	if err != nil {
		return err
	}
	if _, again := GetPledge(ctx.KV, o.Id, ctx.Signer); !again {
		o.Pledges++ // pledge records, withdrawn ones included: settlement visits each
	}
	core.SetProto(ctx.KV, PledgeKey(o.Id, ctx.Signer), &statepb.Pledge{OfferingId: o.Id, Investor: ctx.Signer,
		Units: m.Units, Cost: q.Cost, HoldId: holdID, Status: PledgePledged, PledgedAt: ctx.Now()})
	o.PledgedUnits += m.Units // ≤ hard cap: checked
	o.PledgedCost += q.Cost   // ≤ the hard cap's cost, which Cost computed without overflow
	core.SetProto(ctx.KV, OfferingKey(o.Id), o)
	ctx.Emit("offering.pledged", "offering_id", core.Itoa(int64(o.Id)), "investor", ctx.Signer,
		"units", core.Itoa(m.Units), "amount", core.Itoa(q.Cost), "asset", t.SettlementAsset, "hold_id", core.Itoa(int64(holdID)))
	if o.PledgedUnits == t.HardCap {
		scheduler.Remove(ctx.KV, t.ClosesAt, closeKind, core.Itoa(int64(o.Id)))
		return settle(ctx, o, "hard_cap")
	}
	return nil
}

// checkPledge is every refusal a pledge can meet before its hold is placed.
func checkPledge(r store.Reader, o *statepb.Offering, investor string, units, now int64) (Quote, error) {
	t := o.Terms
	prev, again := GetPledge(r, o.Id, investor) // a withdrawn record is reused, not added
	switch {
	case o.Status != StatusOpen || now >= t.ClosesAt:
		return Quote{}, ErrNotOpen.Wrapf("offering %d is %s (closes at %d)", o.Id, o.Status, t.ClosesAt)
	case now < t.OpensAt:
		return Quote{}, ErrNotOpen.Wrapf("offering %d opens at %d", o.Id, t.OpensAt)
	case investor == o.Issuer:
		return Quote{}, ErrIssuerPledge.Wrapf("the issuer cannot pledge to its own offering")
	case o.Pledges >= MaxPledges && !again:
		return Quote{}, ErrTooManyPledges.Wrapf("offering %d has %d pledges", o.Id, MaxPledges)
	case livePledge(prev, again):
		return Quote{}, ErrAlreadyPledged.Wrapf("%s already pledged to offering %d", investor, o.Id)
	}
	a, err := bank.Asset(r, t.Asset)
	if err != nil {
		return Quote{}, err
	}
	q, err := QuotePledge(t, a.Scale, units)
	if err != nil {
		return Quote{}, err
	}
	if total, err := money.Add(o.PledgedUnits, units); err != nil || total > t.HardCap {
		return Quote{}, ErrAboveHardCap.Wrapf("%d units pledged of %d; %d more is over", o.PledgedUnits, t.HardCap, units)
	}
	return q, rules.CheckHolder(r, t.Asset, investor, units, now)
}
