// Package core holds what every domain module shares:
//
//   - the execution context handed to a message or scheduled handler (state, block height
//     and time, signer, event sink), Tentative for all-or-nothing steps, and the business
//     day of a block time;
//   - the consortium clock (time zone, origin and sandbox time scale, set at genesis) with
//     its own embedded zone database, so every node reads business dates alike;
//   - state encoding: key joining (statekeys' encoding, so the SDK can name keys in proofs),
//     8-byte integers and deterministic protobuf values.
//
// Nothing here reads the wall clock, does I/O or starts goroutines; block time comes from
// consensus through the context. It imports no module. Amounts and their arithmetic live in
// package money.
package core
