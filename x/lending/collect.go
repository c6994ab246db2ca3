package lending

import (
	"strconv"

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
	l, t, ok := activeLoan(ctx, text)
	if !ok {
		return nil
	}
	l.DueEntryAt = 0
	settle(ctx, l, t)
	scheduleNextDue(ctx, l)
	saveLoan(ctx.KV, l)
	return nil
}

// runArrears runs at the start of each business day while the loan is overdue: penalties,
// another collection attempt, days past due, and default at the product's threshold.
func runArrears(ctx *core.Context, text string) error {
	l, t, ok := activeLoan(ctx, text)
	if !ok {
		return nil
	}
	l.ArrearsEntryAt = 0
	settle(ctx, l, t)
	saveLoan(ctx.KV, l)
	return nil
}

// settle is the automatic part of every visit to an active loan: accrue penalties up to
// today, sweep what is due from the borrower, update days past due, let the group fund
// cover, book the next arrears visit while anything is overdue, close the loan when nothing
// is owed, and default it at the product's days past due (whichever visit finds it there:
// blocks may be days apart).
func settle(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct) {
	today := ctx.Today().Day
	accrue(l, t, today)
	sweep(ctx, l, t)
	updateDPD(l, ctx.Now(), today)
	coverFromGroup(ctx, l, t)
	afterPayment(ctx, l, today)
	if l.Status == statepb.LoanStatus_LOAN_STATUS_ACTIVE && t.DefaultDpd > 0 && l.Dpd >= t.DefaultDpd {
		defaultLoan(ctx, l, t)
	}
}

// afterPayment brings the derived fields up to date after anything was paid or accrued:
// days past due, the next arrears visit, closing, and the group guarantee still needed.
func afterPayment(ctx *core.Context, l *statepb.Loan, today int64) {
	updateDPD(l, ctx.Now(), today)
	scheduleArrears(ctx, l, today)
	maybeClose(ctx, l)
	releaseGuarantee(ctx, l)
}

// accrue charges penalties for the business days passed since the last accrual: each
// instalment past due by more than the grace days accrues penalty_bps_per_day of its unpaid
// principal and interest per day, and once the flat penalty.
func accrue(l *statepb.Loan, t *txpb.LoanProduct, today int64) {
	for _, in := range l.Installments {
		unpaid := in.Principal - in.PrincipalPaid + in.Interest - in.InterestPaid
		if unpaid <= 0 { // before parsing the due date: most instalments are paid or not due
			continue
		}
		graceEnd := dayOf(in.DueDate) + int64(t.PenaltyGraceDays)
		if today <= graceEnd {
			continue
		}
		from := max(l.ArrearsDay, graceEnd)
		if days := today - from; days > 0 && t.PenaltyBpsPerDay > 0 {
			in.Penalty += mulDiv(unpaid, int64(t.PenaltyBpsPerDay)*days, maxBps, t.Rounding)
		}
		if !in.FlatPenaltyCharged && t.PenaltyFlatPerInstallment > 0 {
			in.Penalty += t.PenaltyFlatPerInstallment
			in.FlatPenaltyCharged = true
		}
	}
	l.ArrearsDay = max(l.ArrearsDay, today)
}

// sweep takes what is due from the borrower's available balance. A frozen borrower, or a
// ledger refusal, leaves the amount overdue rather than failing the block.
func sweep(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct) {
	due := OwedNow(l, ctx.Now())
	if due == 0 || bank.IsFrozen(ctx.KV, l.Borrower) {
		return
	}
	paid := autoPay(ctx, l, l.Borrower, t.Allocation, l.Installments[:dueCount(l, ctx.Now())], "lending.collection_failed",
		func(wctx *core.Context) (int64, error) {
			return min(due, bank.AvailableOf(wctx.KV, l.Borrower, l.Asset)), nil
		})
	if paid.Total() == 0 {
		return
	}
	ctx.Emit("lending.collected", "loan_id", idText(l.Id), "borrower", l.Borrower, "lender", l.Lender, "asset", l.Asset,
		"amount", core.Itoa(paid.Total()), "principal", core.Itoa(paid.Principal), "interest", core.Itoa(paid.Interest),
		"fee", core.Itoa(paid.Fee), "penalty", core.Itoa(paid.Penalty), "short", core.Itoa(due-paid.Total()))
}

// book adds a payment to the loan's totals and the lender's book.
func book(ctx *core.Context, l *statepb.Loan, p Paid) {
	l.PrincipalRepaid += p.Principal
	l.InterestPaid += p.Interest
	l.FeesPaid += p.Fee
	l.PenaltiesPaid += p.Penalty
	if p.Principal > 0 {
		moveBook(ctx, l.Lender, l.Asset, -p.Principal, 0)
	}
}

// instalment state before a payment, to restore it if the money does not move and to tell
// which instalments the payment completed.
type owedSnapshot []statepb.Installment

func snapshotOwed(l *statepb.Loan) owedSnapshot {
	out := make(owedSnapshot, len(l.Installments))
	for i, in := range l.Installments {
		out[i] = statepb.Installment{PrincipalPaid: in.PrincipalPaid, InterestPaid: in.InterestPaid,
			FeePaid: in.FeePaid, PenaltyPaid: in.PenaltyPaid, Principal: in.Principal, Interest: in.Interest,
			Fee: in.Fee, Penalty: in.Penalty}
	}
	return out
}

func restoreOwed(l *statepb.Loan, s owedSnapshot) {
	for i, in := range l.Installments {
		in.PrincipalPaid, in.InterestPaid, in.FeePaid, in.PenaltyPaid = s[i].PrincipalPaid, s[i].InterestPaid, s[i].FeePaid, s[i].PenaltyPaid
	}
}

// countCompletions adds instalments this payment completed to the borrower's history: on
// time when paid by the end of the due date.
func countCompletions(l *statepb.Loan, before owedSnapshot, today int64) {
	var onTime, late uint32
	for i, in := range l.Installments {
		if owed(&before[i]) > 0 && owed(in) == 0 {
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
func scheduleArrears(ctx *core.Context, l *statepb.Loan, today int64) {
	overdue := l.Status == statepb.LoanStatus_LOAN_STATUS_ACTIVE && OwedNow(l, ctx.Now()) > 0
	want := int64(0)
	if overdue {
		clock := core.ClockOf(ctx.KV)
		want = max(clock.BlockTimeOf(clock.StartOfDay(today+1)), ctx.Now()+1)
	}
	if l.ArrearsEntryAt == want {
		return
	}
	if l.ArrearsEntryAt != 0 {
		xsched.Remove(ctx.KV, l.ArrearsEntryAt, arrearsKind, idText(l.Id))
	}
	l.ArrearsEntryAt = want
	if want != 0 {
		xsched.Add(ctx.KV, want, arrearsKind, idText(l.Id))
	}
}
