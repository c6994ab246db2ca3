package lending

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// Lending's stateless checks (module.Route.Basic), refused before the mempool. A product's
// schedule terms need its asset's scale, so the schedule engine judges them at execution.

func basicRegisterProduct(m *txpb.Msg) error {
	t := m.GetRegisterProduct().GetProduct()
	if t == nil {
		return ErrBadProduct.Wrapf("product is required")
	}
	if t.Name == "" || len(t.Name) > tx.MaxStringField {
		return ErrBadProduct.Wrapf("name: 1..%d bytes", tx.MaxStringField)
	}
	return tx.FirstError(money.ValidateAssetCode("asset", t.Asset), checkBounds(t), checkCharges(t), checkNamed(t),
		checkRuleSize(t.ApprovalRule), tx.CheckText("scorecard", t.Scorecard, 0, tx.MaxStringField))
}

func basicApplyLoan(m *txpb.Msg) error {
	x := m.GetApplyLoan()
	if x.GetPrincipal() <= 0 || x.GetPeriods() == 0 {
		return ErrOutOfBounds.Wrapf("principal %d and periods %d must both be positive", x.GetPrincipal(), x.GetPeriods())
	}
	return tx.FirstError(tx.RequireID("product_id", x.GetProductId()), tx.CheckText("purpose", x.GetPurpose(), 0, tx.MaxStringField))
}

func basicDecideLoan(m *txpb.Msg) error {
	x := m.GetDecideLoan()
	return tx.FirstError(tx.RequireID("loan_id", x.GetLoanId()), tx.CheckText("reason", x.GetReason(), 0, tx.MaxStringField))
}

func basicDisburseLoan(m *txpb.Msg) error {
	return tx.RequireID("loan_id", m.GetDisburseLoan().GetLoanId())
}

func basicRepayLoan(m *txpb.Msg) error {
	x := m.GetRepayLoan()
	return tx.FirstError(tx.RequireID("loan_id", x.GetLoanId()), money.CheckPositive("amount", x.GetAmount()))
}

func basicWriteOffLoan(m *txpb.Msg) error {
	x := m.GetWriteOffLoan()
	return tx.FirstError(tx.RequireID("loan_id", x.GetLoanId()), tx.CheckText("reason", x.GetReason(), 0, tx.MaxStringField))
}

func basicFundLoan(m *txpb.Msg) error {
	x := m.GetFundLoan()
	return tx.FirstError(tx.RequireID("loan_id", x.GetLoanId()), money.CheckPositive("amount", x.GetAmount()))
}

func basicCreateGroup(m *txpb.Msg) error {
	x := m.GetCreateGroup()
	if x.GetName() == "" || len(x.GetName()) > tx.MaxStringField {
		return ErrBadGroup.Wrapf("name: 1..%d bytes", tx.MaxStringField)
	}
	if n := len(x.GetMembers()); n < MinGroupMembers || n > MaxGroupMembers {
		return ErrBadGroup.Wrapf("%d members, need %d..%d", n, MinGroupMembers, MaxGroupMembers)
	}
	seen := make(map[string]bool, len(x.GetMembers()))
	for i, addr := range x.GetMembers() {
		if err := tx.ValidateAddress("members", addr); err != nil {
			return err
		}
		if seen[addr] {
			return ErrBadGroup.Wrapf("member %d (%s) is repeated", i, addr)
		}
		seen[addr] = true
	}
	return nil
}

func basicSetDelinquencyBuckets(m *txpb.Msg) error {
	return checkBuckets(m.GetSetDelinquencyBuckets().GetUpperBounds())
}

// checkRuleSize refuses an approval rule over the size the CEL compiler accepts, with the
// compiler's own code.
func checkRuleSize(src string) error {
	if len(src) > MaxRuleBytes {
		return ErrBadRule.Wrapf("rule is %d bytes, limit %d", len(src), MaxRuleBytes)
	}
	return nil
}
