package insurance

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// GetPolicy reads a policy.
func GetPolicy(r store.Reader, id uint64) (*statepb.Policy, bool) {
	var p statepb.Policy
	return &p, core.GetProto(r, PolicyKey(id), &p)
}

// ListPolicies lists every policy, by id (for invariants and audits).
func ListPolicies(r store.Reader) []*statepb.Policy {
	return core.ListProto[statepb.Policy](r, policyPrefix)
}

// PoliciesOf lists an insured's policies, by id.
func PoliciesOf(r store.Reader, addr string) []*statepb.Policy {
	var out []*statepb.Policy
	store.IteratePrefix(r, byInsuredPrefix(addr), func(k, _ []byte) bool {
		p, _ := GetPolicy(r, decodeID(k[len(k)-8:]))
		out = append(out, p)
		return true
	})
	return out
}

func savePolicy(kv store.KV, p *statepb.Policy) { core.SetProto(kv, PolicyKey(p.Id), p) }

// BuyPolicy sells cover under a product: within the sale window, within the sum insured
// bounds, only while the insurer's pool (with this premium) covers every active policy's
// maximum payout and this one's. The signer pays the premium; it is the insured, or the
// lender of the insured's loan buying cover on the borrower's behalf.
func BuyPolicy(ctx *core.Context, m *txpb.MsgBuyPolicy) error {
	rec, ok := GetProduct(ctx.KV, m.ProductId)
	if !ok {
		return ErrUnknownProduct.Wrapf("product %d", m.ProductId)
	}
	prod, now := rec.Product, ctx.Now()
	if now < prod.SaleStart || now >= prod.SaleEnd {
		return ErrSaleClosed.Wrapf("product %d sells in [%d, %d), now %d", rec.Id, prod.SaleStart, prod.SaleEnd, now)
	}
	if err := checkBuyer(ctx, rec, m); err != nil {
		return err
	}
	if m.SumInsured < prod.MinSumInsured || m.SumInsured > prod.MaxSumInsured {
		return ErrBadAmount.Wrapf("sum insured %d outside [%d, %d]", m.SumInsured, prod.MinSumInsured, prod.MaxSumInsured)
	}
	premium, err := money.MulDiv(m.SumInsured, prod.PremiumRatePpm, Million, money.RoundingHalfEven)
	if err != nil {
		return err
	}
	maxPayout, err := MaxPayout(m.SumInsured, prod.MaxPayoutPpm)
	if err != nil {
		return err
	}
	if premium <= 0 {
		return ErrBadAmount.Wrapf("sum insured %d gives no premium", m.SumInsured)
	}
	pool := GetPool(ctx.KV, rec.Insurer, prod.Asset)
	if err := sell(ctx, pool, premium, maxPayout); err != nil {
		return err
	}
	return issue(ctx, rec, pool, m, premium, maxPayout)
}

// checkBuyer applies who may buy for whom, and the loan a loan-linked policy names.
func checkBuyer(ctx *core.Context, rec *statepb.InsuranceProductRecord, m *txpb.MsgBuyPolicy) error {
	if err := tx.ValidateAddress("insured", m.Insured); err != nil {
		return err
	}
	if !registry.AccountExists(ctx.KV, m.Insured) {
		return ErrNotInsured.Wrapf("insured %s is not a registered account", m.Insured)
	}
	if m.Insured == rec.Insurer || ctx.Signer == rec.Insurer {
		return ErrSelfCover.Wrapf("the insurer cannot insure itself or buy its own cover")
	}
	if m.LoanId == 0 {
		if ctx.Signer != m.Insured {
			return ErrNotInsured.Wrapf("only the insured buys cover without a loan; %s is not %s", ctx.Signer, m.Insured)
		}
		return nil
	}
	borrower, lender, asset, open, ok := loans.LoanParties(ctx.KV, m.LoanId)
	switch {
	case !ok || !open:
		return ErrBadLoan.Wrapf("loan %d is not an open loan", m.LoanId)
	case borrower != m.Insured:
		return ErrBadLoan.Wrapf("loan %d is not the insured's", m.LoanId)
	case asset != rec.Product.Asset:
		return ErrBadLoan.Wrapf("loan %d is in %s, the product in %s", m.LoanId, asset, rec.Product.Asset)
	case ctx.Signer != borrower && ctx.Signer != lender:
		return ErrNotInsured.Wrapf("loan-linked cover is bought by the borrower or the loan's lender")
	}
	return nil
}

// sell takes the premium into the pool if the pool then covers the new exposure.
func sell(ctx *core.Context, pool *statepb.Pool, premium, maxPayout int64) error {
	exposure, err := money.Add(pool.Exposure, maxPayout)
	if err != nil {
		return err
	}
	if after := pool.Balance + premium; exposure > after { // premium ≤ sum insured: no overflow
		return ErrCapacity.Wrapf("pool of %s in %s: %d with the premium, maximum payouts would reach %d",
			pool.Insurer, pool.Asset, after, exposure)
	}
	if err := bank.Move(ctx, ctx.Signer, pool.Insurer, pool.Asset, premium); err != nil {
		return err
	}
	if err := addToPool(ctx, pool, premium); err != nil {
		return err
	}
	pool.Premiums += premium // ≤ balance
	pool.Exposure = exposure
	savePool(ctx.KV, pool)
	return nil
}

func issue(ctx *core.Context, rec *statepb.InsuranceProductRecord, pool *statepb.Pool, m *txpb.MsgBuyPolicy, premium, maxPayout int64) error {
	id := uint64(core.GetInt64(ctx.KV, policySeqKey)) + 1
	core.SetInt64(ctx.KV, policySeqKey, int64(id))
	prod := rec.Product
	p := &statepb.Policy{Id: id, ProductId: rec.Id, Insurer: rec.Insurer, Insured: m.Insured, Buyer: ctx.Signer,
		Asset: prod.Asset, SumInsured: m.SumInsured, Premium: premium, MaxPayout: maxPayout, LoanId: m.LoanId,
		Status: statepb.PolicyStatus_POLICY_STATUS_ACTIVE, BoughtAt: ctx.Now(), RiskEnd: prod.RiskEnd}
	savePolicy(ctx.KV, p)
	ctx.KV.Set(byInsuredKey(m.Insured, id), []byte{1})
	if m.LoanId != 0 {
		ctx.KV.Set(byLoanKey(m.LoanId, id), []byte{1})
	}
	kind := settleKind
	if prod.Kind == KindIndemnity {
		kind = expireKind
	}
	scheduler.Add(ctx.KV, prod.RiskEnd, kind, idText(id))
	rec.Policies++
	core.SetProto(ctx.KV, ProductKey(rec.Id), rec)
	ctx.Emit("insurance.policy_bought", "policy_id", idText(id), "product_id", idText(rec.Id), "signer", ctx.Signer,
		"insured", m.Insured, "asset", prod.Asset, "sum_insured", core.Itoa(m.SumInsured), "premium", core.Itoa(premium),
		"max_payout", core.Itoa(maxPayout), "loan_id", idText(m.LoanId), "exposure", core.Itoa(pool.Exposure),
		"pool", core.Itoa(pool.Balance))
	return nil
}
