package lending

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// Repay pays towards a loan from the signer's balance. What is due is paid by the product's
// allocation strategy; on an active loan the rest prepays principal (see prepay); on a
// written-off loan it is a recovery. Only what is owed is taken: an overpayment stays with
// the payer and the event says how much was returned.
func Repay(ctx *core.Context, m *txpb.MsgRepayLoan) error {
	_, err := RepayFor(ctx, ctx.Signer, m.LoanId, m.Amount)
	return err
}

// RepayFor is Repay by payer, who need not be the signer: a module paying on the borrower's
// behalf (an insurance payout settling the loan it covers). It returns what was taken.
func RepayFor(ctx *core.Context, payer string, loanID uint64, amount int64) (int64, error) {
	if err := money.CheckPositive("amount", amount); err != nil {
		return 0, err
	}
	l, ok := GetLoan(ctx.KV, loanID)
	if !ok {
		return 0, ErrUnknownLoan.Wrapf("loan %d", loanID)
	}
	if l.Status == statepb.LoanStatus_LOAN_STATUS_WRITTEN_OFF {
		return recoverWrittenOff(ctx, l, payer, amount)
	}
	if err := wantStatus(l, statepb.LoanStatus_LOAN_STATUS_ACTIVE, statepb.LoanStatus_LOAN_STATUS_DEFAULTED); err != nil {
		return 0, err
	}
	p, _ := GetProduct(ctx.KV, l.ProductId)
	t := p.Terms
	today := ctx.Today().Day
	if l.Status == statepb.LoanStatus_LOAN_STATUS_ACTIVE {
		if err := accrue(l, t, today); err != nil {
			return 0, err
		}
	}
	before := snapshotOwed(l)
	paid := allocate(t.Allocation, l.Installments[:dueCount(l, ctx.Now())], amount)
	var prepaid int64
	if rest := amount - paid.Total(); rest > 0 && l.Status == statepb.LoanStatus_LOAN_STATUS_ACTIVE {
		early, err := prepay(ctx, l, t, rest)
		if err != nil {
			return 0, err
		}
		paid.Principal += early.Principal
		paid.Interest += early.Interest
		prepaid = early.Total()
	}
	if paid.Total() == 0 {
		return 0, ErrNothingOwed.Wrapf("loan %d owes nothing due and no principal", l.Id)
	}
	if err := payOut(ctx, l, payer, paid); err != nil {
		return 0, err
	}
	if err := book(ctx, l, paid); err != nil {
		return 0, err
	}
	countCompletions(l, before, today)
	if prepaid > 0 {
		l.Prepayments++
		scheduleNextDue(ctx, l)
	}
	if err := afterPayment(ctx, l, today); err != nil {
		return 0, err
	}
	saveLoan(ctx.KV, l)
	ctx.Emit("lending.repaid", "loan_id", idText(l.Id), "payer", payer, "borrower", l.Borrower, "lender", l.Lender,
		"asset", l.Asset, "amount", core.Itoa(paid.Total()), "principal", core.Itoa(paid.Principal),
		"interest", core.Itoa(paid.Interest), "fee", core.Itoa(paid.Fee), "penalty", core.Itoa(paid.Penalty),
		"prepaid", core.Itoa(prepaid), "returned", core.Itoa(amount-paid.Total()))
	return paid.Total(), nil
}

// recoverWrittenOff books a payment on a written-off loan: it settles the remaining
// instalments in the standard order but is counted as a recovery, not as repaid principal
// (the principal already left the books).
func recoverWrittenOff(ctx *core.Context, l *statepb.Loan, payer string, amount int64) (int64, error) {
	paid := allocate(AllocationStandard, l.Installments, amount)
	if paid.Total() == 0 {
		return 0, ErrNothingOwed.Wrapf("loan %d is fully recovered", l.Id)
	}
	if err := payOut(ctx, l, payer, paid); err != nil {
		return 0, err
	}
	var err error
	if l.Recovered, err = money.Add(l.Recovered, paid.Total()); err != nil {
		return 0, err
	}
	saveLoan(ctx.KV, l)
	ctx.Emit("lending.recovered", "loan_id", idText(l.Id), "payer", payer, "borrower", l.Borrower,
		"lender", l.Lender, "asset", l.Asset, "amount", core.Itoa(paid.Total()), "returned", core.Itoa(amount-paid.Total()))
	return paid.Total(), nil
}

// maybeClose closes a loan that owes nothing: the collateral goes back to the borrower.
func maybeClose(ctx *core.Context, l *statepb.Loan) error {
	if !isOpen(l) {
		return nil
	}
	if left, err := totalOwed(l); err != nil || left != 0 {
		return err
	}
	if l.CollateralHoldId != 0 {
		if _, ok := bank.GetHold(ctx.KV, l.CollateralHoldId); ok {
			if err := bank.ReleaseHoldFor(ctx, l.CollateralHoldId); err != nil {
				return err
			}
		}
		l.CollateralHoldId = 0
	}
	clearEntries(ctx, l)
	l.Status, l.ClosedAt = statepb.LoanStatus_LOAN_STATUS_CLOSED, ctx.Now()
	ctx.Emit("lending.closed", "loan_id", idText(l.Id), "borrower", l.Borrower, "lender", l.Lender, "asset", l.Asset,
		"principal_repaid", core.Itoa(l.PrincipalRepaid), "interest_paid", core.Itoa(l.InterestPaid))
	return nil
}

func clearEntries(ctx *core.Context, l *statepb.Loan) {
	if l.DueEntryAt != 0 {
		removeEntry(ctx, l.DueEntryAt, dueKind, l.Id)
		l.DueEntryAt = 0
	}
	if l.ArrearsEntryAt != 0 {
		removeEntry(ctx, l.ArrearsEntryAt, arrearsKind, l.Id)
		l.ArrearsEntryAt = 0
	}
}
