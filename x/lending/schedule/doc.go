// Package schedule computes loan repayment schedules: the due dates and, per instalment, the
// principal, interest, total and remaining balance, plus the disclosed annualised rate (APR)
// implied by the cash flows. It implements "Loan schedule math" of DOMAIN.md (annuity and
// equal-principal on a declining balance, flat interest, principal grace, instalments in
// multiples, periodic or day-count interest), plus progressive instalments (below), and
// reproduces its golden schedules A–D.
//
// The package owns only this arithmetic. It is pure and deterministic so that every node
// derives the same schedule from the same request: it must not read the wall clock, do I/O,
// touch chain state, start goroutines, use floating point, or iterate a map into its output.
// Dates come from the request; rates and amounts are decimal strings computed with
// github.com/cockroachdb/apd/v3 and rounded explicitly with the request's rounding mode.
//
// Money is rounded per component per instalment to the request's scale and is then exact:
// the rows carry int64 minor units (json:"-") for on-chain use next to the formatted strings.
// Compute asserts its invariants (Σ principal = P, balances never negative, final balance 0,
// total = principal + interest) and returns ErrInternal rather than a broken schedule.
//
// Conventions where DOMAIN.md leaves a choice (each one is tested):
//   - Principal per period is clamped to [0, balance]: an instalment that does not cover
//     its interest becomes interest-only (no negative amortisation), and an upward-rounded
//     slice never takes more than is owed. The last instalment takes the remaining balance.
//   - Flat interest is charged on the original principal; with daily interest periods each
//     period's flat interest is P × annual × days_i / daysInYear. For flat loans the
//     amortization choice is moot: principal is always the equal slice round(P/(n−g)).
//   - installment_multiple applies only to the declining-balance annuity, the one place
//     DOMAIN.md defines it; elsewhere it is rejected rather than ignored, as is a multiple
//     that would round the instalment to 0.
//   - days_in_year "actual" is 366 if the period starts in a leap year, else 365.
//   - Due dates never pass 9999-12-31, so they always round-trip through YYYY-MM-DD.
//
// Progressive amortization ("amortization": "progressive", with "interest_period": "daily"
// and the day-count fields) is Apache Fineract's progressive loan: each period has its own
// rate r_i = annual × days_i ÷ daysInYear (the day counts of daily interest), the equal
// instalment is EMI = P ÷ Σ_k Π_{i≤k} 1/(1+r_i) over the amortising periods, computed as one
// exact fraction and rounded once with the request's mode (to a multiple when
// installment_multiple is set), interest_i = round(B_{i−1} × r_i), and the last instalment
// takes the remainder. Under 30/360 every r_i is the periodic rate and the schedule is the
// annuity's. It reproduces Fineract's ProgressiveEMICalculatorTest schedules to the cent.
// Where it follows Fineract and where it does not (each one is tested or stated):
//   - Under days_in_year "actual" a period that crosses a year end is split as Fineract
//     splits it: each year's days over that year's length, the part before 31 December
//     over the earlier year and the rest from 31 December over the later one.
//   - Days are the period's actual days, as the issue defines r_i. For monthly periods
//     Fineract counts the starting month's length × every instead; the two agree for every
//     = 1 and a due day ≤ 28, not for clamped month-end dates or multi-month periods.
//   - The instalment is rounded once from the exact value. Fineract computes at 12
//     significant digits and may then nudge the EMI by the last instalment's difference ÷ n
//     (checkAndAdjustEmiIfNeeded); this package does not.
//   - Flat interest or interest_period same_as_repayment with progressive is refused.
//
// ComputeRowsOn and FirstInstallmentOn take the due dates from the caller instead of the
// frequency: a live loan recomputed after a prepayment keeps its own dates, whose day counts
// the progressive instalment is solved over.
//
// Storing loans, collecting repayments, allocation and delinquency belong to other packages.
package schedule
