package store

import (
	"crypto/sha256"
	"fmt"
	"io"
	"testing"

	"github.com/cockroachdb/pebble"
	"github.com/pokt-network/smt"
	"github.com/stretchr/testify/require"
)

// get returns a copy of a cached node.
func (c *nodeCache) get(hash []byte) ([]byte, bool) { return c.appendTo(nil, hash) }

// cacheNode is node i: a hash and a value the size of an inner node.
func cacheNode(i int) (hash, value []byte) {
	v := []byte(fmt.Sprintf("%065d", i))
	h := sha256.Sum256(v)
	return h[:], v
}

func TestNodeCacheGetPutRemove(t *testing.T) {
	c := newNodeCache(0)
	h, v := cacheNode(1)
	c.put(h, v)
	got, ok := c.get(h)
	require.True(t, ok)
	require.Equal(t, v, got)
	got[0] = 'x'
	got, _ = c.get(h)
	require.Equal(t, v, got, "get returns a copy")
	c.remove(h)
	_, ok = c.get(h)
	require.False(t, ok)
}

// Beyond the budget some entries go; the cache stays within it and what it keeps is right.
func TestNodeCacheOverBudget(t *testing.T) {
	c := newNodeCache(2048 * nodeEntryBytes)
	const n = 10_000
	for i := 0; i < n; i++ {
		c.put(cacheNode(i))
	}
	require.LessOrEqual(t, c.len(), 2048)
	cached := 0
	for i := 0; i < n; i++ {
		h, v := cacheNode(i)
		if got, ok := c.get(h); ok {
			require.Equal(t, v, got)
			cached++
		}
	}
	require.Greater(t, cached, 1024)
	h, _ := cacheNode(n - 1)
	_, ok := c.get(h)
	require.True(t, ok, "the node just put is cached")
}

func TestNodeCacheIgnoresOddSizes(t *testing.T) {
	c := newNodeCache(0)
	c.put([]byte("short"), []byte("v"))
	_, ok := c.get([]byte("short"))
	require.False(t, ok)
	h, _ := cacheNode(1)
	c.put(h, make([]byte, maxCachedValue+1))
	_, ok = c.get(h)
	require.False(t, ok)
}

// After every commit the cache holds exactly the committed tree's nodes: the tree can be
// walked from the cache alone, and what a commit orphaned is gone from it.
func TestNodeCacheFollowsCommits(t *testing.T) {
	db := openMem(t, 2)
	applyCommit(t, db, 1, set("a", "1", "b", "1", "c", "1"))
	applyCommit(t, db, 2, set("a", "2"))
	applyCommit(t, db, 3, set("a", "1", "d", "1")) // the leaf a=1 comes back
	want := map[string][]byte{"a": []byte("1"), "b": []byte("1"), "c": []byte("1"), "d": []byte("1")}
	_, root := db.LastCommit()
	db.nodes.waitCache() // the commit's nodes go into the cache on another goroutine
	fromCache := smt.ImportSparseMerkleTrie(newNodeStore(emptyReader{db.pdb}, db.nodeCache), sha256.New(), root)
	for k, v := range want {
		got, err := fromCache.Get([]byte(k))
		require.NoError(t, err, "every node on the path of %q is cached", k)
		require.Equal(t, sha256Sum(v), got)
	}
	fresh := openMem(t, 2)
	applyCommit(t, fresh, 1, set("a", "1", "b", "1", "c", "1", "d", "1"))
	require.Equal(t, cachedNodes(fresh), cachedNodes(db),
		"as many nodes as the same tree written at once: nothing orphaned stays")
}

// emptyReader is a pebble reader that finds nothing: tree nodes must come from the cache.
type emptyReader struct{ pebble.Reader }

func (emptyReader) Get([]byte) ([]byte, io.Closer, error) { return nil, nil, pebble.ErrNotFound }

func sha256Sum(v []byte) []byte {
	h := sha256.Sum256(v)
	return h[:]
}

// A reopened store has the committed tree in its cache, and only that.
func TestOpenWarmsNodeCache(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, Options{})
	require.NoError(t, err)
	want := map[string][]byte{}
	for h := int64(1); h <= 5; h++ {
		cs := changeSet{}
		for i := 0; i < 50; i++ {
			k, v := fmt.Sprintf("key-%d", (int(h)*37+i*11)%120), fmt.Sprintf("v%d-%d", h, i)
			cs = append(cs, kvPair{k, v})
			want[k] = []byte(v)
		}
		applyCommit(t, db, h, cs)
	}
	live := cachedNodes(db)
	_, root := db.LastCommit()
	require.NoError(t, db.Close())

	db, err = Open(dir, Options{})
	require.NoError(t, err)
	defer db.Close()
	<-db.warming.done
	require.Equal(t, live, cachedNodes(db), "the committed tree's nodes, no superseded ones")
	fromCache := smt.ImportSparseMerkleTrie(newNodeStore(emptyReader{db.pdb}, db.nodeCache), sha256.New(), root)
	for k, v := range want {
		got, err := fromCache.Get([]byte(k))
		require.NoError(t, err, "every node on the path of %q is cached", k)
		require.Equal(t, sha256Sum(v), got)
	}
}

// Superseded nodes that a proof from an older snapshot loaded leave the cache when pruned.
func TestPruningEmptiesNodeCache(t *testing.T) {
	db := openMem(t, 2)
	final := map[string][]byte{}
	commitRound := func(h int64) {
		cs := changeSet{}
		for i := 0; i < 40; i++ {
			k, v := fmt.Sprintf("key-%d", (int(h)*13+i*7)%90), fmt.Sprintf("v%d-%d", h, i)
			cs = append(cs, kvPair{k, v})
			final[k] = []byte(v)
		}
		applyCommit(t, db, h, cs)
	}
	for h := int64(1); h <= 4; h++ {
		commitRound(h)
	}
	old := db.Snapshot()
	defer old.Close()
	commitRound(5)
	live := cachedNodes(db)
	for i := range 90 { // proofs at height 4 read nodes that height 5 superseded
		_, err := old.Prove([]byte(fmt.Sprintf("key-%d", i)))
		require.NoError(t, err)
	}
	require.Greater(t, cachedNodes(db), live, "superseded nodes back in the cache")
	for h := int64(6); h <= 8; h++ {
		commitRound(h)
	}
	fresh := openMem(t, 0)
	var all changeSet
	for k, v := range final {
		all = append(all, kvPair{k, string(v)})
	}
	applyCommit(t, fresh, 1, all)
	// Nodes superseded since height 5 left the cache as they were superseded; those the
	// proofs loaded left it when height 7 pruned them: the cache is the tree.
	require.Equal(t, cachedNodes(fresh), cachedNodes(db))
}
