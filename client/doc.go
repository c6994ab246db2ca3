// Package client is the Go SDK: it reads state, signs and submits transactions, waits for
// them to commit and verifies state proofs against signed headers. It speaks to a node
// through CometBFT's RPC interface, in-process (the node's REST API uses it that way) or over
// HTTP (the CLI's --node, the benchmark, the tests).
//
// It links no module and not the state store: views come from package query, proof keys from
// statekeys and proof checks from package proof.
package client
