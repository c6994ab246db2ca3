package store

import (
	"bytes"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
)

// memKV is a trivially correct KV used as the bottom layer under Caches in tests.
type memKV struct{ m map[string][]byte }

func newMemKV() *memKV { return &memKV{m: map[string][]byte{}} }

func (s *memKV) Get(key []byte) []byte {
	v, ok := s.m[string(key)]
	if !ok {
		return nil
	}
	return append([]byte(nil), v...)
}

func (s *memKV) Set(key, value []byte) {
	if len(value) == 0 {
		delete(s.m, string(key))
		return
	}
	s.m[string(key)] = append([]byte(nil), value...)
}

func (s *memKV) Delete(key []byte) { delete(s.m, string(key)) }

func (s *memKV) Iterate(start, end []byte, fn func(key, value []byte) bool) {
	for _, k := range refRange(s.m, start, end) {
		if !fn([]byte(k), append([]byte(nil), s.m[k]...)) {
			return
		}
	}
}

var _ KV = (*memKV)(nil)
var _ KV = (*Cache)(nil)
var _ Reader = (*Snapshot)(nil)

// refRange returns the sorted keys of m in [start, end) (nil end: unbounded).
func refRange(m map[string][]byte, start, end []byte) []string {
	var out []string
	for k := range m {
		if start != nil && k < string(start) {
			continue
		}
		if end != nil && k >= string(end) {
			continue
		}
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func copyMap(m map[string][]byte) map[string][]byte {
	out := make(map[string][]byte, len(m))
	for k, v := range m {
		out[k] = append([]byte(nil), v...)
	}
	return out
}

type kvPair struct{ k, v string }

// collect iterates r over [start, end) copying keys and values (callers must not retain
// the slices passed to fn: pebble reuses its buffers).
func collect(r Reader, start, end []byte) []kvPair {
	var out []kvPair
	r.Iterate(start, end, func(k, v []byte) bool {
		out = append(out, kvPair{string(k), string(v)})
		return true
	})
	return out
}

func refPairs(m map[string][]byte, start, end []byte) []kvPair {
	var out []kvPair
	for _, k := range refRange(m, start, end) {
		out = append(out, kvPair{k, string(m[k])})
	}
	return out
}

// requireMatches checks every observable read of r against the reference map.
func requireMatches(t testing.TB, r Reader, ref map[string][]byte, keys []string) {
	t.Helper()
	for _, k := range keys {
		got := r.Get([]byte(k))
		want, ok := ref[k]
		if !ok {
			require.Nil(t, got, "Get(%q) of absent key", k)
		} else {
			require.Equal(t, want, got, "Get(%q)", k)
		}
	}
	require.Equal(t, refPairs(ref, nil, nil), collect(r, nil, nil), "full iteration")
}

// chooser is a source of choices, driven by math/rand in property tests and by fuzz input
// in fuzz targets.
type chooser interface {
	intn(n int) int
}

type randChooser struct{ r *rand.Rand }

func (c randChooser) intn(n int) int { return c.r.IntN(n) }

type byteChooser struct {
	data []byte
	i    int
}

func (c *byteChooser) intn(n int) int {
	if c.i >= len(c.data) {
		return 0
	}
	b := int(c.data[c.i])
	c.i++
	return b % n
}

func (c *byteChooser) exhausted() bool { return c.i >= len(c.data) }

// changeSet is an ordered list of writes for one block; an empty value is a deletion.
type changeSet []kvPair

func (cs changeSet) cache(parent Reader) *Cache {
	c := NewCache(parent)
	for _, p := range cs {
		if p.v == "" {
			c.Delete([]byte(p.k))
		} else {
			c.Set([]byte(p.k), []byte(p.v))
		}
	}
	return c
}

// applyCommit applies changes at height h and commits them, returning the new root.
func applyCommit(t testing.TB, db *DB, h int64, cs changeSet) []byte {
	t.Helper()
	c := cs.cache(db.State())
	root, err := db.ApplyChanges(h, c)
	require.NoError(t, err, "apply height %d", h)
	require.NoError(t, db.Commit(h, root, c), "commit height %d", h)
	gotH, gotRoot := db.LastCommit()
	require.Equal(t, h, gotH)
	require.Equal(t, root, gotRoot)
	return root
}

func set(kv ...string) changeSet {
	var cs changeSet
	for i := 0; i+1 < len(kv); i += 2 {
		cs = append(cs, kvPair{kv[i], kv[i+1]})
	}
	return cs
}

func openMem(t testing.TB, keep int64) *DB {
	t.Helper()
	db, err := Open("mem", Options{InMemory: true, KeepRecent: keep})
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func requireProves(t testing.TB, db *DB, key string, want []byte) {
	t.Helper()
	dropNodeCache(db) // prove from what is stored, not from what was cached
	s := db.Snapshot()
	defer s.Close()
	p, err := s.Prove([]byte(key))
	require.NoError(t, err, "prove %q at height %d", key, s.Height)
	require.NoError(t, VerifyProof(s.Root, []byte(key), want, p), "verify %q", key)
	require.True(t, bytes.Equal(want, s.Get([]byte(key))) || (len(want) == 0 && s.Get([]byte(key)) == nil))
}

// dropNodeCache empties the node cache, so that tree nodes come from pebble: tests of what
// is stored must not be answered by the cache.
func dropNodeCache(db *DB) {
	db.waitWarm()
	db.nodes.waitCache()
	db.nodeCache = newNodeCache(0)
	db.nodes.cache = db.nodeCache
}

// cachedNodes is how many nodes db's cache holds once the last commit's are in it (they go
// in on another goroutine).
func cachedNodes(db *DB) int {
	db.nodes.waitCache()
	return db.nodeCache.len()
}
