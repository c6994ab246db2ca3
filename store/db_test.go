package store

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// randomBlocks returns n deterministic blocks of changes over a small key space, with
// overwrites, deletions of present and absent keys, and values that return to old ones.
func randomBlocks(seed uint64, n int) []changeSet {
	r := rand.New(rand.NewPCG(seed, 42))
	blocks := make([]changeSet, n)
	for i := range blocks {
		for range 1 + r.IntN(12) {
			k := fmt.Sprintf("key/%02d", r.IntN(30))
			v := ""
			if r.IntN(4) != 0 {
				v = fmt.Sprintf("v%d", r.IntN(5))
			}
			blocks[i] = append(blocks[i], kvPair{k, v})
		}
	}
	return blocks
}

// model applies blocks to a reference map.
func model(blocks ...changeSet) map[string][]byte {
	m := map[string][]byte{}
	for _, b := range blocks {
		for _, p := range b {
			if p.v == "" {
				delete(m, p.k)
			} else {
				m[p.k] = []byte(p.v)
			}
		}
	}
	return m
}

func allKeys(m map[string][]byte) []string {
	keys := refRange(m, nil, nil)
	for i := range 30 {
		keys = append(keys, fmt.Sprintf("key/%02d", i))
	}
	return append(keys, "", "absent")
}

func TestOpenFreshDB(t *testing.T) {
	a := openMem(t, 0)
	b, err := Open(t.TempDir(), Options{})
	require.NoError(t, err)
	defer b.Close()
	ha, ra := a.LastCommit()
	hb, rb := b.LastCommit()
	require.Zero(t, ha)
	require.Zero(t, hb)
	require.NotEmpty(t, ra)
	require.Equal(t, ra, rb, "empty root is a constant")
	require.Empty(t, collect(a.State(), nil, nil))
	require.Equal(t, int64(DefaultKeepRecent), a.keepRecent)

	// An empty block leaves the root unchanged.
	root, err := a.ApplyChanges(1, NewCache(a.State()))
	require.NoError(t, err)
	require.Equal(t, ra, root)

	// LastCommit returns a copy.
	_, r := a.LastCommit()
	r[0] ^= 0xff
	_, r2 := a.LastCommit()
	require.Equal(t, ra, r2)
}

func TestDBRestartDeterminism(t *testing.T) {
	for seed := range uint64(3) {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			blocks := randomBlocks(seed, 10)
			dir := t.TempDir()
			disk, err := Open(dir, Options{KeepRecent: 3})
			require.NoError(t, err)
			mem := openMem(t, 3) // never closed until the end

			var roots [][]byte
			for h := int64(1); h <= 6; h++ {
				rd := applyCommit(t, disk, h, blocks[h-1])
				rm := applyCommit(t, mem, h, blocks[h-1])
				require.Equal(t, rm, rd, "height %d", h)
				roots = append(roots, rd)
				if h == 3 { // restart in the middle too
					require.NoError(t, disk.Close())
					disk, err = Open(dir, Options{KeepRecent: 3})
					require.NoError(t, err)
				}
			}
			want := model(blocks[:6]...)
			requireMatches(t, disk.State(), want, allKeys(want))
			h0, r0 := disk.LastCommit()

			require.NoError(t, disk.Close())
			disk, err = Open(dir, Options{KeepRecent: 3})
			require.NoError(t, err)
			defer func() { require.NoError(t, disk.Close()) }()

			h1, r1 := disk.LastCommit()
			require.Equal(t, int64(6), h1)
			require.Equal(t, h0, h1)
			require.Equal(t, r0, r1)
			require.Equal(t, roots[5], r1)
			requireMatches(t, disk.State(), want, allKeys(want))
			require.Equal(t, collect(mem.State(), nil, nil), collect(disk.State(), nil, nil))

			// The reopened tree continues exactly like the one that never closed.
			for h := int64(7); h <= 10; h++ {
				rd := applyCommit(t, disk, h, blocks[h-1])
				rm := applyCommit(t, mem, h, blocks[h-1])
				require.Equal(t, rm, rd, "height %d after restart", h)
			}
			want = model(blocks...)
			requireMatches(t, disk.State(), want, allKeys(want))
			for _, k := range allKeys(want) {
				requireProves(t, disk, k, want[k])
			}
		})
	}
}

// The root is a function of the state alone: the order of Sets, the way changes are split
// into blocks or ApplyChanges calls, and the history behind the state do not matter.
func TestRootIsHistoryIndependent(t *testing.T) {
	pairs := set("a", "1", "b", "2", "c", "3", "d", "4", "e", "5", "f", "6")

	oneShot := openMem(t, 0)
	want := applyCommit(t, oneShot, 1, pairs)

	r := rand.New(rand.NewPCG(7, 7))
	for i := range 10 {
		shuffled := append(changeSet(nil), pairs...)
		r.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		db := openMem(t, 0)
		require.Equal(t, want, applyCommit(t, db, 1, shuffled), "shuffle %d", i)
	}

	// One key per block, reverse order, with detours through other values and deletions.
	db := openMem(t, 2)
	h := int64(0)
	for i := len(pairs) - 1; i >= 0; i-- {
		h++
		applyCommit(t, db, h, changeSet{{pairs[i].k, "tmp"}, {"junk" + pairs[i].k, "x"}})
		h++
		applyCommit(t, db, h, changeSet{pairs[i], {"junk" + pairs[i].k, ""}})
	}
	_, got := db.LastCommit()
	require.Equal(t, want, got)

	// Several ApplyChanges calls before one Commit (genesis then first block).
	db2 := openMem(t, 0)
	c := NewCache(db2.State())
	for _, p := range pairs[:3] {
		c.Set([]byte(p.k), []byte(p.v))
	}
	_, err := db2.ApplyChanges(1, c)
	require.NoError(t, err)
	for _, p := range pairs[3:] {
		c.Set([]byte(p.k), []byte(p.v))
	}
	root, err := db2.ApplyChanges(1, c)
	require.NoError(t, err)
	require.Equal(t, want, root)
	require.NoError(t, db2.Commit(1, root, c))
	requireMatches(t, db2.State(), model(pairs), allKeys(model(pairs)))
	for _, p := range pairs {
		requireProves(t, db2, p.k, []byte(p.v))
	}

	// Deleting everything returns to the empty root, and deleting absent keys is a no-op.
	empty := openMem(t, 0)
	_, emptyRoot := empty.LastCommit()
	var del changeSet
	for _, p := range pairs {
		del = append(del, kvPair{p.k, ""})
	}
	require.Equal(t, emptyRoot, applyCommit(t, oneShot, 2, del))
	require.Equal(t, emptyRoot, applyCommit(t, oneShot, 3, set("never", "", "set", "")))
	require.Empty(t, collect(oneShot.State(), nil, nil))
	require.NotEqual(t, want, applyCommit(t, oneShot, 4, set("a", "1")))
}

func TestEmptyStateSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, Options{})
	require.NoError(t, err)
	_, emptyRoot := db.LastCommit()
	applyCommit(t, db, 1, set("a", "1"))
	require.Equal(t, emptyRoot, applyCommit(t, db, 2, set("a", "")))
	require.NoError(t, db.Close())

	db, err = Open(dir, Options{})
	require.NoError(t, err)
	defer db.Close()
	h, root := db.LastCommit()
	require.Equal(t, int64(2), h)
	require.Equal(t, emptyRoot, root)
	ref := openMem(t, 0)
	require.Equal(t, applyCommit(t, ref, 1, set("b", "2")), applyCommit(t, db, 3, set("b", "2")))
}

// A crash between ApplyChanges and Commit loses the uncommitted block and nothing else.
func TestCrashBeforeCommit(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, Options{})
	require.NoError(t, err)
	applyCommit(t, db, 1, set("a", "1", "b", "2"))
	root2 := applyCommit(t, db, 2, set("a", "10", "c", "3"))

	c := set("a", "crash", "b", "", "d", "new").cache(db.State())
	root3, err := db.ApplyChanges(3, c)
	require.NoError(t, err)
	require.NotEqual(t, root2, root3)
	// Nothing is visible before Commit.
	h, r := db.LastCommit()
	require.Equal(t, int64(2), h)
	require.Equal(t, root2, r)
	require.Equal(t, []byte("10"), db.State().Get([]byte("a")))
	require.NoError(t, db.Close()) // "crash": the block is never committed

	db, err = Open(dir, Options{})
	require.NoError(t, err)
	defer db.Close()
	h, r = db.LastCommit()
	require.Equal(t, int64(2), h)
	require.Equal(t, root2, r)
	want := model(set("a", "1", "b", "2"), set("a", "10", "c", "3"))
	requireMatches(t, db.State(), want, []string{"a", "b", "c", "d"})
	for _, k := range []string{"a", "b", "c", "d"} {
		requireProves(t, db, k, want[k])
	}

	// Replaying the block gives the same root; a different block works too.
	c = set("a", "crash", "b", "", "d", "new").cache(db.State())
	again, err := db.ApplyChanges(3, c)
	require.NoError(t, err)
	require.Equal(t, root3, again)
	db.Rollback()
	other := applyCommit(t, db, 3, set("e", "5"))
	ref := openMem(t, 0)
	applyCommit(t, ref, 1, set("a", "10", "b", "2", "c", "3", "e", "5"))
	_, refRoot := ref.LastCommit()
	require.Equal(t, refRoot, other)
}

// Rollback abandons applied-but-uncommitted changes, in memory and for later commits.
func TestRollback(t *testing.T) {
	db := openMem(t, 0)
	root1 := applyCommit(t, db, 1, set("a", "1"))
	c := set("a", "2", "b", "3").cache(db.State())
	_, err := db.ApplyChanges(2, c)
	require.NoError(t, err)
	db.Rollback()
	root, err := db.ApplyChanges(2, NewCache(db.State()))
	require.NoError(t, err)
	require.Equal(t, root1, root, "rolled-back changes are gone from the tree")
	db.Rollback()

	root2 := applyCommit(t, db, 2, set("c", "4"))
	ref := openMem(t, 0)
	require.Equal(t, applyCommit(t, ref, 1, set("a", "1", "c", "4")), root2)
	requireProves(t, db, "b", nil)
	requireProves(t, db, "a", []byte("1"))
	requireProves(t, db, "c", []byte("4"))
}

// Cache over the pebble-backed State: the same model as TestCacheModel, with a parent
// that iterates pebble.
func TestCacheOverDBState(t *testing.T) {
	for seed := range uint64(30) {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 99))
			ch := randChooser{r}
			db := openMem(t, 0)
			ref := map[string][]byte{}
			for h := int64(1); h <= 3; h++ {
				c := NewCache(db.State())
				for range r.IntN(15) {
					randomOp(ch, c, ref)
				}
				root, err := db.ApplyChanges(h, c)
				require.NoError(t, err)
				require.NoError(t, db.Commit(h, root, c))
			}
			checkReader(t, ch, db.State(), ref)

			overlay := NewCache(db.State())
			for range r.IntN(30) {
				randomOp(ch, overlay, ref)
			}
			checkReader(t, ch, overlay, ref)

			snap := db.Snapshot()
			defer snap.Close()
			root, err := db.ApplyChanges(4, overlay)
			require.NoError(t, err)
			require.NoError(t, db.Commit(4, root, overlay))
			checkReader(t, ch, db.State(), ref)
			for _, k := range alphabet {
				requireProves(t, db, k, ref[k])
			}
			// The snapshot still shows height 3.
			require.Equal(t, int64(3), snap.Height)
		})
	}
}

// Reader.Iterate over pebble with start after end yields nothing (and does not panic).
func TestStateIterateEmptyRanges(t *testing.T) {
	db := openMem(t, 0)
	applyCommit(t, db, 1, set("a", "1", "b", "2", "c", "3"))
	require.Empty(t, collect(db.State(), []byte("c"), []byte("a")))
	require.Empty(t, collect(db.State(), []byte("b"), []byte("b")))
	require.Equal(t, []kvPair{{"b", "2"}}, collect(db.State(), []byte("b"), []byte("c")))
	require.Equal(t, []kvPair{{"a", "1"}}, collect(db.State(), nil, []byte("b")))
	require.Equal(t, []kvPair{{"c", "3"}}, collect(db.State(), []byte("b\x00"), nil))
	// Tree nodes and metadata never leak into state iteration.
	require.Len(t, collect(db.State(), nil, nil), 3)
	s := db.Snapshot()
	defer s.Close()
	require.Len(t, collect(s, nil, nil), 3)
	require.Equal(t, []byte("2"), s.Get([]byte("b")))
}

// The side index is written with the block and changes no root; its complete-through mark
// follows the commits from a fresh store, stays behind on a store that committed without it
// until a re-index fills the gap, and is cleared with it.
func TestSideIndex(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir, Options{})
	require.NoError(t, err)
	plain := openMem(t, 0)
	for h := int64(1); h <= 3; h++ {
		rec := Record{Key: []byte{'k', byte(h)}, Value: []byte{byte(h)}}
		got := applyCommitIndexed(t, db, h, set("a", string(rune('0'+h))), rec)
		require.Equal(t, applyCommit(t, plain, h, set("a", string(rune('0'+h)))), got, "the index changes no root")
		require.Equal(t, h, db.IndexedHeight())
	}
	require.Equal(t, []byte{2}, db.Index().Get([]byte{'k', 2}))
	require.Nil(t, db.State().Get([]byte{'k', 2}), "index entries are not state")
	require.NoError(t, db.Close())

	db, err = Open(dir, Options{})
	require.NoError(t, err)
	defer db.Close()
	require.Equal(t, int64(3), db.IndexedHeight())
	require.Equal(t, []byte{3}, db.Index().Get([]byte{'k', 3}))
	require.NoError(t, db.ClearIndex())
	require.Zero(t, db.IndexedHeight())
	require.Nil(t, db.Index().Get([]byte{'k', 3}))
	applyCommitIndexed(t, db, 4, set("a", "4"), Record{Key: []byte{'k', 4}, Value: []byte{4}})
	require.Zero(t, db.IndexedHeight(), "heights 1..3 lack their entries: not complete")
	require.NoError(t, db.WriteIndex(4, []Record{{Key: []byte{'k', 1}, Value: []byte{1}}}))
	require.Equal(t, int64(4), db.IndexedHeight())
	applyCommitIndexed(t, db, 5, set("a", "5"))
	require.Equal(t, int64(5), db.IndexedHeight())
}

func applyCommitIndexed(t *testing.T, db *DB, h int64, cs changeSet, recs ...Record) []byte {
	t.Helper()
	c := cs.cache(db.State())
	root, err := db.ApplyChanges(h, c)
	require.NoError(t, err)
	require.NoError(t, db.Commit(h, root, c, recs...))
	return root
}
