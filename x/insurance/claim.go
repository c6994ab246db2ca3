package insurance

import (
	"strconv"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/module"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// GetClaim reads a claim.
func GetClaim(r store.Reader, id uint64) (*statepb.Claim, bool) {
	var c statepb.Claim
	return &c, core.GetProto(r, ClaimKey(id), &c)
}

// FileClaim claims a loss under an active indemnity policy during its cover (the insured).
// Claims pending and paid together stay within the maximum payout.
func FileClaim(ctx *core.Context, m *txpb.MsgFileClaim) error {
	p, rec, err := policyOf(ctx.KV, m.PolicyId)
	if err != nil {
		return err
	}
	switch {
	case ctx.Signer != p.Insured:
		return ErrNotInsured.Wrapf("only the insured claims under policy %d", p.Id)
	case rec.Product.Kind != KindIndemnity:
		return ErrWrongStatus.Wrapf("policy %d is parametric: it pays by itself", p.Id)
	case p.Status != statepb.PolicyStatus_POLICY_STATUS_ACTIVE || ctx.Now() >= p.RiskEnd || ctx.Now() < rec.Product.RiskStart:
		return ErrDeadline.Wrapf("policy %d covers [%d, %d)", p.Id, rec.Product.RiskStart, p.RiskEnd)
	case len(m.EvidenceHash) != 32:
		return ErrBadAmount.Wrapf("evidence_hash must be 32 bytes")
	}
	if err := money.CheckPositive("amount", m.Amount); err != nil {
		return err
	}
	if m.Amount > p.MaxPayout-p.Claimed {
		return ErrBadAmount.Wrapf("claim %d: only %d of the maximum payout is unclaimed", m.Amount, p.MaxPayout-p.Claimed)
	}
	id := uint64(core.GetInt64(ctx.KV, claimSeqKey)) + 1
	core.SetInt64(ctx.KV, claimSeqKey, int64(id))
	clock := core.ClockOf(ctx.KV)
	c := &statepb.Claim{Id: id, PolicyId: p.Id, Amount: m.Amount, EvidenceHash: m.EvidenceHash,
		Status: statepb.ClaimStatus_CLAIM_STATUS_PENDING, FiledAt: ctx.Now(),
		DecideBy: clock.BlockTimeOf(clock.StartOfDay(ctx.Today().Day + int64(rec.Product.DecisionDays) + 1))}
	core.SetProto(ctx.KV, ClaimKey(id), c)
	scheduler.Add(ctx.KV, c.DecideBy, claimDueKind, idText(id))
	p.Claimed += m.Amount
	savePolicy(ctx.KV, p)
	ctx.Emit("insurance.claim_filed", "claim_id", idText(id), "policy_id", idText(p.Id), "signer", ctx.Signer,
		"asset", p.Asset, "amount", core.Itoa(m.Amount), "decide_by", core.Itoa(c.DecideBy))
	return nil
}

// DecideClaim approves (amount > 0, at most the claim) or rejects (0) a claim: the product's
// insurer or assessor while it is pending; governance once it has been escalated.
func DecideClaim(ctx *core.Context, m *txpb.MsgDecideClaim) error {
	c, ok := GetClaim(ctx.KV, m.ClaimId)
	if !ok {
		return ErrUnknownClaim.Wrapf("claim %d", m.ClaimId)
	}
	p, rec, _ := policyOf(ctx.KV, c.PolicyId)
	if err := mayDecide(ctx, c, rec); err != nil {
		return err
	}
	if m.Amount < 0 || m.Amount > c.Amount {
		return ErrBadAmount.Wrapf("decided amount %d: 0..%d", m.Amount, c.Amount)
	}
	pool := GetPool(ctx.KV, p.Insurer, p.Asset)
	pool.Exposure -= m.Amount // approved: the exposure it used is paid out
	if err := payFromPool(ctx, pool, p, m.Amount); err != nil {
		return err
	}
	p.Claimed -= c.Amount - m.Amount
	c.Status, c.DecidedAt, c.DecidedBy, c.Approved, c.Reason = statepb.ClaimStatus_CLAIM_STATUS_REJECTED, ctx.Now(), ctx.Signer, m.Amount, m.Reason
	if m.Amount > 0 {
		c.Status = statepb.ClaimStatus_CLAIM_STATUS_APPROVED
	}
	scheduler.Remove(ctx.KV, c.DecideBy, claimDueKind, idText(c.Id))
	core.SetProto(ctx.KV, ClaimKey(c.Id), c)
	if ctx.Now() >= p.RiskEnd && p.Claimed == p.Paid {
		closeIndemnity(ctx, pool, p)
	}
	savePool(ctx.KV, pool)
	savePolicy(ctx.KV, p)
	ctx.Emit("insurance.claim_decided", "claim_id", idText(c.Id), "policy_id", idText(p.Id), "signer", ctx.Signer,
		"asset", p.Asset, "approved", core.Itoa(m.Amount), "status", claimStatusName(c.Status))
	return nil
}

func mayDecide(ctx *core.Context, c *statepb.Claim, rec *statepb.InsuranceProductRecord) error {
	switch c.Status {
	case statepb.ClaimStatus_CLAIM_STATUS_PENDING:
		if ctx.Signer != rec.Insurer && (rec.Product.Assessor == "" || ctx.Signer != rec.Product.Assessor) {
			return ErrNotInsurer.Wrapf("claim %d is decided by the insurer or its assessor", c.Id)
		}
	case statepb.ClaimStatus_CLAIM_STATUS_ESCALATED:
		if ctx.Signer != module.GovernanceAuthority {
			return ErrNotInsurer.Wrapf("claim %d was escalated: governance decides it", c.Id)
		}
	default:
		return ErrWrongStatus.Wrapf("claim %d is already decided", c.Id)
	}
	return nil
}

// escalateClaim is the scheduler handler at a claim's decision deadline.
func escalateClaim(ctx *core.Context, idText string) error {
	id, err := strconv.ParseUint(idText, 10, 64)
	if err != nil {
		return err
	}
	c, ok := GetClaim(ctx.KV, id)
	if !ok || c.Status != statepb.ClaimStatus_CLAIM_STATUS_PENDING {
		return nil
	}
	c.Status = statepb.ClaimStatus_CLAIM_STATUS_ESCALATED
	core.SetProto(ctx.KV, ClaimKey(id), c)
	ctx.Emit("insurance.claim_escalated", "claim_id", idText, "policy_id", core.Itoa(int64(c.PolicyId)))
	return nil
}

// expirePolicy is the scheduler handler at the end of an indemnity policy's cover: with no
// claim undecided it closes and frees what it did not pay; otherwise the last decision
// closes it.
func expirePolicy(ctx *core.Context, idText string) error {
	id, err := strconv.ParseUint(idText, 10, 64)
	if err != nil {
		return err
	}
	p, ok := GetPolicy(ctx.KV, id)
	if !ok || p.Status != statepb.PolicyStatus_POLICY_STATUS_ACTIVE || p.Claimed != p.Paid {
		return nil
	}
	pool := GetPool(ctx.KV, p.Insurer, p.Asset)
	closeIndemnity(ctx, pool, p)
	savePool(ctx.KV, pool)
	savePolicy(ctx.KV, p)
	return nil
}

func closeIndemnity(ctx *core.Context, pool *statepb.Pool, p *statepb.Policy) {
	pool.Exposure -= p.MaxPayout - p.Paid
	p.Status, p.SettledAt = statepb.PolicyStatus_POLICY_STATUS_CLOSED, ctx.Now()
	if p.Paid > 0 {
		p.Status = statepb.PolicyStatus_POLICY_STATUS_PAID
	}
	ctx.Emit("insurance.policy_settled", "policy_id", idText(p.Id), "product_id", idText(p.ProductId), "insured", p.Insured,
		"payout", core.Itoa(p.Paid), "status", statusName(p.Status), "dispute_deadline", "0")
}

func policyOf(r store.Reader, id uint64) (*statepb.Policy, *statepb.InsuranceProductRecord, error) {
	p, ok := GetPolicy(r, id)
	if !ok {
		return nil, nil, ErrUnknownPolicy.Wrapf("policy %d", id)
	}
	rec, _ := GetProduct(r, p.ProductId)
	return p, rec, nil
}
