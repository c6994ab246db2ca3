package lending

import (
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// prepay applies up to amount, paid beyond everything due, ahead of the schedule, and
// returns how much it used. The rules (named, tested):
//
//   - A prepayment smaller than the principal of the instalments after the one in progress
//     takes effect at the next due date: the instalment in progress stays as scheduled, and
//     the instalments after it are recomputed by the engine on the balance reduced by the
//     prepayment (they keep the loan's original due dates). reduce_term keeps the instalment
//     size and drops instalments from the end (the fewest periods whose first instalment is
//     no larger than before); reduce_installment keeps their number and lowers them.
//   - A larger one pays every later instalment's principal (they then carry no interest or
//     fee) and the rest goes to the principal of the instalment in progress, whose interest
//     and fee shrink with it: it owes the interest accrued to date (its scheduled interest ×
//     days elapsed / days in the period, rounded by the product's mode) plus the rest of its
//     scheduled interest, and its unpaid fee, in proportion to the principal it still has.
//   - So a payment covering all principal owes only the interest accrued to date, and what
//     it has beyond the principal pays that interest: enough settles the loan, one cent less
//     leaves one cent owed. Total cost never jumps as the amount offered grows (no cliffs).
//
// The prepaid principal is recorded as paid on the first recomputed instalment, so Σ
// instalment principal stays the loan's principal and Σ principal paid stays what was repaid.
func prepay(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct, amount int64) (Paid, error) {
	j := dueCount(l, ctx.Now())
	if j == len(l.Installments) {
		return Paid{}, nil
	}
	current, after := l.Installments[j], l.Installments[j+1:]
	var sum money.Accumulator
	for _, in := range after {
		sum.Add(in.Principal - in.PrincipalPaid)
	}
	balanceAfter, err := sum.Total()
	if err != nil {
		return Paid{}, err
	}
	if amount < balanceAfter {
		rows, err := reamortize(ctx, l, t, j+1, balanceAfter-amount)
		if err != nil {
			return Paid{}, err
		}
		carried := after[0].PrincipalPaid + amount // earlier prepayments stay on the first row
		rows[0].Principal += carried
		rows[0].PrincipalPaid = carried
		l.Installments = append(l.Installments[:j+1], rows...)
		return Paid{Principal: amount}, nil
	}
	for _, in := range after {
		in.PrincipalPaid, in.Interest, in.Fee = in.Principal, in.InterestPaid, in.FeePaid
	}
	accrued, err := accruedInterest(ctx, l, t, j)
	if err != nil {
		return Paid{}, err
	}
	principal := current.Principal - current.PrincipalPaid
	early := min(amount-balanceAfter, principal)
	if principal > 0 { // else an earlier prepayment already shrank it
		if err := shrinkInProgress(current, t, min(accrued, current.Interest), principal, principal-early); err != nil {
			return Paid{}, err
		}
	}
	current.PrincipalPaid += early
	paid := Paid{Principal: balanceAfter + early}
	if early == principal { // all principal covered: the rest pays the interest accrued
		take := min(amount-paid.Principal, current.Interest-current.InterestPaid)
		current.InterestPaid += take
		paid.Interest = take
	}
	return paid, nil
}

// shrinkInProgress lowers the interest and unpaid fee of the instalment in progress when
// its unpaid principal goes from principal to left: it keeps the interest accrued to date and
// the rest of its interest, and its unpaid fee, in proportion left / principal (rounded by the
// product's mode); never below what was already paid.
func shrinkInProgress(in *statepb.Installment, t *txpb.LoanProduct, accrued, principal, left int64) error {
	interest, fee := accrued, in.FeePaid
	if left > 0 {
		rest, err := money.MulDiv(in.Interest-accrued, left, principal, t.Rounding)
		if err != nil {
			return err
		}
		unpaidFee, err := money.MulDiv(in.Fee-in.FeePaid, left, principal, t.Rounding)
		if err != nil {
			return err
		}
		interest, fee = accrued+rest, in.FeePaid+unpaidFee
	}
	in.Interest, in.Fee = max(interest, in.InterestPaid), fee
	return nil
}

// accruedInterest is the scheduled interest of instalment j earned by today: pro rata to the
// business days elapsed in its period.
func accruedInterest(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct, j int) (int64, error) {
	in := l.Installments[j]
	start := dayOf(l.StartDate)
	if j > 0 {
		start = dayOf(l.Installments[j-1].DueDate)
	}
	period := dayOf(in.DueDate) - start
	if period <= 0 {
		return in.Interest, nil
	}
	elapsed := min(max(ctx.Today().Day-start, 0), period)
	return money.MulDiv(in.Interest, elapsed, period, t.Rounding)
}

// shortestTerm is the least k in [1, n] for which fits holds, or n if none does; fits must
// hold from some k on. It gallops down from n (n−1, n−2, n−4, …) before it bisects: a
// prepayment usually shortens the term by a period or two, which then takes one or two
// trials, where bisecting [1, n] always takes log2(n).
func shortestTerm(n int, fits func(k int) (bool, error)) (int, error) {
	lo, hi := 0, n // fits(lo) is false (0: none shorter); hi is the answer so far
	for step := 1; hi-step >= 1; step *= 2 {
		ok, err := fits(hi - step)
		if err != nil {
			return 0, err
		}
		if !ok {
			lo = hi - step
			break
		}
		hi -= step
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		ok, err := fits(mid)
		if err != nil {
			return 0, err
		}
		if ok {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, nil
}

// reamortize recomputes the instalments from index n on for a reduced balance, starting
// from the due date before them.
func reamortize(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct, n int, balance int64) ([]*statepb.Installment, error) {
	future := l.Installments[n:]
	start := l.Installments[n-1].DueDate
	grace := max(0, int(t.PrincipalGracePeriods)-n)
	terms := func(k int) *txpb.LoanProduct {
		tt := proto.Clone(t).(*txpb.LoanProduct)
		tt.PrincipalGracePeriods = uint32(min(grace, k-1))
		return tt
	}
	due := ownDueDates(t, future)
	on := func(k int) []string {
		if due == nil {
			return nil
		}
		return due[:k]
	}
	compute := func(k int) (*schedule.Schedule, error) {
		return computeScheduleOn(ctx.KV, terms(k), balance, uint32(k), start, on(k))
	}
	k := len(future)
	if t.Prepayment != PrepaymentReduceInstallment {
		oldSize := future[0].Principal - future[0].PrincipalPaid + future[0].Interest
		var err error
		k, err = shortestTerm(len(future), func(k int) (bool, error) {
			first, err := firstInstallment(ctx.KV, terms(k), balance, uint32(k), start, on(k))
			return err == nil && first.TotalMinor <= oldSize, err
		})
		if err != nil {
			return nil, err
		}
	}
	s, err := compute(k)
	if err != nil {
		return nil, err
	}
	// installmentsOf's rows on the dates the loan already has (k ≤ len(future)).
	// An instalment that asks for nothing charges no fee: a balance of a few cents spread
	// over many periods must not cost a fee in each (one cent more prepaid would save them all).
	rows := make([]*statepb.Installment, len(s.Installments))
	for i, r := range s.Installments {
		rows[i] = &statepb.Installment{N: future[0].N + uint32(i), DueDate: future[i].DueDate, DueAt: future[i].DueAt,
			Principal: r.PrincipalMinor, Interest: r.InterestMinor}
		if r.PrincipalMinor > 0 || r.InterestMinor > 0 {
			rows[i].Fee = t.InstallmentFeeFlat
		}
	}
	return rows, nil
}

// ownDueDates are the due dates the recomputed instalments are solved over, or nil for the
// engine's, counted from the last due date kept. A progressive instalment is solved over
// every remaining period's own day count, so it must see the loan's dates: after a
// month-end start they differ from the counted ones (Jan 31 → Feb 29 → Mar 31, where
// counting from Feb 29 gives Mar 29). The other modes keep the counted dates they have
// always used, so no existing loan's schedule changes.
func ownDueDates(t *txpb.LoanProduct, future []*statepb.Installment) []string {
	if t.Amortization != schedule.AmortizationProgressive {
		return nil
	}
	due := make([]string, len(future))
	for i, in := range future {
		due[i] = in.DueDate
	}
	return due
}
