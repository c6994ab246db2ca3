package offering

import (
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// MaxCancelReason bounds the reason an issuer records when it cancels an offering.
const MaxCancelReason = 256

// Cancel withdraws an open offering (its issuer only): every live pledge is released, the
// closing settlement is unscheduled, and no unit is ever minted.
func Cancel(ctx *core.Context, m *txpb.MsgCancelOffering) error {
	o, err := mustOffering(ctx.KV, m.OfferingId)
	if err != nil {
		return err
	}
	switch {
	case ctx.Signer != o.Issuer:
		return ErrNotIssuer.Wrapf("only the issuer %s may cancel offering %d", o.Issuer, o.Id)
	case o.Status != StatusOpen:
		return ErrNotOpen.Wrapf("offering %d is %s", o.Id, o.Status)
	}
	scheduler.Remove(ctx.KV, o.Terms.ClosesAt, closeKind, core.Itoa(int64(o.Id)))
	o.Status, o.SettledAt, o.CloseReason, o.CancelReason = StatusCancelled, ctx.Now(), "cancelled", m.Reason
	if err := refundRest(ctx, o, nil); err != nil {
		return err
	}
	core.SetProto(ctx.KV, OfferingKey(o.Id), o)
	ctx.Emit("offering.cancelled", "offering_id", core.Itoa(int64(o.Id)), "reason", m.Reason,
		"refunded_units", core.Itoa(o.PledgedUnits), "amount", core.Itoa(o.PledgedCost), "asset", o.Terms.SettlementAsset)
	return nil
}

// Withdraw takes back the signer's live pledge to an open offering before its closing time.
// The record stays (status withdrawn) so the investor's history shows it; a new pledge
// replaces it.
func Withdraw(ctx *core.Context, m *txpb.MsgWithdrawPledge) error {
	o, err := mustOffering(ctx.KV, m.OfferingId)
	if err != nil {
		return err
	}
	if o.Status != StatusOpen || ctx.Now() >= o.Terms.ClosesAt {
		return ErrNotOpen.Wrapf("offering %d is %s (closes at %d)", o.Id, o.Status, o.Terms.ClosesAt)
	}
	p, ok := GetPledge(ctx.KV, o.Id, ctx.Signer)
	if !ok || p.Status != PledgePledged {
		return ErrNoLivePledge.Wrapf("%s has no live pledge to offering %d", ctx.Signer, o.Id)
	}
	if err := bank.ReleaseHoldFor(ctx, p.HoldId); err != nil {
		return err
	}
	p.Status, p.WithdrawnAt = PledgeWithdrawn, ctx.Now()
	core.SetProto(ctx.KV, PledgeKey(o.Id, p.Investor), p)
	o.PledgedUnits -= p.Units // the pledge was part of both totals
	o.PledgedCost -= p.Cost
	core.SetProto(ctx.KV, OfferingKey(o.Id), o)
	ctx.Emit("offering.withdrawn", "offering_id", core.Itoa(int64(o.Id)), "investor", p.Investor,
		"units", core.Itoa(p.Units), "amount", core.Itoa(p.Cost), "asset", o.Terms.SettlementAsset)
	return nil
}

// livePledge reports whether an investor's earlier pledge record still stands in the way of
// a new one (a withdrawn pledge does not).
func livePledge(p *statepb.Pledge, ok bool) bool { return ok && p.Status != PledgeWithdrawn }
