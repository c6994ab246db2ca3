package store

import (
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/pokt-network/smt"
	"github.com/stretchr/testify/require"
)

// churn commits heights 1..n of overlapping writes and deletions, with values that come back
// (the same leaf orphaned and written again), and returns the final state.
func churn(t *testing.T, db *DB, n int64) map[string]string {
	final := map[string]string{}
	for h := int64(1); h <= n; h++ {
		cs := changeSet{}
		for i := 0; i < 60; i++ {
			k := fmt.Sprintf("key-%d", (int(h)*29+i*13)%150)
			v := fmt.Sprintf("v%d", (int(h)+i)%3) // few values: contents recur across heights
			if (int(h)+i)%11 == 0 {
				v = "" // a deletion
			}
			cs = append(cs, kvPair{k, v})
			final[k] = v
		}
		applyCommit(t, db, h, cs)
	}
	return final
}

// treeNodes is how many nodes the tree of this state has (written at once, nothing orphaned).
func treeNodes(t *testing.T, state map[string]string) int {
	fresh := openMem(t, 0)
	var all changeSet
	for k, v := range state {
		if v != "" {
			all = append(all, kvPair{k, v})
		}
	}
	applyCommit(t, fresh, 1, all)
	return cachedNodes(fresh)
}

// reopenWarm closes db and opens its directory again, returning it once the warm-up is over.
func reopenWarm(t *testing.T, db *DB, dir string) *DB {
	require.NoError(t, db.Close())
	db, err := Open(dir, Options{KeepRecent: 100})
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	db.waitWarm()
	return db
}

// requireCacheIsTree checks that the cache holds the committed tree and nothing else: every
// key's path is read from the cache alone, and it has exactly as many nodes as the tree.
func requireCacheIsTree(t *testing.T, db *DB, state map[string]string) {
	t.Helper()
	db.nodes.waitCache()
	require.Equal(t, treeNodes(t, state), cachedNodes(db), "the committed tree's nodes, no superseded ones")
	_, root := db.LastCommit()
	fromCache := smt.ImportSparseMerkleTrie(newNodeStore(emptyReader{db.pdb}, db.nodeCache), sha256.New(), root)
	for k, v := range state {
		got, err := fromCache.Get([]byte(k))
		require.NoError(t, err, "every node on the path of %q is cached", k)
		if v == "" {
			require.Empty(t, got, "%q was deleted", k)
		} else {
			require.Equal(t, sha256Sum([]byte(v)), got)
		}
	}
}

// A reopened store loads, in key order, the nodes of the committed tree and skips those
// superseded nodes pebble keeps for proofs, including nodes whose content was orphaned and
// written again.
func TestWarmLoadsOnlyTheCommittedTree(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, Options{KeepRecent: 100})
	require.NoError(t, err)
	state := churn(t, db, 12)
	db = reopenWarm(t, db, dir)
	require.Positive(t, db.Stats().WarmedNodes)
	require.False(t, db.Stats().Warming)
	requireCacheIsTree(t, db, state)
}

// With more orphans than the warm-up holds at once, it loads the keyspace in parts by hash
// range, with the same result.
func TestWarmInPartsWithManyOrphans(t *testing.T) {
	defer func(limit int) { maxWarmOrphans = limit }(maxWarmOrphans)
	maxWarmOrphans = 10
	dir := t.TempDir()
	db, err := Open(dir, Options{KeepRecent: 100})
	require.NoError(t, err)
	state := churn(t, db, 12)
	orphans, err := db.countOrphans()
	require.NoError(t, err)
	require.Greater(t, orphans, 10*maxWarmOrphans, "enough orphans for ten parts or more")
	db = reopenWarm(t, db, dir)
	requireCacheIsTree(t, db, state)
}

// A warm-up stopped half-way (the node stopped, or crashed, while warming) and one that finds
// nothing usable change no root: the next block's root is the one a store that never closed
// computes.
func TestRootAfterInterruptedWarm(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, Options{KeepRecent: 100})
	require.NoError(t, err)
	ref := openMem(t, 100)
	for h := int64(1); h <= 6; h++ {
		cs := changeSet{}
		for i := 0; i < 40; i++ {
			cs = append(cs, kvPair{fmt.Sprintf("key-%d", (int(h)*17+i*5)%90), fmt.Sprintf("v%d-%d", h, i)})
		}
		applyCommit(t, db, h, cs)
		applyCommit(t, ref, h, cs)
	}
	require.NoError(t, db.Close())
	db, err = Open(dir, Options{KeepRecent: 100})
	require.NoError(t, err)
	require.NoError(t, db.Close()) // stops the warm-up wherever it is
	db, err = Open(dir, Options{KeepRecent: 100})
	require.NoError(t, err)
	defer db.Close()
	dropNodeCache(db) // as if the warm-up had loaded nothing
	next := set("key-1", "new", "key-2", "", "key-300", "x")
	want := applyCommit(t, ref, 7, next)
	require.Equal(t, want, applyCommit(t, db, 7, next))
}

// The first ApplyChanges after opening waits for the warm-up, so that the first block reads
// the tree from memory rather than racing the warm-up to pebble.
func TestFirstBlockWaitsForWarm(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, Options{KeepRecent: 100})
	require.NoError(t, err)
	churn(t, db, 4)
	require.NoError(t, db.Close())
	db, err = Open(dir, Options{KeepRecent: 100})
	require.NoError(t, err)
	defer db.Close()
	reads := db.Stats().NodeDiskReads
	applyCommit(t, db, 5, set("key-1", "again", "key-2", "again"))
	require.False(t, db.Stats().Warming)
	require.Equal(t, reads, db.Stats().NodeDiskReads, "every node the block needed was in memory")
}
