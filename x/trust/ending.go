package trust

import (
	"strconv"

	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// MaxRefundsPerStep bounds the refunds one transaction or scheduled step makes; an ending
// with more donations left continues in the next block.
const MaxRefundsPerStep = 200

// EndTrust completes (the trustee) or cancels (the trustee or the supervisor) a trust. The
// distribution stops, the final disclosure falls due three months on, and the remainder
// goes as the terms say: passed whole to the successor trust (as its donation from this
// trust's account), or refunded to the donors pro rata to their unspent amounts. The trust
// account always holds exactly Σ unspent (an invariant), so pro rata to unspent with largest
// remainder gives every donation exactly its unspent amount, and Σ refunds = the remainder.
func EndTrust(ctx *core.Context, m *txpb.MsgEndTrust) error {
	t, err := activeTrust(ctx.KV, m.TrustId)
	if err != nil {
		return err
	}
	supervisor := t.Terms.Supervisor != "" && ctx.Signer == t.Terms.Supervisor
	if ctx.Signer != t.Trustee && !(supervisor && m.Cancel) {
		return ErrNotEnder.Wrapf("%s may not %s trust %d (the trustee ends it; the supervisor may cancel)",
			ctx.Signer, endVerb(m.Cancel), t.Id)
	}
	t.Status, t.EndedAt, t.EndReason = statepb.TrustStatus_TRUST_STATUS_COMPLETED, ctx.Now(), m.Reason
	if m.Cancel {
		t.Status = statepb.TrustStatus_TRUST_STATUS_CANCELLED
	}
	idText := core.Itoa(int64(t.Id))
	if t.NextPaymentAt != 0 {
		scheduler.Remove(ctx.KV, t.NextPaymentAt, payKind, idText)
		t.NextPaymentAt = 0
	}
	if t.DisclosureDueAt != 0 {
		scheduler.Remove(ctx.KV, t.DisclosureDueAt, discloseKind, idText)
	}
	t.DisclosureDueAt, t.DisclosureMet = addMonths(ctx.KV, ctx.Now(), DisclosureMonths), false
	scheduler.Add(ctx.KV, t.DisclosureDueAt, discloseKind, idText)
	remainder := Balance(t)
	putTrust(ctx.KV, t)
	ctx.Emit("trust.ended", "trust_id", idText, "status", statusName(t.Status), "by", ctx.Signer, "reason", m.Reason,
		"asset", t.Terms.Asset, "remainder", core.Itoa(remainder), "ending", endingName(t.Terms.Ending),
		"final_disclosure_due_at", core.Itoa(t.DisclosureDueAt))
	if remainder == 0 {
		return nil
	}
	if t.Terms.Ending == txpb.TrustEnding_TRUST_ENDING_PASS_ON {
		return passOn(ctx, t, remainder)
	}
	t.Refunding, t.RefundNext = true, t.FifoNext
	return refundStep(ctx, t)
}

// passOn moves the remainder to the successor trust, where it is a donation from this
// trust's account.
func passOn(ctx *core.Context, t *statepb.TrustRecord, amount int64) error {
	s, err := activeTrust(ctx.KV, t.Terms.SuccessorTrust)
	if err != nil {
		return ErrBadSuccessor.Wrapf("successor: %v", err)
	}
	rel := &statepb.Release{Kind: statepb.OutflowKind_OUTFLOW_KIND_PASS_ON, Recipient: s.Address, Amount: amount,
		Purpose: "passed on to trust " + core.Itoa(int64(s.Id))}
	if err := payOut(ctx, t, rel); err != nil {
		return err
	}
	s, _ = GetTrust(ctx.KV, s.Id)
	return recordDonation(ctx, s, t.Address, amount)
}

// refundStep refunds up to MaxRefundsPerStep donations, oldest first, each its unspent
// amount, and schedules the next step if any are left. A refund the ledger refuses (a
// sanctioned donor) is skipped with an event; its amount stays in the trust account.
func refundStep(ctx *core.Context, t *statepb.TrustRecord) error {
	done := 0
	for ; t.RefundNext <= t.Donations && done < MaxRefundsPerStep; t.RefundNext++ {
		d, _ := GetDonation(ctx.KV, t.Id, t.RefundNext)
		amount := Unspent(d)
		if amount == 0 {
			continue
		}
		done++
		err := core.Tentative(ctx, func(c *core.Context) error { return refundOne(c, t.Id, d.Seq, amount) })
		if err != nil {
			ctx.Emit("trust.refund_refused", "trust_id", core.Itoa(int64(t.Id)), "donation", core.Itoa(int64(d.Seq)),
				"to", d.Donor, "asset", t.Terms.Asset, "amount", core.Itoa(amount), "reason", err.Error())
		}
		refunded, _ := GetTrust(ctx.KV, t.Id)
		t.Refunded, t.Releases = refunded.Refunded, refunded.Releases
	}
	t.Refunding = t.RefundNext <= t.Donations
	putTrust(ctx.KV, t)
	if t.Refunding {
		scheduler.Add(ctx.KV, ctx.Now(), refundKind, core.Itoa(int64(t.Id)))
	}
	return nil
}

// refundOne returns a donation's unspent amount to its donor and records the refund as an
// outflow naming that donation.
func refundOne(ctx *core.Context, id, seq uint64, amount int64) error {
	t, _ := GetTrust(ctx.KV, id)
	d, _ := GetDonation(ctx.KV, id, seq)
	if err := bank.Move(ctx, t.Address, d.Donor, t.Terms.Asset, amount); err != nil {
		return err
	}
	d.Refunded += amount
	core.SetProto(ctx.KV, DonationKey(id, seq), d)
	if err := book(t, statepb.OutflowKind_OUTFLOW_KIND_REFUND, amount); err != nil {
		return err
	}
	storeRelease(ctx, t, &statepb.Release{Kind: statepb.OutflowKind_OUTFLOW_KIND_REFUND, Recipient: d.Donor, Amount: amount,
		Purpose: "refund at the trust's end",
		Parts:   []*statepb.Attribution{{Donation: seq, Donor: d.Donor, Amount: amount}}})
	return nil
}

// runRefunds continues an ending's refunds in a later block.
func runRefunds(ctx *core.Context, idText string) error {
	id, err := strconv.ParseUint(idText, 10, 64)
	if err != nil {
		return err
	}
	t, ok := GetTrust(ctx.KV, id)
	if !ok || !t.Refunding {
		return nil
	}
	return refundStep(ctx, t)
}

func endVerb(cancel bool) string {
	if cancel {
		return "cancel"
	}
	return "complete"
}
