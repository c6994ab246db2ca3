package lending

import (
	"sort"

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
	elapsed := min(max(core.ClockOf(ctx.KV).Day(ctx.Now())-start, 0), period)
	return mulDiv(in.Interest, elapsed, period, t.Rounding)
}

// reamortize recomputes the instalments from index n on for a reduced balance, starting
// from the due date before them.
func reamortize(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct, n int, balance int64) ([]*statepb.Installment, error) {
	future := l.Installments[n:]
	start := l.Installments[n-1].DueDate
	grace := max(0, int(t.PrincipalGracePeriods)-n)
	compute := func(k int) (*schedule.Schedule, error) {
		tt := proto.Clone(t).(*txpb.LoanProduct)
		tt.PrincipalGracePeriods = uint32(min(grace, k-1))
		return computeSchedule(ctx.KV, tt, balance, uint32(k), start)
	}
	k := len(future)
	if t.Prepayment != PrepaymentReduceInstallment {
		oldSize := future[0].Principal - future[0].PrincipalPaid + future[0].Interest
		var searchErr error
		k = 1 + sort.Search(len(future), func(i int) bool {
			s, err := compute(i + 1)
			if err != nil {
				searchErr = err
				return true
			}
			return s.Installments[0].TotalMinor <= oldSize
		})
		if searchErr != nil {
			return nil, searchErr
		}
		k = min(k, len(future))
	}
	s, err := compute(k)
	if err != nil {
		return nil, err
	}
	rows := installmentsOf(core.ClockOf(ctx.KV), s.Installments, future[0].N, t.InstallmentFeeFlat)
	for i, r := range rows {
		r.DueDate, r.DueAt = future[i].DueDate, future[i].DueAt
	}
	return rows, nil
}
