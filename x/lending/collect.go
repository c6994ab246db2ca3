package lending

import (
	"strconv"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	xsched "github.com/puhui-chain/puhui/x/scheduler"
)

// ScheduledHandlers are the lending module's scheduler handlers, by kind.
func ScheduledHandlers() map[string]xsched.Handler {
	return map[string]xsched.Handler{dueKind: runDue, arrearsKind: runArrears, fundingKind: runFundingExpiry}
}

func parseLoanID(text string) uint64 {
	id, err := strconv.ParseUint(text, 10, 64)
	if err != nil {
		panic("loan scheduler entry with id " + text)
	}
	return id
}

// activeLoan loads the loan a scheduler entry names; stale entries (a loan that closed or
// defaulted since) find nothing to do.
func activeLoan(ctx *core.Context, text string) (*statepb.Loan, *txpb.LoanProduct, bool) {
	l, ok := GetLoan(ctx.KV, parseLoanID(text))
	if !ok || l.Status != statepb.LoanStatus_LOAN_STATUS_ACTIVE {
		return nil, nil, false
	}
	p, _ := GetProduct(ctx.KV, l.ProductId)
	return l, p.Terms, true
}

// runDue collects what fell due from the borrower's balance (the loan's debit mandate),
// partially if the balance is short, and books the next collection.
func runDue(ctx *core.Context, text string) error {
	return visit(ctx, text, dueKind, func(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct) error {
		l.DueEntryAt = 0
		if err := settle(ctx, l, t); err != nil {
			return err
		}
		scheduleNextDue(ctx, l)
		return nil
	})
}

// runArrears runs at the start of each business day while the loan is overdue: penalties,
// another collection attempt, days past due, and default at the product's threshold.
func runArrears(ctx *core.Context, text string) error {
	return visit(ctx, text, arrearsKind, func(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct) error {
		l.ArrearsEntryAt = 0
		return settle(ctx, l, t)
	})
}

// maxFailureText bounds the failure recorded on a loan.
const maxFailureText = 256

// visit runs one scheduled visit of an active loan atomically. Due work never fails the
// block: an error (an amount out of range, which a validated product cannot reach) discards
// everything the visit did, is recorded on the loan (failure, failed_height) and in a
// lending.visit_failed event, and the same visit is booked again for the next business day.
func visit(ctx *core.Context, text, kind string, run func(*core.Context, *statepb.Loan, *txpb.LoanProduct) error) error {
	l, t, ok := activeLoan(ctx, text)
	if !ok {
		return nil
	}
	err := tentativeVisit(ctx, func(wctx *core.Context) error {
		if err := run(wctx, l, t); err != nil {
			return err
		}
		l.Failure, l.FailedHeight = "", 0
		saveLoan(wctx.KV, l)
		return nil
	})
	if err == nil {
		return nil
	}
	l, _, _ = activeLoan(ctx, text) // as it was before the visit
	e := tx.AsError(err)
	l.Failure, l.FailedHeight = e.Error(), ctx.Height
	if len(l.Failure) > maxFailureText {
		l.Failure = l.Failure[:maxFailureText]
	}
	clock := core.ClockOf(ctx.KV)
	retry := max(clock.BlockTimeOf(clock.StartOfDay(ctx.Today().Day+1)), ctx.Now()+1)
	if kind == dueKind {
		l.DueEntryAt = retry
	} else {
		l.ArrearsEntryAt = retry
	}
	xsched.Add(ctx.KV, retry, kind, text)
	saveLoan(ctx.KV, l)
	ctx.Emit("lending.visit_failed", "loan_id", text, "kind", kind, "reason", e.ID(), "detail", l.Failure,
		"retry_at", core.Itoa(retry))
	return nil
}

// errVisitPanicked is what a visit that panicked records. The panic's own text is not kept:
// it goes into state, and only a fixed text is sure to be the same on every node.
var errVisitPanicked = tx.ErrInternal.Wrapf("the visit panicked")

// tentativeVisit is core.Tentative that also turns a panic (a bug) into an error, so that
// one loan's visit can never halt the chain; its writes and events are discarded either way.
func tentativeVisit(ctx *core.Context, f func(*core.Context) error) (err error) {
	defer func() {
		if recover() != nil {
			err = errVisitPanicked
		}
	}()
	return core.Tentative(ctx, f)
}

// settle is the automatic part of every visit to an active loan: accrue penalties up to
// today, sweep what is due from the borrower, update days past due, let the group fund
// cover, book the next arrears visit while anything is overdue, close the loan when nothing
// is owed, and default it at the product's days past due (whichever visit finds it there:
// blocks may be days apart).
func settle(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct) error {
	today := ctx.Today().Day
	if err := accrue(l, t, today); err != nil {
		return err
	}
	if err := sweep(ctx, l, t); err != nil {
		return err
	}
	updateDPD(l, ctx.Now(), today)
	if err := coverFromGroup(ctx, l, t); err != nil {
		return err
	}
	if err := afterPayment(ctx, l, today); err != nil {
		return err
	}
	if l.Status == statepb.LoanStatus_LOAN_STATUS_ACTIVE && t.DefaultDpd > 0 && l.Dpd >= t.DefaultDpd {
		return defaultLoan(ctx, l, t)
	}
	return nil
}

// afterPayment brings the derived fields up to date after anything was paid or accrued:
// days past due, the next arrears visit, closing, and the group guarantee still needed.
func afterPayment(ctx *core.Context, l *statepb.Loan, today int64) error {
	updateDPD(l, ctx.Now(), today)
	if err := scheduleArrears(ctx, l, today); err != nil {
		return err
	}
	if err := maybeClose(ctx, l); err != nil {
		return err
	}
	return releaseGuarantee(ctx, l)
}

// maxPenaltyDays is how long an instalment accrues the daily penalty after its grace days:
// ten years, far beyond any loan a lender keeps on its books, and what makes the largest
// penalty a product can charge a number product validation can bound (checkTotals).
const maxPenaltyDays = 3650

// accrue charges penalties for the business days passed since the last accrual: each
// instalment past due by more than the grace days accrues penalty_bps_per_day of its unpaid
// principal and interest per day (for at most maxPenaltyDays days), and once the flat
// penalty.
func accrue(l *statepb.Loan, t *txpb.LoanProduct, today int64) error {
	for _, in := range l.Installments {
		unpaid, err := money.Add(in.Principal-in.PrincipalPaid, in.Interest-in.InterestPaid)
		if err != nil {
			return err
		}
		if unpaid <= 0 { // before parsing the due date: most instalments are paid or not due
			continue
		}
		graceEnd := dayOf(in.DueDate) + int64(t.PenaltyGraceDays)
		if today <= graceEnd {
			continue
		}
		from, to := max(l.ArrearsDay, graceEnd), min(today, graceEnd+maxPenaltyDays)
		if days := to - from; days > 0 && t.PenaltyBpsPerDay > 0 {
			charge, err := money.MulDiv(unpaid, int64(t.PenaltyBpsPerDay)*days, maxBps, t.Rounding)
			if err != nil {
				return err
			}
			if in.Penalty, err = money.Add(in.Penalty, charge); err != nil {
				return err
			}
		}
		if !in.FlatPenaltyCharged && t.PenaltyFlatPerInstallment > 0 {
			if in.Penalty, err = money.Add(in.Penalty, t.PenaltyFlatPerInstallment); err != nil {
				return err
			}
			in.FlatPenaltyCharged = true
		}
	}
	l.ArrearsDay = max(l.ArrearsDay, today)
	return nil
}

// sweep takes what is due from the borrower's available balance. A frozen borrower, or a
// ledger refusal, leaves the amount overdue rather than failing the block.
func sweep(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct) error {
	due, err := owedNow(l, ctx.Now())
	if err != nil || due == 0 || bank.IsFrozen(ctx.KV, l.Borrower) {
		return err
	}
	paid, err := autoPay(ctx, l, l.Borrower, t.Allocation, l.Installments[:dueCount(l, ctx.Now())], "lending.collection_failed",
		func(wctx *core.Context) (int64, error) {
			return min(due, bank.AvailableOf(wctx.KV, l.Borrower, l.Asset)), nil
		})
	if err != nil || paid.Total() == 0 {
		return err
	}
	ctx.Emit("lending.collected", "loan_id", idText(l.Id), "borrower", l.Borrower, "lender", l.Lender, "asset", l.Asset,
		"amount", core.Itoa(paid.Total()), "principal", core.Itoa(paid.Principal), "interest", core.Itoa(paid.Interest),
		"fee", core.Itoa(paid.Fee), "penalty", core.Itoa(paid.Penalty), "short", core.Itoa(due-paid.Total()))
	return nil
}

// book adds a payment to the loan's totals and the lender's book.
func book(ctx *core.Context, l *statepb.Loan, p Paid) error {
	for _, f := range []struct {
		total *int64
		v     int64
	}{{&l.PrincipalRepaid, p.Principal}, {&l.InterestPaid, p.Interest}, {&l.FeesPaid, p.Fee}, {&l.PenaltiesPaid, p.Penalty}} {
		v, err := money.Add(*f.total, f.v)
		if err != nil {
			return err
		}
		*f.total = v
	}
	if p.Principal > 0 {
		return moveBook(ctx, l.Lender, l.Asset, -p.Principal, 0)
	}
	return nil
}

// instalment state before a payment, to restore it if the money does not move and to tell
// which instalments the payment completed: the amounts alone, not copies of the proto
// messages (each collection takes one, and a message's copy is several times the size).
type owedSnapshot []owedParts

type owedParts struct {
	principal, interest, fee, penalty                 int64
	principalPaid, interestPaid, feePaid, penaltyPaid int64
}

// unpaid tells whether the instalment still asked for anything (as unpaid does).
func (o *owedParts) unpaid() bool {
	return o.principalPaid < o.principal || o.interestPaid < o.interest || o.feePaid < o.fee || o.penaltyPaid < o.penalty
}

func snapshotOwed(l *statepb.Loan) owedSnapshot {
	out := make(owedSnapshot, len(l.Installments))
	for i, in := range l.Installments {
		out[i] = owedParts{principal: in.Principal, interest: in.Interest, fee: in.Fee, penalty: in.Penalty,
			principalPaid: in.PrincipalPaid, interestPaid: in.InterestPaid, feePaid: in.FeePaid, penaltyPaid: in.PenaltyPaid}
	}
	return out
}

func restoreOwed(l *statepb.Loan, s owedSnapshot) {
	for i, in := range l.Installments {
		in.PrincipalPaid, in.InterestPaid, in.FeePaid, in.PenaltyPaid = s[i].principalPaid, s[i].interestPaid, s[i].feePaid, s[i].penaltyPaid
	}
}

// countCompletions adds instalments this payment completed to the borrower's history: on
// time when paid by the end of the due date.
func countCompletions(l *statepb.Loan, before owedSnapshot, today int64) {
	var onTime, late uint32
	for i, in := range l.Installments {
		if before[i].unpaid() && !unpaid(in) {
			if today <= dayOf(in.DueDate) {
				onTime++
			} else {
				late++
			}
		}
	}
	l.InstallmentsOnTime += onTime
	l.InstallmentsLate += late
}

// updateDPD sets days past due from the oldest unpaid instalment that fell due.
func updateDPD(l *statepb.Loan, now, today int64) {
	l.Dpd = 0
	if in := oldestUnpaidDue(l, now); in != nil {
		l.Dpd = uint32(max(0, today-dayOf(in.DueDate)))
	}
	l.MaxDpd = max(l.MaxDpd, l.Dpd)
	recordMonthlyDPD(l, core.MonthOfDay(today))
}

// scheduleArrears books the next business day's arrears visit while anything is overdue
// on an active loan, and cancels it otherwise.
func scheduleArrears(ctx *core.Context, l *statepb.Loan, today int64) error {
	due, err := owedNow(l, ctx.Now())
	if err != nil {
		return err
	}
	overdue := l.Status == statepb.LoanStatus_LOAN_STATUS_ACTIVE && due > 0
	want := int64(0)
	if overdue {
		clock := core.ClockOf(ctx.KV)
		want = max(clock.BlockTimeOf(clock.StartOfDay(today+1)), ctx.Now()+1)
	}
	if l.ArrearsEntryAt == want {
		return nil
	}
	if l.ArrearsEntryAt != 0 {
		xsched.Remove(ctx.KV, l.ArrearsEntryAt, arrearsKind, idText(l.Id))
	}
	l.ArrearsEntryAt = want
	if want != 0 {
		xsched.Add(ctx.KV, want, arrearsKind, idText(l.Id))
	}
	return nil
}
