// Package assets owns issued assets with rules and exact distributions to their holders.
//
// An issuer registers a ledger asset through MsgRegisterRuledAsset together with its rules:
// a minimum KYC level and optional jurisdictions of holders, limits (holders, balance per
// holder, supply), a lock-up per minted lot, a transfer mode (free, allow list, pre-approved),
// and whether the asset is revocable. Hook enforces the rules on every movement of the asset
// (ledger.Use), mint included, and keeps the holder index (asset → accounts holding it, and
// their count) in constant time per movement. Rules only tighten after registration.
//
// The issuer's agent actions — forced transfer, recovery of a lost key's balance to the same
// holder's new account, clawback of a revocable asset — are recorded with their reasons.
//
// A distribution pays an amount of a settlement asset to an asset's holders as of its
// creation, pro rata by largest remainder, across blocks within a per-block bound: a
// copy-on-write snapshot keeps holdings as of the record height while the holders are read.
//
// Rules (rules_view.go) is the narrow check other modules (offerings) take.
package assets
