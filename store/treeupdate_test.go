package store

import (
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/cockroachdb/pebble"
	"github.com/cockroachdb/pebble/vfs"
	"github.com/pokt-network/smt"
	"github.com/stretchr/testify/require"
)

// memNodes is a node store over an empty in-memory pebble: every node stays pending.
func memNodes(t testing.TB) *nodeStore {
	t.Helper()
	pdb, err := pebble.Open("mem", &pebble.Options{FS: vfs.NewMem()})
	require.NoError(t, err)
	t.Cleanup(func() { pdb.Close() })
	return newNodeStore(pdb, newNodeCache(64<<20))
}

// smtApply applies a batch through smt, key by key in the batch's (random) order.
func smtApply(t testing.TB, nodes *nodeStore, root []byte, batch []testChange) []byte {
	t.Helper()
	var trie *smt.SMT
	if root == nil {
		trie = smt.NewSparseMerkleTrie(nodes, sha256.New())
	} else {
		trie = smt.ImportSparseMerkleTrie(nodes, sha256.New(), root)
	}
	for _, c := range batch {
		if c.value == nil {
			if err := trie.Delete(c.key); err != nil {
				require.ErrorIs(t, err, smt.ErrKeyNotFound)
			}
		} else {
			require.NoError(t, trie.Update(c.key, c.value))
		}
	}
	require.NoError(t, trie.Commit())
	return trie.Root()
}

func batchApply(t testing.TB, nodes *nodeStore, root []byte, batch []testChange) []byte {
	t.Helper()
	changes := make([]change, 0, len(batch))
	seen := map[string]bool{}
	for i := len(batch) - 1; i >= 0; i-- { // the last write of a key wins, as in a Cache
		if c := batch[i]; !seen[string(c.key)] {
			seen[string(c.key)] = true
			changes = append(changes, newChange(c.key, c.value, c.value == nil))
		}
	}
	sortChanges(changes)
	var r digest
	if root != nil {
		r = digest(root)
	}
	got, err := updateTree(nodes, r, changes)
	require.NoError(t, err)
	return got[:]
}

type testChange struct{ key, value []byte }

// randomBatch writes, rewrites (sometimes to the same value) and deletes keys drawn from a
// universe of n, so that batches hit leaves, split extensions and empty whole subtrees.
func randomBatch(r *rand.Rand, n, size int) []testChange {
	batch := make([]testChange, size)
	for i := range batch {
		key := []byte(fmt.Sprintf("key-%d", r.IntN(n)))
		switch r.IntN(4) {
		case 0:
			batch[i] = testChange{key: key}
		default:
			batch[i] = testChange{key: key, value: []byte(fmt.Sprintf("v%d", r.IntN(3)))}
		}
	}
	return batch
}

// TestTreeUpdateMatchesSMT: the batched update yields smt's root on every batch — small and
// large (parallel) ones, on a tree that grows, churns and empties — and smt reads, updates
// and proves the trees it writes.
func TestTreeUpdateMatchesSMT(t *testing.T) {
	for _, universe := range []int{3, 40, 5000} {
		t.Run(fmt.Sprint(universe), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(universe), 11))
			bySMT, byBatch, mixed := memNodes(t), memNodes(t), memNodes(t)
			var rootSMT, rootBatch, rootMixed []byte
			model := map[string][]byte{}
			for round := range 60 {
				size := 1 + r.IntN(universe/2+2)
				if round%10 == 9 {
					size = 4 * parallelChanges
				}
				batch := randomBatch(r, universe, size)
				rootSMT = smtApply(t, bySMT, rootSMT, batch)
				rootBatch = batchApply(t, byBatch, rootBatch, batch)
				if round%3 == 0 { // smt and the batch update take turns on one tree
					rootMixed = smtApply(t, mixed, rootMixed, batch)
				} else {
					rootMixed = batchApply(t, mixed, rootMixed, batch)
				}
				require.Equal(t, rootSMT, rootBatch, "round %d", round)
				require.Equal(t, rootSMT, rootMixed, "round %d", round)
				for _, c := range batch {
					if c.value == nil {
						delete(model, string(c.key))
					} else {
						model[string(c.key)] = c.value
					}
				}
			}
			trie := smt.ImportSparseMerkleTrie(byBatch, sha256.New(), rootBatch)
			for i := range min(universe, 200) {
				key := []byte(fmt.Sprintf("key-%d", i))
				value := model[string(key)]
				proof, err := trie.Prove(key)
				require.NoError(t, err)
				ok, err := smt.VerifyProof(proof, rootBatch, key, value, trie.Spec())
				require.NoError(t, err)
				require.True(t, ok, "proof of %s", key)
			}

			// Deleting every key empties the tree.
			var all []testChange
			for i := range universe {
				all = append(all, testChange{key: []byte(fmt.Sprintf("key-%d", i))})
			}
			require.Equal(t, emptyDigest[:], batchApply(t, byBatch, rootBatch, all))
		})
	}
}

// TestTreeUpdateReportsMissingNodes: a node that cannot be read fails the update with an
// error (not a panic), and nothing is written.
func TestTreeUpdateReportsMissingNodes(t *testing.T) {
	nodes := memNodes(t)
	root := batchApply(t, nodes, nil, randomBatch(rand.New(rand.NewPCG(1, 1)), 5000, 3000))
	clear(nodes.pending)
	pendingBefore := len(nodes.pending)
	_, err := updateTree(nodes, digest(root), []change{newChange([]byte("k"), []byte("v"), false)})
	require.ErrorContains(t, err, "tree node not found")
	require.Len(t, nodes.pending, pendingBefore)
}

// BenchmarkTreeUpdate: ApplyChanges of 20,000 changed keys (a due block's worth at a
// million loans) on a store of PUHUI_BENCH_KEYS keys (default 500,000), committed outside
// the timer. The node cache holds the whole tree, as on a running node.
func BenchmarkTreeUpdate(b *testing.B) {
	keys := 500_000
	if v, err := strconv.Atoi(os.Getenv("PUHUI_BENCH_KEYS")); err == nil && v > 0 {
		keys = v
	}
	db, err := Open("mem", Options{InMemory: true})
	require.NoError(b, err)
	defer db.Close()
	r := rand.New(rand.NewPCG(3, 3))
	var height int64
	for done := 0; done < keys; done += 100_000 {
		c := NewCache(db.State())
		for i := done; i < min(done+100_000, keys); i++ {
			c.Set([]byte(fmt.Sprintf("key-%d", i)), []byte("seed"))
		}
		height++
		root, err := db.ApplyChanges(height, c)
		require.NoError(b, err)
		require.NoError(b, db.Commit(height, root, c))
	}
	require.NoError(b, db.Compact()) // a running node is not compacting a bulk load
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		c := NewCache(db.State())
		for _, ch := range randomBatch(r, keys, 20_000) {
			c.Set(ch.key, append(ch.value, 'x')) // never empty: a delete of an absent key does nothing
		}
		height++
		b.StartTimer()
		root, err := db.ApplyChanges(height, c)
		require.NoError(b, err)
		b.StopTimer()
		require.NoError(b, db.Commit(height, root, c))
		b.StartTimer()
	}
}
