// Package apptest drives the real ABCI application in-process, without CometBFT: a chain
// over an in-memory store, deterministic keys, and helpers that sign transactions and run
// them through FinalizeBlock and Commit. Tests, the simulation and the state-transition
// benchmark use it.
package apptest
