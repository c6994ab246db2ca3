// Package fullnode starts a whole Puhui node process: package node (CometBFT in-process, the
// application, the state store) with the edges a node serves plugged in — the REST API, with
// the node's own document store and its operator key as an SDK signer.
//
// It sits above node and the edges and below cmd/puhui; it exists so that node need not
// import the API or the SDK. It owns this wiring only: configuration and lifecycle stay in
// node, the handlers in api.
package fullnode
