// Package schedule computes loan repayment schedules: the due dates and, per instalment, the
// principal, interest, total and remaining balance, plus the disclosed annualised rate (APR)
// implied by the cash flows. It implements "Loan schedule math" of DOMAIN.md (annuity and
// equal-principal on a declining balance, flat interest, principal grace, instalments in
// multiples, periodic or day-count interest) and reproduces its golden schedules A–D.
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
// Storing loans, collecting repayments, allocation and delinquency belong to other packages.
package schedule
