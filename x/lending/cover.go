package lending

import (
	"errors"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Cover is lending as loan-linked insurance sees it (insurance's Loans): a loan's parties,
// and a repayment on the borrower's behalf. It holds no state.
type Cover struct{}

// LoanParties are a loan's borrower, lender and asset, and whether cover may be linked to it:
// approved (not yet paid out), or still owed.
func (Cover) LoanParties(r store.Reader, id uint64) (borrower, lender, asset string, open, ok bool) {
	l, ok := GetLoan(r, id)
	if !ok {
		return "", "", "", false, false
	}
	open = isOpen(l) || l.Status == statepb.LoanStatus_LOAN_STATUS_WRITTEN_OFF ||
		l.Status == statepb.LoanStatus_LOAN_STATUS_APPROVED // cover is bought before a product that requires it pays out
	return l.Borrower, l.Lender, l.Asset, open, true
}

// RepayFor pays up to amount towards the loan from payer and returns what it took: nothing
// (and no error) when the loan owes nothing any more, so that the whole payout goes on to
// the borrower.
func (Cover) RepayFor(ctx *core.Context, payer string, id uint64, amount int64) (int64, error) {
	l, ok := GetLoan(ctx.KV, id)
	if !ok || !(isOpen(l) || l.Status == statepb.LoanStatus_LOAN_STATUS_WRITTEN_OFF) {
		return 0, nil
	}
	paid, err := RepayFor(ctx, payer, id, amount)
	if errors.Is(err, ErrNothingOwed) {
		return 0, nil
	}
	return paid, err
}
