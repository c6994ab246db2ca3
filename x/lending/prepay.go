package lending

import (
	"sort"

	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// prepay applies up to amount, paid beyond everything due, to the principal of the
// instalments not yet due, and returns how much it used. The rule (named, tested):
//
//   - the prepayment reduces the balance at the start of the period in progress, so the
//     instalments from that period on are recomputed by the engine on the reduced balance;
//     they keep the loan's original due dates;
//   - reduce_term keeps the instalment size and drops instalments from the end (the fewest
//     periods whose first instalment is no larger than before); reduce_installment keeps the
//     number of instalments and lowers them;
//   - paying the whole remaining principal settles the loan: instalments not yet due then
//     carry no interest.
//
// The prepaid principal is recorded as paid on the instalment in progress, so Σ instalment
// principal stays the loan's principal and Σ principal paid stays what was repaid.
func prepay(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct, amount int64) (int64, error) {
	n := dueCount(l, ctx.Now())
	future := l.Installments[n:]
	var balance int64
	for _, in := range future {
		balance += in.Principal - in.PrincipalPaid
	}
	if balance == 0 {
		return 0, nil
	}
	if amount >= balance {
		for _, in := range future {
			in.PrincipalPaid, in.Interest, in.Fee = in.Principal, 0, 0
		}
		return balance, nil
	}
	rows, err := reamortize(ctx, l, t, n, balance-amount)
	if err != nil {
		return 0, err
	}
	// Earlier prepayments in the same period are carried on the in-progress instalment too.
	carried := future[0].PrincipalPaid + amount
	rows[0].Principal += carried
	rows[0].PrincipalPaid = carried
	l.Installments = append(l.Installments[:n], rows...)
	return amount, nil
}

// reamortize recomputes the instalments from index n on for a reduced balance.
func reamortize(ctx *core.Context, l *statepb.Loan, t *txpb.LoanProduct, n int, balance int64) ([]*statepb.Installment, error) {
	future := l.Installments[n:]
	start := l.StartDate
	if n > 0 {
		start = l.Installments[n-1].DueDate
	}
	grace := max(0, int(t.PrincipalGracePeriods)-n)
	compute := func(k int) (*schedule.Schedule, error) {
		tt := proto.Clone(t).(*txpb.LoanProduct)
		tt.PrincipalGracePeriods = uint32(min(grace, k-1))
		return computeSchedule(ctx.KV, tt, balance, uint32(k), start)
	}
	k := len(future)
	if t.Prepayment != PrepaymentReduceInstallment {
		oldSize := future[0].Principal + future[0].Interest
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
