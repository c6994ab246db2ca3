// Package node lays out a node's home (keys, genesis, configuration) and runs a node:
// CometBFT in-process over the local ABCI application, the state database, and the REST API,
// with a clean shutdown that stops every service before the stores close.
//
// It owns configuration and process lifecycle only; it executes nothing itself.
package node
