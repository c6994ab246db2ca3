// Package ledger owns assets, balances and holds.
//
// Amounts are int64 minor units of an asset whose scale (decimal places) is fixed at
// registration. A hold moves part of an owner's balance aside for a beneficiary, who captures
// or releases it; an unsettled hold returns to its owner at its expiry, by block time. Lending,
// escrow and collateral are built on holds.
//
// Invariant, per asset: Σ balances + Σ holds = minted − burned. No balance is ever negative.
// A frozen account cannot be debited (it can still receive).
package ledger
