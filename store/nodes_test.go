package store

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// A commit writes its nodes in digest order, every pending node once, including digests
// that share their first two bytes (one bucket) and none at all.
func TestSortedPendingOrdersEveryNode(t *testing.T) {
	n := newNodeStore(nil, newNodeCache(0))
	require.Empty(t, n.sortedPending())
	for i := 0; i < 5000; i++ {
		h := sha256.Sum256([]byte(fmt.Sprint(i)))
		if i%10 == 0 {
			h[0], h[1] = 0xab, 0xcd // a crowded bucket
		}
		require.NoError(t, n.Set(h[:], []byte(fmt.Sprint(i))))
	}
	order := n.sortedPending()
	require.Len(t, order, len(n.pending))
	for i, p := range order {
		require.Equal(t, n.pending[p.hash], p.value)
		if i > 0 {
			require.Negative(t, bytes.Compare(order[i-1].hash[:], p.hash[:]), "position %d", i)
		}
	}
}
