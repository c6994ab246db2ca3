// Package tx owns the transaction envelope: addresses, the signing domain, decoding with
// limits, message type names and the registry of coded errors that are part of consensus.
//
// It must not depend on any module or on the store: everything here is pure and is used by
// the application, the SDK and the CLI alike.
package tx
