// Package app is the ABCI application: it decodes transactions, verifies signatures (once,
// cached by hash, batched in blocks), checks nonces and the authorisation table, routes
// messages to the domain modules and turns the state into an AppHash.
//
// FinalizeBlock executes and persists nothing; Commit persists in one batch; Info reports the
// last commit, so a crash at any point replays cleanly. Nothing here reads the wall clock or
// iterates a map into state, events or results.
//
// The transaction index (txindex.go: by hash, by account) is written by Commit in that same
// batch, in the store's side index outside the tree, and answers the /tx and /account_txs
// queries: a committed transaction is always found, and the AppHash does not depend on it.
// Halt (halt.go) makes CheckTx refuse everything once the process running the application
// has hit an unrecoverable fault.
package app
