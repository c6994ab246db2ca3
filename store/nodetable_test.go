package store

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// nodeTable against a Go map under random puts, overwrites and removals (growth, probe runs
// wrapping around the end, back-shifts across it): every lookup agrees, and the table
// holds exactly its entries — no slot is left behind by a removal.
func TestNodeTableMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	table := newNodeTable()
	want := map[nodeHash]nodeValue{}
	var keys []nodeHash
	key := func() nodeHash {
		if len(keys) > 0 && rng.IntN(3) > 0 {
			return keys[rng.IntN(len(keys))]
		}
		var h nodeHash
		for i := range h {
			h[i] = byte(rng.Uint32())
		}
		if rng.IntN(4) == 0 { // many on one home: long runs
			h[1], h[2] = 0xff, 0xff
		}
		keys = append(keys, h)
		return h
	}
	for step := 0; step < 200_000; step++ {
		h := key()
		switch op := rng.IntN(10); {
		case op < 6 && len(want) < 20_000:
			v := nodeValue{n: 65}
			v.data[0], v.data[64] = byte(step), byte(step>>8)
			table.put(h[:], &v)
			want[h] = v
		case op < 9:
			table.remove(h[:])
			delete(want, h)
		case step%200 == 0:
			table.evict(3)
			for _, k := range keys { // the evicted: whatever is no longer found
				if _, ok := want[k]; ok && table.find(k[:]) == nil {
					delete(want, k)
				}
			}
		}
		e := table.find(h[:])
		v, ok := want[h]
		require.Equal(t, ok, e != nil, "step %d", step)
		if ok {
			require.Equal(t, v, e.value, "step %d", step)
		}
	}
	require.Equal(t, len(want), table.count)
	occupied := 0
	for _, s := range table.slots {
		if s != 0 {
			occupied++
		}
	}
	require.Equal(t, table.count, occupied, "every slot holds a live entry")
	for h, v := range want {
		e := table.find(h[:])
		require.NotNil(t, e)
		require.Equal(t, v, e.value)
	}
	require.LessOrEqual(t, table.count*nodeTableLoadDen, len(table.slots)*nodeTableLoadNum)

	// Its memory is the operating system's, not the Go heap's: released, the table is empty
	// and stays so (a store closed under a late reader finds nothing rather than faulting).
	table.release()
	for h := range want {
		require.Nil(t, table.find(h[:]))
		v := want[h]
		table.put(h[:], &v)
		table.remove(h[:])
		break
	}
	table.evict(10)
	require.Zero(t, table.count)
	table.release() // twice is once
}

// Churn at a constant size (a due block's orphans out, its new nodes in) never grows the
// table, and removed entries are reused.
func TestNodeTableChurnDoesNotGrow(t *testing.T) {
	table := newNodeTable()
	const live = 600
	for i := 0; i < live; i++ {
		h, v := cacheNode(i)
		table.put(h, &nodeValue{n: uint8(len(v))})
	}
	slots, chunks := len(table.slots), len(table.entries)
	for i := live; i < 100*live; i++ {
		h, _ := cacheNode(i - live)
		table.remove(h)
		h, v := cacheNode(i)
		table.put(h, &nodeValue{n: uint8(len(v))})
	}
	require.Equal(t, live, table.count)
	require.Equal(t, slots, len(table.slots), "no growth from churn")
	require.Equal(t, chunks, len(table.entries), "entries reused")
}
