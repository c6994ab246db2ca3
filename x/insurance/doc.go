// Package insurance owns micro-insurance: products registered by insurers (parametric, paid
// from an oracle feed's index with no claim; indemnity, paid on claims the insurer or its
// assessor decides, escalated to governance when undecided), each insurer's capacity pool
// per asset (a ledger hold on its balance: pool = funded + premiums − payouts −
// withdrawals), policies bought by the insured or by a lender for its borrower, automatic
// settlement of parametric policies by the block-time scheduler at the end of the risk
// period, disputes of a settlement, and loan-linked cover whose payout settles the loan
// first.
//
// The payout rule (payout.go) is exact: the index ratio, the linear fraction between trigger
// and exit and the payout are rationals, rounded once, half-even, to the asset's minor
// unit; the offline quote (quote.go) and on-chain settlement call the same function.
//
// It reaches the ledger, the oracle and lending only through the interfaces in expected.go,
// which the application wires. It does no I/O and reads no clock but the block time.
package insurance
