package insurance

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// Insurance's stateless checks (module.Route.Basic), refused before the mempool. That the
// asset and feed are registered, the sale and risk windows lie ahead, the assessor holds a
// role and the amounts fit the policy need state: the handlers judge them.

func basicRegisterProduct(m *txpb.Msg) error {
	return checkProductShape(m.GetRegisterInsuranceProduct().GetProduct())
}

// checkProductShape is everything about a product that needs no state; checkProduct adds
// what does.
func checkProductShape(p *txpb.InsuranceProduct) error {
	if p == nil {
		return ErrBadProduct.Wrapf("no product")
	}
	if err := money.ValidateAssetCode("asset", p.Asset); err != nil {
		return err
	}
	switch {
	case p.Name == "" || len(p.Name) > tx.MaxStringField:
		return ErrBadProduct.Wrapf("name: 1..%d bytes", tx.MaxStringField)
	case !containsString(covers, p.Cover):
		return ErrBadProduct.Wrapf("cover %q: one of %v", p.Cover, covers)
	case p.PremiumRatePpm <= 0 || p.PremiumRatePpm > Million:
		return ErrBadProduct.Wrapf("premium rate %d ppm: above 0, at most 1", p.PremiumRatePpm)
	case p.MaxPayoutPpm <= 0 || p.MaxPayoutPpm > Million:
		return ErrBadProduct.Wrapf("maximum payout fraction %d ppm: above 0, at most 1", p.MaxPayoutPpm)
	case p.SaleStart >= p.SaleEnd:
		return ErrBadProduct.Wrapf("sale window [%d, %d) must be non-empty", p.SaleStart, p.SaleEnd)
	case p.RiskStart >= p.RiskEnd || p.SaleEnd > p.RiskEnd:
		return ErrBadProduct.Wrapf("risk period [%d, %d) must be non-empty and not end before the sale", p.RiskStart, p.RiskEnd)
	case p.MinSumInsured <= 0 || p.MaxSumInsured < p.MinSumInsured:
		return ErrBadProduct.Wrapf("sum insured bounds [%d, %d]", p.MinSumInsured, p.MaxSumInsured)
	case p.DisputeDays > maxDays:
		return ErrBadProduct.Wrapf("dispute_days %d above %d", p.DisputeDays, maxDays)
	}
	switch p.Kind {
	case KindParametric:
		switch {
		case p.FeedId == "":
			return ErrBadProduct.Wrapf("feed_id is required of a parametric product")
		case !containsString(indexFunctions, p.Index):
			return ErrBadProduct.Wrapf("index %q: one of %v", p.Index, indexFunctions)
		case p.DecisionDays != 0 || p.Assessor != "":
			return ErrBadProduct.Wrapf("decision days and assessor are for indemnity products")
		}
		return termsOf(p).Check()
	case KindIndemnity:
		switch {
		case p.FeedId != "" || p.Index != "" || p.TriggerMicro != 0 || p.ExitMicro != 0 || p.ReferenceMicro != 0 || p.Direction != "":
			return ErrBadProduct.Wrapf("feed, index, trigger, exit, reference and direction are for parametric products")
		case p.DecisionDays == 0 || p.DecisionDays > maxDays:
			return ErrBadProduct.Wrapf("decision_days %d: 1..%d", p.DecisionDays, maxDays)
		case p.Assessor != "":
			return tx.ValidateAddress("assessor", p.Assessor)
		}
		return nil
	}
	return ErrBadProduct.Wrapf("kind %q: parametric or indemnity", p.Kind)
}

func basicFundPool(m *txpb.Msg) error {
	x := m.GetFundPool()
	return tx.FirstError(money.ValidateAssetCode("asset", x.GetAsset()), money.CheckPositive("amount", x.GetAmount()))
}

func basicWithdrawPool(m *txpb.Msg) error {
	x := m.GetWithdrawPool()
	return tx.FirstError(money.ValidateAssetCode("asset", x.GetAsset()), money.CheckPositive("amount", x.GetAmount()))
}

// basicBuyPolicy: the loan is optional (0: cover without a loan).
func basicBuyPolicy(m *txpb.Msg) error {
	x := m.GetBuyPolicy()
	return tx.FirstError(tx.RequireID("product_id", x.GetProductId()), tx.ValidateAddress("insured", x.GetInsured()),
		money.CheckPositive("sum_insured", x.GetSumInsured()))
}

func basicFileClaim(m *txpb.Msg) error {
	x := m.GetFileClaim()
	if err := tx.RequireID("policy_id", x.GetPolicyId()); err != nil {
		return err
	}
	if len(x.GetEvidenceHash()) != 32 {
		return ErrBadAmount.Wrapf("evidence_hash must be 32 bytes")
	}
	return money.CheckPositive("amount", x.GetAmount())
}

// basicDecideClaim: an amount of 0 rejects the claim.
func basicDecideClaim(m *txpb.Msg) error {
	x := m.GetDecideClaim()
	if err := tx.RequireID("claim_id", x.GetClaimId()); err != nil {
		return err
	}
	if x.GetAmount() < 0 {
		return ErrBadAmount.Wrapf("decided amount %d must not be negative", x.GetAmount())
	}
	return nil
}

func basicDisputeSettlement(m *txpb.Msg) error {
	x := m.GetDisputeSettlement()
	if err := tx.RequireID("policy_id", x.GetPolicyId()); err != nil {
		return err
	}
	switch {
	case x.GetReason() == "" || len(x.GetReason()) > tx.MaxStringField:
		return ErrBadAmount.Wrapf("reason: 1..%d bytes", tx.MaxStringField)
	case len(x.GetEvidenceHash()) != 0 && len(x.GetEvidenceHash()) != 32:
		return ErrBadAmount.Wrapf("evidence_hash: none or 32 bytes")
	}
	return nil
}

func basicResolveDispute(m *txpb.Msg) error {
	x := m.GetResolveDispute()
	if err := tx.RequireID("policy_id", x.GetPolicyId()); err != nil {
		return err
	}
	switch {
	case x.GetTopUp() < 0:
		return ErrBadAmount.Wrapf("top-up %d must not be negative", x.GetTopUp())
	case len(x.GetReason()) > tx.MaxStringField:
		return ErrBadAmount.Wrapf("reason over %d bytes", tx.MaxStringField)
	}
	return nil
}
