package store

import (
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

func cacheNode(i int) (hash, value []byte) {
	v := []byte(fmt.Sprintf("node-%d", i))
	h := sha256.Sum256(v)
	return h[:], v
}

// The cache returns what was put, keeps nodes read again, and drops those not read for two
// generations.
func TestNodeCacheGenerations(t *testing.T) {
	c := newNodeCache(2 * 10 * (indexEntryBytes + 8)) // about ten nodes a generation
	for i := 0; i < 10; i++ {
		c.put(cacheNode(i))
	}
	hot, hotValue := cacheNode(0)
	for i := 10; i < 40; i++ {
		c.put(cacheNode(i))
		v, ok := c.get(hot)
		require.True(t, ok, "a node read every time stays (after %d puts)", i)
		require.Equal(t, hotValue, v)
	}
	cold, _ := cacheNode(1)
	_, ok := c.get(cold)
	require.False(t, ok, "a node not read for two generations is dropped")
	h, want := cacheNode(39)
	got, ok := c.get(h)
	require.True(t, ok)
	require.Equal(t, want, got)
	require.Equal(t, len(got), cap(got), "a shared slice cannot be appended into the arena")
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
