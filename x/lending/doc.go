// Package lending owns loan products and the life of every loan under them: application,
// decision (by the lender, or automatically by the product's CEL rule), disbursement with
// fees and collateral, collection on the due date by the block-time scheduler, allocation of
// every payment by the product's named strategy, penalties, days past due and delinquency
// buckets, default with collateral capture, prepayment, closing, write-off and recoveries;
// pooled (P2P) loans funded by investors, and joint-liability group loans. It answers the
// exposure registry (a borrower's outstanding principal across all lenders) and each
// borrower's repayment history from the borrower's loans: the facts the approval rule reads,
// with the default scorecard's credit score of them (x/credit/scorecard).
//
// The rules, each named and tested:
//
//   - Dates. A loan's schedule starts on the business date of disbursement; an instalment
//     falls due at the start of its due date in the consortium's zone. Days past due (DPD)
//     count from the oldest instalment unpaid after its due date (0 on the due date itself).
//     An instalment is overdue (in arrears) once it is more than the product's arrears grace
//     days past its due date: the same rule for the bucket, PAR and the arrears rate, so
//     arrears on the due date are 0%.
//   - Collection. On the due date the loan takes what is due from the borrower's available
//     balance (its debit mandate), partially if short; while anything is overdue it tries
//     again at the start of every business day. A frozen borrower is not debited.
//   - Allocation (allocate.go): standard, interest-first or principal-first; on a defaulted
//     loan, captured collateral and recoveries go in the standard order.
//   - Penalties accrue at the start of each business day on each instalment past due by
//     more than the grace days: penalty_bps_per_day of its unpaid principal and interest,
//     plus the flat penalty once, for at most ten years (maxPenaltyDays). Accrual is brought
//     up to date before every payment.
//   - Bounds (product.go): a product is refused unless the largest loan it allows can never
//     ask for more than MaxLoanTotalMinor (10^18 minor units) in principal, interest,
//     penalties and fees together. Every sum of money goes through package money's checked
//     arithmetic; an overflow is the coded error amount.overflow, never a wrap or a panic.
//   - Default at default_dpd: the remaining principal falls due at once (the period in
//     progress keeps its interest, periods not begun carry none), collateral and the
//     member's own group guarantee are captured up to what is owed, and automatic collection
//     and accrual stop (non-accrual); repayments are still accepted.
//   - Prepayment and settlement (prepay.go): a prepayment takes effect at the next due date
//     (reduce_term or reduce_installment re-amortise the later instalments); one that reaches
//     the instalment in progress shrinks its interest and fee with its principal, so covering
//     all principal owes only the interest accrued to date and settling in full pays the
//     principal left plus that interest. No cent cliffs. What is not owed is not taken.
//   - Pooled loans: commitments are holds until the loan is fully funded (it then disburses
//     at once) or the funding window closes (they return). Every payment's fees go to the
//     lender and the rest to the investors pro rata, floors first and the remaining cents to
//     the largest remainders, ties to the earliest commitment: Σ payouts = amount collected.
//   - Groups: each member's loan holds a guarantee into the group fund; when a member is
//     overdue beyond the arrears grace days the fund pays: the member's own guarantee first,
//     then the others' pro rata. A guarantee shrinks with the principal repaid (it keeps at
//     most guarantee × outstanding / principal, rounded up) and is released when the loan ends.
//   - Write-off takes the outstanding principal off the books (an active loan is defaulted
//     first); later payments are recoveries.
//
// Schedules come from x/lending/schedule, the same engine behind the offline preview, so a
// loan's instalments are exactly the preview's. Money moves only through the ledger (Move,
// holds); this package never touches balances itself.
//
// Due processing touches only loans that fell due: each active loan has at most one
// collection entry (its next due instalment) and, while overdue, one arrears entry (the next
// business day) in the scheduler. Nothing here scans all loans during block execution.
//
// Like every module it must not read the wall clock, do I/O, start goroutines, use floats or
// let map order reach state, events or errors. Business dates come from the chain's clock
// (core.ClockOf). Scheduled work never fails on a business condition (a short balance is a
// partial collection, not an error), and never fails the block: a visit that meets an error
// (an amount out of range) changes nothing, is recorded on the loan (failure,
// failed_height) with a lending.visit_failed event, and is tried again the next business
// day.
package lending
