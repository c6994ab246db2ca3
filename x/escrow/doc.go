// Package escrow owns conditional payments between accounts, all backed by ledger holds of
// the payer's funds:
//
//   - an escrow holds a payment for a payee until exactly one release condition holds — a
//     block time, an arbiter's signature, or a CEL condition over a small set of on-chain
//     facts (condition.go) — or until its refund time, when it returns to the payer;
//   - a two-leg swap: A's leg is held at proposal; B's acceptance moves both legs in one
//     transaction (or neither); cancelled by A or expired, A's hold is released;
//   - a hash time-locked transfer (HTLC): locked under a SHA-256 hashlock until an expiry;
//     the receiver claims it with the preimage before expiry (the preimage is recorded and
//     emitted, for a counterparty on another chain); after expiry the sender reclaims it.
//
// Times, refunds and expiries run on the block-time scheduler (bounded per block by it).
// Every hold exists exactly while its record is open (an invariant). The package moves value
// only through the Bank it declares, reads no clock but the block time and does no I/O.
package escrow
