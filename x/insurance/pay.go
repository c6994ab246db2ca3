package insurance

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// payFromPool pays amount of a policy out of its insurer's pool: a loan-linked policy first
// settles what its loan owes (the lender is paid through lending's repayment on the
// borrower's behalf), and the rest goes to the insured. The pool and the policy record the
// payout; the caller has already released any exposure the payment uses.
func payFromPool(ctx *core.Context, pool *statepb.Pool, p *statepb.Policy, amount int64) error {
	if amount <= 0 {
		return nil
	}
	if err := takeFromPool(ctx, pool, amount); err != nil {
		return err
	}
	var toLoan int64
	if p.LoanId != 0 {
		var err error
		if toLoan, err = loans.RepayFor(ctx, p.Insurer, p.LoanId, amount); err != nil {
			return err
		}
	}
	if rest := amount - toLoan; rest > 0 {
		if err := bank.Move(ctx, p.Insurer, p.Insured, p.Asset, rest); err != nil {
			return err
		}
	}
	var err error
	if pool.Payouts, err = money.Add(pool.Payouts, amount); err != nil {
		return err
	}
	p.Paid += amount // at most the maximum payout
	p.PaidToLoan += toLoan
	ctx.Emit("insurance.paid", "policy_id", idText(p.Id), "insurer", p.Insurer, "to", p.Insured, "asset", p.Asset,
		"amount", core.Itoa(amount), "to_loan", core.Itoa(toLoan), "loan_id", idText(p.LoanId), "pool", core.Itoa(pool.Balance))
	return nil
}
