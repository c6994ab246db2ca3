// Package node lays out a node's home (keys, genesis, configuration) and runs a node:
// CometBFT in-process over the local ABCI application and the state database, with a clean
// shutdown that stops every service before the stores close. It serves on its API address
// the handler that the layer above plugs in (Overrides.API; package fullnode plugs in the
// REST API), handing it the operator key, and stops it first.
//
// It owns configuration and process lifecycle only; it executes nothing itself, and imports
// neither the API nor the SDK.
package node
