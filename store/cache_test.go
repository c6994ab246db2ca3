package store

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// alphabet is every key of 1..3 bytes over "abc", plus keys outside it that are never
// written (to probe absent reads).
var alphabet, probeKeys = func() ([]string, []string) {
	var all []string
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		if n == 0 {
			return
		}
		for _, c := range "abc" {
			k := prefix + string(c)
			all = append(all, k)
			gen(k, n-1)
		}
	}
	gen("", 3)
	return all, append(append([]string(nil), all...), "", "d", "aaaa", "\x00", "\xff")
}()

func genKey(c chooser) string { return alphabet[c.intn(len(alphabet))] }

// genValue returns a non-empty value, or (rarely) an empty one, which Set treats as a delete.
func genValue(c chooser) string {
	if c.intn(12) == 0 {
		return ""
	}
	n := 1 + c.intn(4)
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(c.intn(256))
	}
	return string(b)
}

// genBound returns nil (unbounded), a key from the alphabet, or an out-of-alphabet key.
func genBound(c chooser) []byte {
	switch c.intn(6) {
	case 0:
		return nil
	case 1:
		return []byte(probeKeys[len(alphabet)+c.intn(len(probeKeys)-len(alphabet))])
	default:
		return []byte(genKey(c))
	}
}

// randomOps applies n random Set/Delete operations to kv and to ref.
func randomOp(c chooser, kv KV, ref map[string][]byte) {
	k := genKey(c)
	if c.intn(4) == 0 {
		kv.Delete([]byte(k))
		delete(ref, k)
		return
	}
	v := genValue(c)
	kv.Set([]byte(k), []byte(v))
	if v == "" {
		delete(ref, k) // by design an empty value is a deletion
	} else {
		ref[k] = []byte(v)
	}
}

// checkReader compares Get, ranged Iterate and early-stopped Iterate of r against ref.
func checkReader(t testing.TB, c chooser, r Reader, ref map[string][]byte) {
	t.Helper()
	requireMatches(t, r, ref, probeKeys)
	for range 3 {
		start, end := genBound(c), genBound(c)
		require.Equal(t, refPairs(ref, start, end), collect(r, start, end),
			"Iterate(%q, %q)", start, end)
	}
	// Early stop: fn returning false must end the iteration at once.
	start, end := genBound(c), genBound(c)
	want := refPairs(ref, start, end)
	limit := c.intn(len(want) + 2)
	var got []kvPair
	calls := 0
	r.Iterate(start, end, func(k, v []byte) bool {
		calls++
		got = append(got, kvPair{string(k), string(v)})
		return len(got) < limit
	})
	n := min(max(limit, 1), len(want))
	require.Equal(t, n, calls, "early stop after %d (start %q end %q)", limit, start, end)
	require.Equal(t, want[:n], got)
}

// runCacheModel runs one random scenario: base memKV <- parent Cache <- child Cache, each
// checked against a reference map, then Write child into parent and parent into base.
func runCacheModel(t testing.TB, c chooser) {
	base := newMemKV()
	baseRef := map[string][]byte{}
	for range c.intn(20) {
		randomOp(c, base, baseRef)
	}
	parent := NewCache(base)
	parentRef := copyMap(baseRef)
	for range c.intn(25) {
		randomOp(c, parent, parentRef)
	}
	checkReader(t, c, parent, parentRef)

	child := NewCache(parent)
	childRef := copyMap(parentRef)
	ops := c.intn(40)
	for i := range ops {
		randomOp(c, child, childRef)
		if c.intn(5) == 0 || i == ops-1 {
			checkReader(t, c, child, childRef)
		}
	}
	// The layers below are untouched until Write.
	requireMatches(t, parent, parentRef, probeKeys)
	requireMatches(t, base, baseRef, probeKeys)

	// Changes reports every written key once, ascending, deletions flagged.
	var prev string
	seen := 0
	child.Changes(func(k, v []byte, deleted bool) {
		if seen > 0 {
			require.Less(t, prev, string(k))
		}
		prev = string(k)
		seen++
		if deleted {
			require.Nil(t, v)
			_, present := childRef[string(k)]
			require.False(t, present, "deleted key %q present in reference", k)
		} else {
			require.Equal(t, childRef[string(k)], v)
		}
	})
	require.Equal(t, child.Len(), seen)

	child.Write(parent)
	require.Zero(t, child.Len(), "Write empties the overlay")
	checkReader(t, c, parent, childRef)
	checkReader(t, c, child, childRef) // now reads through to parent
	requireMatches(t, base, baseRef, probeKeys)

	parent.Write(base)
	requireMatches(t, base, childRef, probeKeys)
	checkReader(t, c, child, childRef)
}

// TestCacheModel is a randomised property test of Cache against a reference map.
// (pgregory.net/rapid is not a dependency in go.mod, so the generator is math/rand with a
// fixed set of seeds; a failing seed is printed and reproducible.)
func TestCacheModel(t *testing.T) {
	n := 400
	if testing.Short() {
		n = 50
	}
	for seed := range uint64(n) {
		r := rand.New(rand.NewPCG(seed, 0x5eed))
		ok := t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			runCacheModel(t, randChooser{r})
		})
		if !ok {
			break
		}
	}
}

// FuzzCache drives the same model from fuzz input: go test ./store -fuzz FuzzCache.
func FuzzCache(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
	f.Add([]byte("abcabcabcabcabcabcabcabcabcabcabcabcabcabcabc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		runCacheModel(t, &byteChooser{data: data})
	})
}

func TestCacheBasics(t *testing.T) {
	base := newMemKV()
	base.Set([]byte("a"), []byte("1"))
	base.Set([]byte("b"), []byte("2"))
	c := NewCache(base)

	require.Equal(t, []byte("1"), c.Get([]byte("a")), "reads fall through")
	require.Nil(t, c.Get([]byte("zz")))

	val := []byte("x")
	c.Set([]byte("a"), val)
	val[0] = 'y'
	require.Equal(t, []byte("x"), c.Get([]byte("a")), "Set stores a copy")

	c.Delete([]byte("b"))
	require.Nil(t, c.Get([]byte("b")), "Delete hides the parent value")
	require.Equal(t, []byte("2"), base.Get([]byte("b")), "parent untouched")

	c.Set([]byte("a"), nil)
	require.Nil(t, c.Get([]byte("a")), "nil value deletes")
	c.Set([]byte("c"), []byte("3"))
	c.Set([]byte("c"), []byte{})
	require.Nil(t, c.Get([]byte("c")), "empty value deletes")

	require.Equal(t, 3, c.Len())
	var changes []string
	c.Changes(func(k, v []byte, deleted bool) {
		changes = append(changes, fmt.Sprintf("%s=%s/%v", k, v, deleted))
	})
	require.Equal(t, []string{"a=/true", "b=/true", "c=/true"}, changes)

	c.Write(base)
	require.Empty(t, base.m)
	require.Zero(t, c.Len())

	// Deleting a key that exists nowhere is harmless.
	c.Delete([]byte("nothing"))
	require.Empty(t, collect(c, nil, nil))
}

func TestCacheIterateMergesAndStops(t *testing.T) {
	base := newMemKV()
	for _, k := range []string{"a", "c", "e", "g"} {
		base.Set([]byte(k), []byte("base-"+k))
	}
	c := NewCache(base)
	c.Set([]byte("b"), []byte("own-b"))
	c.Set([]byte("c"), []byte("own-c"))
	c.Delete([]byte("e"))
	c.Set([]byte("h"), []byte("own-h"))
	c.Delete([]byte("i"))

	require.Equal(t, []kvPair{
		{"a", "base-a"}, {"b", "own-b"}, {"c", "own-c"}, {"g", "base-g"}, {"h", "own-h"},
	}, collect(c, nil, nil))
	require.Equal(t, []kvPair{{"b", "own-b"}, {"c", "own-c"}}, collect(c, []byte("b"), []byte("e")))
	require.Equal(t, []kvPair{{"g", "base-g"}, {"h", "own-h"}}, collect(c, []byte("d"), nil))
	require.Empty(t, collect(c, []byte("e"), []byte("f")), "only a deleted key in range")
	require.Empty(t, collect(c, []byte("g"), []byte("a")), "start after end")
	require.Empty(t, collect(c, []byte("c"), []byte("c")), "empty range")

	// Stopping on an overlay key, on a parent key, and on the trailing overlay keys.
	for stopAt := 1; stopAt <= 5; stopAt++ {
		var got []string
		c.Iterate(nil, nil, func(k, _ []byte) bool {
			got = append(got, string(k))
			return len(got) < stopAt
		})
		require.Len(t, got, stopAt)
	}
}

func TestPrefixEnd(t *testing.T) {
	for _, tc := range []struct{ in, want []byte }{
		{[]byte("ab"), []byte("ac")},
		{[]byte("a\xff"), []byte("b")},
		{[]byte("a\xff\xff"), []byte("b")},
		{[]byte{0x00}, []byte{0x01}},
		{[]byte{0xff}, nil},
		{[]byte{0xff, 0xff}, nil},
		{nil, nil},
	} {
		in := append([]byte(nil), tc.in...)
		require.Equal(t, tc.want, PrefixEnd(in), "PrefixEnd(%q)", tc.in)
		require.Equal(t, tc.in, in, "PrefixEnd must not modify its input")
	}
}

func TestIteratePrefix(t *testing.T) {
	base := newMemKV()
	for _, k := range []string{"a", "a/", "a/1", "a/2", "a0", "b", "a\xff", "a\xff\xff", "b\x00"} {
		base.Set([]byte(k), []byte("v"))
	}
	keys := func(prefix string) []string {
		var out []string
		IteratePrefix(NewCache(base), []byte(prefix), func(k, _ []byte) bool {
			out = append(out, string(k))
			return true
		})
		return out
	}
	require.Equal(t, []string{"a/", "a/1", "a/2"}, keys("a/"))
	require.Equal(t, []string{"a\xff", "a\xff\xff"}, keys("a\xff"))
	require.Equal(t, []string{"b", "b\x00"}, keys("b"))
	require.Len(t, keys(""), 9)
}
