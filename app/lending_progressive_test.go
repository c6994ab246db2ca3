package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/lending"
	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// productP is productA with progressive instalments: actual days over a 365-day year.
func productP(prepayment string) *txpb.LoanProduct {
	p := productA()
	p.Name, p.Amortization, p.InterestPeriod = "Micro 12 progressive", schedule.AmortizationProgressive, schedule.InterestPeriodDaily
	p.DaysInYear, p.DaysInMonth, p.Prepayment = schedule.DaysInYear365, schedule.DaysInMonthActual, prepayment
	return p
}

// interest365 is round-half-even(balance × 12% × days/365), computed here apart from the engine.
func interest365(balance, days int64) int64 {
	num, den := balance*12*days, int64(100*365)
	q, r := num/den, num%den
	if 2*r > den || (2*r == den && q%2 == 1) {
		q++
	}
	return q
}

// A progressive product is registered like any other and refused with the product's code
// in a combination the engine refuses.
func TestProgressiveProductValidation(t *testing.T) {
	w := lendingWorld(t)
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterProduct(productP(""))))
	for _, edit := range []func(*txpb.LoanProduct){
		func(p *txpb.LoanProduct) { p.InterestMethod = schedule.MethodFlat },
		func(p *txpb.LoanProduct) { p.InterestPeriod = schedule.InterestPeriodSameAsRepayment },
		func(p *txpb.LoanProduct) { p.InterestPeriod = "" },
	} {
		p := productP("")
		edit(p)
		res := w.c.Exec(w.bank.Sign(apptest.RegisterProduct(p)))
		require.Equal(t, lending.ErrBadProduct.Codespace, res.Codespace, res.Log)
		require.Equal(t, lending.ErrBadProduct.Code, res.Code, res.Log)
	}
	require.Len(t, lending.ListProducts(w.c.State()), 1)
}

// A loan on a progressive product gets the preview's schedule; a prepayment re-solves the
// instalment over the loan's own remaining dates, in both prepayment modes. The loan starts
// on 31 January, so its dates (Feb 28, Mar 31, Apr 30, …) are not those counted from the
// 28 February due date (Mar 28, Apr 28, …), and each recomputed period's interest must
// count its own days.
func TestProgressiveLoanScheduleAndPrepayment(t *testing.T) {
	for _, mode := range []string{lending.PrepaymentReduceInstallment, lending.PrepaymentReduceTerm} {
		t.Run(mode, func(t *testing.T) {
			w := lendingWorld(t)
			w.at(t, "2026-01-31", "10:00")
			p := productP(mode)
			id := w.openLoan(t, p, w.alice, 1_000_000, 12)
			l := w.loan(t, id)
			require.Equal(t, "2026-01-31", l.StartDate)

			preview, err := schedule.Compute(schedule.Request{Principal: "10000.00", AnnualRatePercent: "12", Periods: 12,
				Amortization: schedule.AmortizationProgressive, InterestPeriod: schedule.InterestPeriodDaily,
				DaysInYear: "365", DaysInMonth: "actual", StartDate: "2026-01-31"})
			require.NoError(t, err)
			require.Len(t, l.Installments, 12)
			for i, r := range preview.Installments {
				in := l.Installments[i]
				require.Equal(t, []any{r.DueDate, r.PrincipalMinor, r.InterestMinor}, []any{in.DueDate, in.Principal, in.Interest}, "row %d", i+1)
			}
			require.Equal(t, interest365(1_000_000, 28), l.Installments[0].Interest, "28 days of February")
			emi := l.Installments[0].Principal + l.Installments[0].Interest
			require.Equal(t, []string{"2026-02-28", "2026-03-31", "2026-04-30"},
				[]string{l.Installments[0].DueDate, l.Installments[1].DueDate, l.Installments[2].DueDate})

			// Prepay 5,000.00 while instalment 1 is in progress: it stays, the rest is re-solved.
			w.at(t, "2026-02-10", "10:00")
			w.c.MustExec(t, w.alice.Sign(apptest.RepayLoan(id, 500_000)))
			l = w.loan(t, id)
			w.checkInvariants(t)
			balance := 1_000_000 - l.Installments[0].Principal - 500_000
			rows := l.Installments[1:]
			require.Equal(t, int64(500_000), rows[0].PrincipalPaid)
			var sumP int64
			for i, in := range l.Installments {
				sumP += in.Principal
				require.Equal(t, preview.Installments[i].DueDate, in.DueDate, "due dates are kept")
			}
			require.Equal(t, int64(1_000_000), sumP, "Σ instalment principal stays the loan's principal")
			require.Equal(t, interest365(balance, 31), rows[0].Interest, "Feb 28 → Mar 31 is 31 days")

			// The recomputed instalments are the engine's progressive schedule of the reduced
			// balance on the loan's own dates.
			due := make([]string, len(rows))
			for i, in := range rows {
				due[i] = in.DueDate
			}
			again, err := schedule.ComputeRowsOn(schedule.Request{Principal: money.FormatMinor(balance, 2), AnnualRatePercent: "12",
				Periods: len(rows), Amortization: schedule.AmortizationProgressive, InterestPeriod: schedule.InterestPeriodDaily,
				DaysInYear: "365", DaysInMonth: "actual", StartDate: "2026-02-28"}, due)
			require.NoError(t, err)
			for i, r := range again.Installments {
				got := rows[i].Principal - rows[i].PrincipalPaid
				if i > 0 {
					got = rows[i].Principal
				}
				require.Equal(t, []int64{r.PrincipalMinor, r.InterestMinor}, []int64{got, rows[i].Interest}, "row %d", i+2)
			}
			next := rows[0].Principal - rows[0].PrincipalPaid + rows[0].Interest
			if mode == lending.PrepaymentReduceInstallment {
				require.Len(t, l.Installments, 12)
				require.Less(t, next, emi)
			} else {
				require.Less(t, len(l.Installments), 12)
				require.LessOrEqual(t, next, emi, "the instalment does not grow")
			}

			// Paying everything settles the loan.
			w.c.MustExec(t, w.alice.Sign(apptest.RepayLoan(id, 1_000_000)))
			require.Equal(t, statepb.LoanStatus_LOAN_STATUS_CLOSED, w.loan(t, id).Status)
			w.checkInvariants(t)
		})
	}
}
