package lending

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	xsched "github.com/puhui-chain/puhui/x/scheduler"
)

func removeEntry(ctx *core.Context, at int64, kind string, id uint64) {
	xsched.Remove(ctx.KV, at, kind, idText(id))
}

// defaultLoan is what happens at the product's days past due: the loan is accelerated (the
// remaining principal falls due now; the period in progress keeps its interest, periods not
// begun carry none), the collateral is captured to the lender and applied to what is owed
// (any part of it not needed goes back to the borrower), and automatic collection and
// accrual stop (a defaulted loan is on non-accrual; repayments are still accepted).
func defaultLoan(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct) error {
	today := ctx.Today().Day
	accelerate(l, ctx.Now(), today)
	clearEntries(ctx, l)
	l.Status = statepb.LoanStatus_LOAN_STATUS_DEFAULTED
	captured, err := captureCollateral(ctx, l)
	if err != nil {
		return err
	}
	l.Defaulted = true
	left, err := totalOwed(l)
	if err != nil {
		return err
	}
	ctx.Emit("lending.defaulted", "loan_id", idText(l.Id), "borrower", l.Borrower, "lender", l.Lender,
		"dpd", core.Itoa(int64(l.Dpd)), "collateral_captured", core.Itoa(captured), "owed", core.Itoa(left))
	if err := maybeClose(ctx, l); err != nil {
		return err
	}
	return releaseGuarantee(ctx, l)
}

func accelerate(l *statepb.Loan, now, today int64) {
	n := dueCount(l, now)
	for i, in := range l.Installments[n:] {
		if i > 0 {
			in.Interest, in.Fee = in.InterestPaid, in.FeePaid
		}
		in.DueAt, in.DueDate = now, core.DateOf(today)
	}
}

// captureCollateral takes as much of the collateral, then of the member's own group
// guarantee, as is owed and books it as a payment in the standard order; what is not needed
// goes back to the borrower.
func captureCollateral(ctx *core.Context, l *statepb.Loan) (int64, error) {
	captured, err := paySecured(ctx, l, AllocationStandard, l.Installments, "lending.collateral_capture_failed",
		func(wctx *core.Context) (int64, error) { return takeCollateral(wctx, l) })
	if err != nil {
		return 0, err
	}
	if _, open := bank.GetHold(ctx.KV, l.CollateralHoldId); !open {
		l.CollateralHoldId = 0 // captured (any rest released), released, or none
	}
	if l.CollateralCaptured, err = money.Add(l.CollateralCaptured, captured); err != nil {
		return 0, err
	}
	guaranteed, err := paySecured(ctx, l, AllocationStandard, l.Installments, "lending.collateral_capture_failed",
		func(wctx *core.Context) (int64, error) {
			left, err := totalOwed(l)
			if err != nil {
				return 0, err
			}
			return takeOwnGuarantee(wctx, l, left)
		})
	if err != nil {
		return 0, err
	}
	return money.Add(captured, guaranteed)
}

// takeCollateral captures min(collateral, owed) to the lender and releases the rest.
func takeCollateral(ctx *core.Context, l *statepb.Loan) (int64, error) {
	if l.CollateralHoldId == 0 {
		return 0, nil
	}
	h, ok := bank.GetHold(ctx.KV, l.CollateralHoldId)
	if !ok {
		return 0, nil
	}
	left, err := totalOwed(l)
	if err != nil {
		return 0, err
	}
	take := min(h.Amount, left)
	if take == 0 {
		return 0, bank.ReleaseHoldFor(ctx, h.Id)
	}
	return take, bank.CaptureHoldFor(ctx, h.Id, take)
}

// WriteOff takes a loan's outstanding principal off the lender's books (lender only). An
// active loan is defaulted first, so its collateral is applied before anything is written
// off. Later payments are recoveries.
func WriteOff(ctx *core.Context, m *txpb.MsgWriteOffLoan) error {
	l, err := lenderLoan(ctx, m.LoanId)
	if err != nil {
		return err
	}
	if err := wantStatus(l, statepb.LoanStatus_LOAN_STATUS_ACTIVE, statepb.LoanStatus_LOAN_STATUS_DEFAULTED); err != nil {
		return err
	}
	if len(m.Reason) > tx.MaxStringField {
		return tx.ErrInvalidField.Wrapf("reason over %d bytes", tx.MaxStringField)
	}
	if l.Status == statepb.LoanStatus_LOAN_STATUS_ACTIVE {
		p, _ := GetProduct(ctx.KV, l.ProductId)
		if err := defaultLoan(ctx, l, p.Terms); err != nil {
			return err
		}
		if l.Status == statepb.LoanStatus_LOAN_STATUS_CLOSED {
			saveLoan(ctx.KV, l)
			return nil // the collateral covered everything: nothing left to write off
		}
	}
	out, err := outstanding(l)
	if err != nil {
		return err
	}
	l.WrittenOff = out
	l.Status = statepb.LoanStatus_LOAN_STATUS_WRITTEN_OFF
	if out > 0 {
		if err := moveBook(ctx, l.Lender, l.Asset, -out, out); err != nil {
			return err
		}
	}
	if err := releaseGuarantee(ctx, l); err != nil {
		return err
	}
	saveLoan(ctx.KV, l)
	ctx.Emit("lending.written_off", "loan_id", idText(l.Id), "borrower", l.Borrower, "lender", l.Lender,
		"asset", l.Asset, "principal", core.Itoa(out), "reason", m.Reason)
	return nil
}
