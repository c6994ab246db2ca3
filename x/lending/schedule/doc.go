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
// Storing loans, collecting repayments, allocation and delinquency belong to other packages.
package schedule
