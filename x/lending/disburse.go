package lending

import (
	"time"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/lending/schedule"
	xsched "github.com/puhui-chain/puhui/x/scheduler"
)

// collateralYears keeps a collateral hold far beyond any loan's life: the loan releases or
// captures it; the hold's own expiry is only a backstop.
const collateralDays = 3650

// Disburse pays an approved loan out from the lender's balance (lender only; a pooled loan
// disburses by itself when fully funded).
func Disburse(ctx *core.Context, m *txpb.MsgDisburseLoan) error {
	l, err := lenderLoan(ctx, m.LoanId)
	if err != nil {
		return err
	}
	if err := wantStatus(l, statepb.LoanStatus_LOAN_STATUS_APPROVED); err != nil {
		return err
	}
	p, _ := GetProduct(ctx.KV, l.ProductId)
	if err := disburse(ctx, l, p); err != nil {
		return err
	}
	saveLoan(ctx.KV, l)
	return nil
}

// disburse pays the loan out from the lender's balance: the disbursement fee stays with the
// lender, the collateral and any group guarantee are held from the borrower's own balance
// (before the proceeds arrive, so the proceeds cannot be their own security), the schedule
// is fixed from today's business date and the first collection is booked.
func disburse(ctx *core.Context, l *statepb.Loan, p *statepb.Product) error {
	t := p.Terms
	if err := checkBorrower(ctx.KV, p, l.Borrower, l.Principal, ctx.Now()); err != nil {
		return err
	}
	if c := t.RequiredCover; c != "" && !insurer.HasCover(ctx.KV, l.Id, c) {
		return ErrCoverRequired.Wrapf("loan %d needs an active %s policy linked to it before it is paid out", l.Id, c)
	}
	clock := core.ClockOf(ctx.KV)
	start := core.DateOf(clock.Day(ctx.Now()))
	s, err := computeSchedule(ctx.KV, t, l.Principal, l.Periods, start)
	if err != nil {
		return err
	}
	feeBps, err := bpsOf(l.Principal, t.DisbursementFeeBps, t.Rounding)
	if err != nil {
		return err
	}
	fee, err := money.Add(t.DisbursementFeeFlat, feeBps)
	if err != nil {
		return err
	}
	if fee >= l.Principal {
		return ErrBadProduct.Wrapf("disbursement fee %d leaves nothing of principal %d", fee, l.Principal)
	}
	l.Installments = installmentsOf(clock, s.Installments, 1, t.InstallmentFeeFlat)
	collateral, err := bpsOf(l.Principal, t.CollateralBps, t.Rounding)
	if err != nil {
		return err
	}
	if err := holdCollateral(ctx, l, collateral, clock); err != nil {
		return err
	}
	guarantee, err := bpsOf(l.Principal, t.GroupGuaranteeBps, t.Rounding)
	if err != nil {
		return err
	}
	if err := holdGuarantee(ctx, l, guarantee, clock); err != nil {
		return err
	}
	if err := bank.Move(ctx, l.Lender, l.Borrower, l.Asset, l.Principal-fee); err != nil {
		return err
	}
	l.Status, l.DisbursedAt, l.StartDate, l.FeeCharged = statepb.LoanStatus_LOAN_STATUS_ACTIVE, ctx.Now(), start, fee
	if err := moveBook(ctx, l.Lender, l.Asset, l.Principal, 0); err != nil {
		return err
	}
	scheduleNextDue(ctx, l)
	ctx.Emit("lending.disbursed", "loan_id", idText(l.Id), "borrower", l.Borrower, "lender", l.Lender, "asset", l.Asset,
		"principal", core.Itoa(l.Principal), "fee", core.Itoa(fee), "collateral", core.Itoa(l.Collateral),
		"guarantee", core.Itoa(l.Guarantee), "first_due", l.Installments[0].DueDate,
		"installments", core.Itoa(int64(len(l.Installments))))
	return nil
}

func holdCollateral(ctx *core.Context, l *statepb.Loan, amount int64, clock core.Clock) error {
	if amount == 0 {
		return nil
	}
	id, err := bank.PlaceHold(ctx, l.Borrower, l.Lender, l.Asset, amount, securityExpiry(l, clock), "loan:"+idText(l.Id))
	if err != nil {
		return err
	}
	l.CollateralHoldId, l.Collateral = id, amount
	return nil
}

// securityExpiry is the backstop expiry of a loan's collateral and guarantee holds.
func securityExpiry(l *statepb.Loan, clock core.Clock) int64 {
	last := l.Installments[len(l.Installments)-1]
	return clock.BlockTimeOf(clock.StartOfDay(dayOf(last.DueDate) + collateralDays))
}

// installmentsOf turns engine rows into live instalments numbered from first; each falls due
// at the start of its business date.
func installmentsOf(clock core.Clock, rows []schedule.Installment, first uint32, fee int64) []*statepb.Installment {
	out := make([]*statepb.Installment, len(rows))
	for i, r := range rows {
		out[i] = &statepb.Installment{N: first + uint32(i), DueDate: r.DueDate,
			DueAt: clock.BlockTimeOf(clock.StartOfDay(r.DueAt.Unix() / 86400)), Principal: r.PrincipalMinor,
			Interest: r.InterestMinor, Fee: fee}
	}
	return out
}

// dayOf is the day number of a YYYY-MM-DD date written by the engine.
func dayOf(date string) int64 {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		panic("engine wrote a bad date " + date)
	}
	return t.Unix() / 86400
}

// scheduleNextDue books the collection of the first instalment not yet due.
func scheduleNextDue(ctx *core.Context, l *statepb.Loan) {
	if l.DueEntryAt != 0 {
		xsched.Remove(ctx.KV, l.DueEntryAt, dueKind, idText(l.Id))
		l.DueEntryAt = 0
	}
	if n := dueCount(l, ctx.Now()); n < len(l.Installments) {
		l.DueEntryAt = l.Installments[n].DueAt
		xsched.Add(ctx.KV, l.DueEntryAt, dueKind, idText(l.Id))
	}
}
