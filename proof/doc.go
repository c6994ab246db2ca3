// Package proof checks a sparse Merkle proof (pokt-network/smt, SHA-256) that a key has a
// value, or is absent, under a state root. The store produces the proofs; this package is
// how a light client checks them without linking the store or its database.
//
// It owns the verification only; it must not import any package of the module.
package proof
