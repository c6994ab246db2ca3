package lending

import (
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// prepay applies up to amount, paid beyond everything due, ahead of the schedule, and
// returns how much it used. The rules (named, tested):
//
//   - Settlement: an amount covering all principal not yet repaid plus the interest accrued
//     in the period in progress (its scheduled interest × days elapsed / days in the period,
//     rounded by the product's mode) settles the loan; instalments not yet begun carry no
//     interest or fee.
//   - Otherwise the prepayment takes effect at the next due date: the instalment in progress
//     stays as scheduled, and the instalments after it are recomputed by the engine on the
//     balance reduced by the prepayment (they keep the loan's original due dates).
//     reduce_term keeps the instalment size and drops instalments from the end (the fewest
//     periods whose first instalment is no larger than before); reduce_installment keeps
//     their number and lowers them. A prepayment beyond the balance after the instalment in
//     progress pays that instalment's principal early.
//
// The prepaid principal is recorded as paid on the first recomputed instalment, so Σ
// instalment principal stays the loan's principal and Σ principal paid stays what was repaid.
func prepay(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct, amount int64) (Paid, error) {
	j := dueCount(l, ctx.Now())
	if j == len(l.Installments) {
		return Paid{}, nil
	}
	current, after := l.Installments[j], l.Installments[j+1:]
	var balanceAfter int64
	for _, in := range after {
		balanceAfter += in.Principal - in.PrincipalPaid
	}
	currentPrincipal := current.Principal - current.PrincipalPaid
	accrued := max(0, accruedInterest(ctx, l, t, j)-current.InterestPaid)
	if settle := balanceAfter + currentPrincipal + accrued; amount >= settle && settle > 0 {
		for _, in := range after {
			in.PrincipalPaid, in.Interest, in.InterestPaid, in.Fee, in.FeePaid = in.Principal, 0, 0, 0, 0
		}
		current.PrincipalPaid, current.Interest, current.Fee = current.Principal, current.InterestPaid+accrued, current.FeePaid
		current.InterestPaid = current.Interest
		return Paid{Principal: balanceAfter + currentPrincipal, Interest: accrued}, nil
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
	early := min(amount-balanceAfter, currentPrincipal)
	current.PrincipalPaid += early
	return Paid{Principal: balanceAfter + early}, nil
}

// accruedInterest is the scheduled interest of instalment j earned by today: pro rata to the
// business days elapsed in its period.
func accruedInterest(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct, j int) int64 {
	in := l.Installments[j]
	start := dayOf(l.StartDate)
	if j > 0 {
		start = dayOf(l.Installments[j-1].DueDate)
	}
	period := dayOf(in.DueDate) - start
	if period <= 0 {
		return in.Interest
	}
	elapsed := min(max(ctx.Today().Day-start, 0), period)
	return mulDiv(in.Interest, elapsed, period, t.Rounding)
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
	rows := make([]*statepb.Installment, len(s.Installments))
	for i, r := range s.Installments {
		rows[i] = &statepb.Installment{N: future[0].N + uint32(i), DueDate: future[i].DueDate, DueAt: future[i].DueAt,
			Principal: r.PrincipalMinor, Interest: r.InterestMinor, Fee: t.InstallmentFeeFlat}
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
