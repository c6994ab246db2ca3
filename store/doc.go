// Package store keeps the application state: a key-value map over pebble whose whole content
// is committed to by a sparse Merkle tree (pokt-network/smt); the tree's root is the AppHash.
//
// Execution works on a Cache (a write overlay) and never touches disk; Commit writes the
// state changes, the new tree nodes and the metadata in one synced pebble batch, so a crash
// leaves either the previous committed state or the next one. Superseded tree nodes are kept
// for KeepRecent heights so that proofs against recent roots stay possible, then pruned.
//
// The store knows nothing of modules or transactions.
package store
