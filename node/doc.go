// Package node lays out a node's home (keys, genesis, configuration) and runs a node:
// CometBFT in-process over the local ABCI application and the state database, with a clean
// shutdown that stops every service before the stores close. It serves on its API address
// the handler that the layer above plugs in (Overrides.API; package fullnode plugs in the
// REST API), handing it the operator key, and stops it first.
//
// Before anything runs, Start validates every configuration value, checks the free disk
// space and binds the listen addresses, and fills any gap in the transaction index from the
// block store (reindex.go; Reindex rebuilds it whole). A running node measures its free disk
// space (disk.go) and halts on a consensus failure (failstop.go): it refuses transactions,
// reports unhealthy, and Failed tells the process to stop and exit non-zero. Before
// consensus starts it waits for the state store to load its tree into memory. Its in-process
// CheckTx (mempool.go), which the API's batch submission uses, keeps a networked node's
// mempool room for the transactions its peers relay.
//
// It owns configuration and process lifecycle only; it executes nothing itself, and imports
// neither the API nor the SDK.
package node
