// Package core holds what every domain module shares: the execution context handed to a
// message handler (state, block height and time, signer, event sink) and small encoding
// helpers for state values.
//
// Nothing here reads the wall clock, does I/O or starts goroutines; block time comes from
// consensus through the context. Amounts and their arithmetic live in package money.
package core
