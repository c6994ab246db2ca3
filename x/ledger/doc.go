// Package ledger owns assets, balances, holds and the freeze flag.
//
// Amounts are int64 minor units of an asset whose scale (decimal places) is fixed at
// registration; an issuer mints and burns within the asset's maximum supply (0: none).
// Transfers (one or many recipients) and other modules' payments go through Move. A hold
// moves part of an owner's balance aside for a beneficiary, who captures or releases it; an
// unsettled hold returns to its owner at its expiry, by block time (a scheduled handler).
// Lending, escrow and collateral are built on holds.
//
// Each balance carries the account's cash-flow record in that asset (inflows and the
// balance integral over the last business months), which credit scoring reads. The keys of
// balances, held totals and the freeze flag are byte for byte those of package statekeys,
// which builds them and which the SDK uses to check proofs.
//
// Invariant, per asset: Σ balances + Σ holds = minted − burned. No balance is ever negative.
// A frozen account cannot be debited (it can still receive).
package ledger
