package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/cockroachdb/pebble"
	"github.com/pokt-network/smt"
	"github.com/stretchr/testify/require"
)

// countPrefix counts pebble keys under prefix (tree nodes, orphan records).
func countPrefix(t *testing.T, db *DB, prefix []byte) int {
	t.Helper()
	it, err := db.pdb.NewIter(nil)
	require.NoError(t, err)
	defer it.Close()
	n := 0
	for it.SeekGE(prefix); it.Valid() && bytes.HasPrefix(it.Key(), prefix); it.Next() {
		n++
	}
	require.NoError(t, it.Error())
	return n
}

// proveAt proves key against an older root using the nodes currently stored, which is
// what "superseded nodes are kept KeepRecent heights for proofs" promises.
func proveAt(db *DB, root, key []byte) ([]byte, error) {
	trie := smt.ImportSparseMerkleTrie(newNodeStore(db.pdb, newNodeCache(0)), sha256.New(), root)
	p, err := trie.Prove(key)
	if err != nil {
		return nil, err
	}
	return p.Marshal()
}

// requireTreeIntact checks that the committed tree can be fully read from storage: every
// key in want proves, and a tree reloaded from the stored root (Rollback re-imports it, as
// a restart would) can update every key.
func requireTreeIntact(t *testing.T, db *DB, h int64, want map[string][]byte, keys []string) int64 {
	t.Helper()
	for _, k := range keys {
		requireProves(t, db, k, want[k])
	}
	dropNodeCache(db)
	db.Rollback() // nothing pending: with the cache dropped, nodes now come from pebble
	c := NewCache(db.State())
	for _, k := range keys {
		c.Set([]byte(k), append([]byte("touched-"), k...))
		want[k] = append([]byte("touched-"), k...)
	}
	h++
	root, err := db.ApplyChanges(h, c)
	require.NoError(t, err, "touching every key at height %d", h)
	require.NoError(t, db.Commit(h, root, c))
	for _, k := range keys {
		requireProves(t, db, k, want[k])
	}
	return h
}

// A node whose content repeats (k goes v1 -> v2 -> v1) is orphaned at h2 and written again
// at h3; pruning the h2 orphans must not delete it.
func TestPruneKeepsNodeWrittenAgain(t *testing.T) {
	db := openMem(t, 2)
	want := map[string][]byte{}
	commit := func(h int64, cs changeSet) {
		applyCommit(t, db, h, cs)
		for k, v := range model(cs) {
			want[k] = v
		}
	}
	commit(1, set("k", "v1", "other", "o1"))
	commit(2, set("k", "v2"))
	commit(3, set("k", "v1")) // the h1 leaf comes back
	for h := int64(4); h <= 10; h++ {
		commit(h, set(fmt.Sprintf("unrelated/%d", h), "x"))
		requireProves(t, db, "k", []byte("v1"))
	}
	keys := refRange(want, nil, nil)
	h := requireTreeIntact(t, db, 10, want, keys)

	// A snapshot of a recent height keeps proving after another commit (which prunes).
	snap := db.Snapshot()
	defer snap.Close()
	applyCommit(t, db, h+1, set("k", "v3", "other", ""))
	p, err := snap.Prove([]byte("k"))
	require.NoError(t, err)
	require.NoError(t, VerifyProof(snap.Root, []byte("k"), want["k"], p))
	p, err = snap.Prove([]byte("other"))
	require.NoError(t, err)
	require.NoError(t, VerifyProof(snap.Root, []byte("other"), want["other"], p))
	requireProves(t, db, "k", []byte("v3"))
	requireProves(t, db, "other", nil)
}

// Same scenario on disk with a real restart instead of Rollback.
func TestPruneKeepsNodeWrittenAgainAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, Options{KeepRecent: 2})
	require.NoError(t, err)
	applyCommit(t, db, 1, set("k", "v1", "a", "1", "b", "2"))
	applyCommit(t, db, 2, set("k", "v2", "a", "10"))
	applyCommit(t, db, 3, set("k", "v1", "a", "1"))
	for h := int64(4); h <= 8; h++ {
		applyCommit(t, db, h, set("b", fmt.Sprint(h)))
	}
	require.NoError(t, db.Close())

	db, err = Open(dir, Options{KeepRecent: 2})
	require.NoError(t, err)
	defer db.Close()
	requireProves(t, db, "k", []byte("v1"))
	requireProves(t, db, "a", []byte("1"))
	root := applyCommit(t, db, 9, set("k", "v9", "a", "", "b", "9"))
	ref := openMem(t, 0)
	require.Equal(t, applyCommit(t, ref, 1, set("k", "v9", "b", "9")), root)
}

// Pruning really deletes superseded nodes, keeps exactly the last KeepRecent+1 roots
// provable, and drops orphan records once processed.
func TestPruneWindow(t *testing.T) {
	const keep = 3
	db := openMem(t, keep)
	var cs changeSet
	for i := range 20 {
		cs = append(cs, kvPair{fmt.Sprintf("cold/%02d", i), "c"})
	}
	applyCommit(t, db, 1, cs)
	roots := map[int64][]byte{}
	const last = 30
	for h := int64(2); h <= last; h++ {
		roots[h] = applyCommit(t, db, h, set("hot", fmt.Sprintf("v%d", h)))
	}

	for h := int64(last - keep); h <= last; h++ {
		p, err := proveAt(db, roots[h], []byte("hot"))
		require.NoError(t, err, "root of height %d is within the window", h)
		require.NoError(t, VerifyProof(roots[h], []byte("hot"), []byte(fmt.Sprintf("v%d", h)), p))
		p, err = proveAt(db, roots[h], []byte("cold/07"))
		require.NoError(t, err)
		require.NoError(t, VerifyProof(roots[h], []byte("cold/07"), []byte("c"), p))
	}
	for h := int64(2); h < last-keep; h++ {
		_, err := proveAt(db, roots[h], []byte("hot"))
		require.Error(t, err, "root of height %d should have been pruned", h)
	}

	// Node count is bounded: the live tree plus keep heights of superseded paths.
	live := countPrefix(t, db, prefixNode)
	applyCommit(t, db, last+1, set("hot", "again"))
	for h := int64(last + 2); h <= last+20; h++ {
		applyCommit(t, db, h, set("hot", fmt.Sprintf("v%d", h)))
	}
	require.LessOrEqual(t, countPrefix(t, db, prefixNode), live+2, "nodes grow without bound")
	orphanHeights := map[string]bool{}
	it, err := db.pdb.NewIter(nil)
	require.NoError(t, err)
	for it.SeekGE(prefixOrphan); it.Valid() && bytes.HasPrefix(it.Key(), prefixOrphan); it.Next() {
		orphanHeights[string(it.Key()[len(prefixOrphan):len(prefixOrphan)+8])] = true
	}
	require.NoError(t, it.Close())
	require.LessOrEqual(t, len(orphanHeights), keep, "orphan records of pruned heights remain")
}

// With the default KeepRecent nothing is pruned over a short run.
func TestNoPruneWithinDefaultWindow(t *testing.T) {
	db := openMem(t, 0)
	first := applyCommit(t, db, 1, set("hot", "v1", "x", "y"))
	for h := int64(2); h <= 20; h++ {
		applyCommit(t, db, h, set("hot", fmt.Sprintf("v%d", h)))
	}
	p, err := proveAt(db, first, []byte("hot"))
	require.NoError(t, err)
	require.NoError(t, VerifyProof(first, []byte("hot"), []byte("v1"), p))
}

// A node orphaned at height a and written again at exactly a+KeepRecent is deleted by the
// prune that runs in the same Commit: Commit flushes the re-written node into the batch,
// then prune reads the node's last-written height from the committed database (not the
// batch), sees the old height and adds a Delete after the Set. The tree then references a
// missing node: proofs fail and, after a restart, so does ApplyChanges.
func TestPruneNodeWrittenAgainAtWindowEdge(t *testing.T) {
	db := openMem(t, 2)
	applyCommit(t, db, 1, set("k", "v1", "a", "1", "b", "2"))
	applyCommit(t, db, 2, set("k", "v2")) // leaf(k=v1) orphaned at 2
	applyCommit(t, db, 3, set("z", "1"))  // unrelated
	applyCommit(t, db, 4, set("k", "v1")) // leaf(k=v1) written again at 4 = 2+KeepRecent
	applyCommit(t, db, 5, set("y", "1"))  // unrelated
	s := db.Snapshot()
	defer s.Close()
	_, err := s.Prove([]byte("k"))
	if err != nil {
		t.Fatalf("node re-written at orphan height + KeepRecent is pruned: prove k: %v", err)
	}
	require.NoError(t, err)
	want := map[string][]byte{"k": []byte("v1"), "a": []byte("1"), "b": []byte("2"), "z": []byte("1"), "y": []byte("1")}
	requireTreeIntact(t, db, 5, want, refRange(want, nil, nil))
}

// Exhaustive small check of the re-set rule: a key cycles through two values with varying
// gaps, with unrelated traffic, and the whole tree must stay readable from storage.
func TestPruneValueCycles(t *testing.T) {
	for keep := int64(1); keep <= 3; keep++ {
		for gap := int64(1); gap <= 4; gap++ {
			t.Run(fmt.Sprintf("keep=%d/gap=%d", keep, gap), func(t *testing.T) {
				db := openMem(t, keep)
				want := map[string][]byte{}
				h := int64(0)
				commit := func(cs changeSet) {
					h++
					applyCommit(t, db, h, cs)
					for k, v := range model(cs) {
						want[k] = v
					}
					for _, k := range refRange(want, nil, nil) {
						requireProves(t, db, k, want[k])
					}
				}
				commit(set("k", "v1", "a", "1"))
				val := "v1"
				for range 4 {
					if val == "v1" {
						val = "v2"
					} else {
						val = "v1"
					}
					commit(set("k", val))
					for range gap - 1 {
						commit(set(fmt.Sprintf("u%d", h+1), "x"))
					}
				}
				for range keep + 1 {
					commit(set("tail", fmt.Sprint(h+1)))
				}
				requireTreeIntact(t, db, h, want, refRange(want, nil, nil))
			})
		}
	}
}

// Nodes made by one ApplyChanges and superseded by a second ApplyChanges before the same
// Commit (the genesis-then-first-block path) are flushed with that height as their
// last-written height and orphaned at the same height, so prune (which deletes only nodes
// last written before the orphan height) never deletes them.
func TestPruneNodesSupersededBeforeCommit(t *testing.T) {
	build := func(twice bool) int {
		db := openMem(t, 2)
		c := NewCache(db.State())
		c.Set([]byte("k"), []byte("v1"))
		c.Set([]byte("a"), []byte("1"))
		if twice {
			_, err := db.ApplyChanges(1, c)
			require.NoError(t, err)
		}
		c.Set([]byte("k"), []byte("v2"))
		root, err := db.ApplyChanges(1, c)
		require.NoError(t, err)
		require.NoError(t, db.Commit(1, root, c))
		for h := int64(2); h <= 8; h++ {
			applyCommit(t, db, h, set(fmt.Sprintf("u%d", h), "x"))
		}
		requireProves(t, db, "k", []byte("v2"))
		return countPrefix(t, db, prefixNode)
	}
	once, twice := build(false), build(true)
	if once != twice {
		t.Fatalf("%d tree nodes superseded within one height are never pruned", twice-once)
	}
	require.Equal(t, once, twice)
}

// toOldOrphanLayout rewrites every orphan record into the layout homes were written with
// before one record per height: one key per node, orphanKey(height) and a 4-byte index, its
// value the node's digest.
func toOldOrphanLayout(t *testing.T, db *DB) {
	t.Helper()
	b := db.pdb.NewBatch()
	defer b.Close()
	require.NoError(t, db.eachOrphanRecord(func(height int64, digests []byte) {
		require.NoError(t, b.Delete(orphanKey(height), nil))
		for i := 0; len(digests) > 0; i, digests = i+1, digests[len(nodeHash{}):] {
			key := binary.BigEndian.AppendUint32(orphanKey(height), uint32(i))
			require.NoError(t, b.Set(key, digests[:len(nodeHash{})], nil))
		}
	}))
	require.NoError(t, b.Commit(pebble.Sync))
}

// A home written with one orphan record per node still opens, warms with only the committed
// tree, and prunes those records' nodes as their heights fall out of the window, alongside
// records of the current layout.
func TestOldOrphanLayoutWarmsAndPrunes(t *testing.T) {
	const keep = 5
	dir := t.TempDir()
	db, err := Open(dir, Options{KeepRecent: keep})
	require.NoError(t, err)
	state := churn(t, db, 8)
	toOldOrphanLayout(t, db)
	require.Greater(t, countPrefix(t, db, prefixOrphan), 8, "one record per node")
	require.NoError(t, db.Close())
	db, err = Open(dir, Options{KeepRecent: keep})
	require.NoError(t, err)
	defer db.Close()
	db.waitWarm()
	requireCacheIsTree(t, db, state)

	// Heights 9.. prune the old records' heights 4..; the tree stays whole, and once every
	// old height is past the window the stored nodes are the live tree and keep heights of
	// superseded ones, as with the current layout alone.
	want := map[string][]byte{}
	for k, v := range state {
		if v != "" {
			want[k] = []byte(v)
		}
	}
	h := int64(8)
	for ; h < 8+keep+3; h++ {
		k := fmt.Sprintf("key-%d", h%150)
		want[k] = []byte(fmt.Sprintf("n%d", h))
		applyCommit(t, db, h+1, set(k, fmt.Sprintf("n%d", h)))
	}
	h = requireTreeIntact(t, db, h, want, refRange(want, nil, nil))
	it, err := db.pdb.NewIter(&pebble.IterOptions{LowerBound: prefixOrphan, UpperBound: PrefixEnd(prefixOrphan)})
	require.NoError(t, err)
	for it.First(); it.Valid(); it.Next() {
		require.Len(t, it.Key(), len(prefixOrphan)+8, "an old record past the window is left at height %d", h)
	}
	require.NoError(t, it.Close())
}
