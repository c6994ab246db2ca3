// Package store keeps the application state: a key-value map over pebble whose whole content
// is committed to by a sparse Merkle tree (pokt-network/smt); the tree's root is the AppHash.
//
// Execution works on a Cache (a write overlay) and never touches disk; Commit writes the
// state changes, the new tree nodes and the metadata in one synced pebble batch, so a crash
// leaves either the previous committed state or the next one. Superseded tree nodes are kept
// for KeepRecent heights so that proofs against recent roots stay possible, then pruned; one
// orphan record per height lists them (nodes.go; homes written with one record per node are
// read as they are).
//
// A block's changes go into the tree in one pass (treeupdate.go): sorted by path, each new
// node written once, the root's two halves on two goroutines. The nodes and roots are smt's
// own (smt still reads the tree for proofs), as a test against smt checks.
//
// Tree nodes are kept in a memory cache shared by execution and snapshots (content-addressed,
// so never stale) and the tree is re-read from it after every commit rather than kept as
// resolved objects: the lower levels of every changed key's path are random, and reading
// them from pebble costs more than the rest of a block's work. A commit's nodes go into the
// cache on another goroutine, beside the next block's transactions; the next tree update
// waits for them. The cache's shards are open-addressing tables that delete without
// tombstones (nodetable.go), because every block removes as many nodes as it adds, and a
// commit writes its batch in key order (nodes by digest), because pebble sorts a batch too
// large for its memory table itself. The tables' memory is mapped outside the Go heap, so
// that a gibibyte of cached nodes does not let the collector wait for another gibibyte of
// garbage, each new page of it a page fault. Opening a store loads the committed tree into
// that cache in the background (warm.go: one pass over the node keyspace in key order, in
// hash-range parts on two goroutines, superseded nodes skipped by their orphan records) and
// the first block's tree update waits for it, so that a restarted node is as fast as a
// running one; a node waits for it (WaitWarm) before it starts consensus. Stats reports the
// cache's fill, the nodes read from pebble, the warm-up, what the last commit wrote and
// pebble's stalls, flushes and compactions; Settle waits for pebble's background work.
//
// Beside the state, a side index (index.go) holds records the application keeps outside the
// tree (its transaction index): Commit writes a block's records in the block's own batch, so
// they exist exactly when the block's state does, and they change no root or proof.
//
// The store knows nothing of modules or transactions.
package store
