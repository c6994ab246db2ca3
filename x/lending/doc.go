// Package lending owns loan products and the life of every loan under them: application,
// decision (by the lender, or automatically by the product's CEL rule), disbursement with
// fees and collateral, collection on the due date by the block-time scheduler, allocation of
// every payment by the product's named strategy, penalties, days past due and delinquency
// buckets, default with collateral capture, prepayment, closing, write-off and recoveries. It
// also keeps the exposure registry (a borrower's outstanding principal across all lenders)
// and each borrower's repayment history, the facts the approval rule reads.
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
// partial collection, not an error); an error from it is a broken invariant.
package lending
