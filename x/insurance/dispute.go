package insurance

import (
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// DisputeSettlement disputes a parametric settlement before its deadline (the insured: the
// index missed a loss the insured suffered — basis risk).
func DisputeSettlement(ctx *core.Context, m *txpb.MsgDisputeSettlement) error {
	p, rec, err := policyOf(ctx.KV, m.PolicyId)
	if err != nil {
		return err
	}
	settled := p.Status == statepb.PolicyStatus_POLICY_STATUS_PAID || p.Status == statepb.PolicyStatus_POLICY_STATUS_CLOSED
	switch {
	case ctx.Signer != p.Insured:
		return ErrNotInsured.Wrapf("only the insured disputes policy %d", p.Id)
	case rec.Product.Kind != KindParametric || !settled:
		return ErrWrongStatus.Wrapf("policy %d has no parametric settlement to dispute", p.Id)
	case ctx.Now() > p.DisputeDeadline:
		return ErrDeadline.Wrapf("the dispute deadline of policy %d was %d", p.Id, p.DisputeDeadline)
	case m.Reason == "" || len(m.Reason) > tx.MaxStringField:
		return ErrBadAmount.Wrapf("reason: 1..%d bytes", tx.MaxStringField)
	case len(m.EvidenceHash) != 0 && len(m.EvidenceHash) != 32:
		return ErrBadAmount.Wrapf("evidence_hash: none or 32 bytes")
	}
	p.Status, p.DisputeReason, p.DisputeEvidence = statepb.PolicyStatus_POLICY_STATUS_DISPUTED, m.Reason, m.EvidenceHash
	savePolicy(ctx.KV, p)
	ctx.Emit("insurance.disputed", "policy_id", idText(p.Id), "signer", ctx.Signer, "insurer", p.Insurer, "reason", m.Reason)
	return nil
}

// ResolveDispute closes a dispute (the insurer), topping the payout up from the pool's free
// part, at most to the policy's maximum payout.
func ResolveDispute(ctx *core.Context, m *txpb.MsgResolveDispute) error {
	p, _, err := policyOf(ctx.KV, m.PolicyId)
	if err != nil {
		return err
	}
	pool := GetPool(ctx.KV, p.Insurer, p.Asset)
	switch {
	case ctx.Signer != p.Insurer:
		return ErrNotInsurer.Wrapf("only the insurer resolves disputes of policy %d", p.Id)
	case p.Status != statepb.PolicyStatus_POLICY_STATUS_DISPUTED:
		return ErrWrongStatus.Wrapf("policy %d is not disputed", p.Id)
	case m.TopUp < 0 || m.TopUp > p.MaxPayout-p.Paid:
		return ErrBadAmount.Wrapf("top-up %d: 0..%d (the maximum payout less what was paid)", m.TopUp, p.MaxPayout-p.Paid)
	case m.TopUp > Free(pool):
		return ErrCapacity.Wrapf("top-up %d: only %d of the pool is free", m.TopUp, Free(pool))
	case len(m.Reason) > tx.MaxStringField:
		return ErrBadAmount.Wrapf("reason over %d bytes", tx.MaxStringField)
	}
	if err := payFromPool(ctx, pool, p, m.TopUp); err != nil {
		return err
	}
	p.Status = statepb.PolicyStatus_POLICY_STATUS_CLOSED
	if p.Paid > 0 {
		p.Status = statepb.PolicyStatus_POLICY_STATUS_PAID
	}
	p.DisputeDeadline = ctx.Now() - 1 // resolved: no second dispute
	savePool(ctx.KV, pool)
	savePolicy(ctx.KV, p)
	ctx.Emit("insurance.dispute_resolved", "policy_id", idText(p.Id), "signer", ctx.Signer, "top_up", core.Itoa(m.TopUp),
		"reason", m.Reason)
	return nil
}
