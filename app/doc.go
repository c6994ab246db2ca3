// Package app is the ABCI application: it decodes transactions, verifies signatures (once,
// cached by hash, batched in blocks), checks nonces and the authorisation table, routes
// messages to the domain modules and turns the state into an AppHash.
//
// FinalizeBlock executes and persists nothing; Commit persists in one batch; Info reports the
// last commit, so a crash at any point replays cleanly. Nothing here reads the wall clock or
// iterates a map into state, events or results.
package app
