package bench

import (
	"context"
	"crypto/sha256"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
)

// A stream's cursor passes its accepted entries up to its first one that was not accepted;
// a retried entry keeps the time of its first attempt; a refusal stops the stream.
func TestSettleKeepsFirstAttemptAndOrder(t *testing.T) {
	a := Stream{Txs: [][]byte{[]byte("a0"), []byte("a1"), []byte("a2")}}
	b := Stream{Txs: [][]byte{[]byte("b0"), []byte("b1")}}
	sh := newShare([]Stream{a, b}, 0, 1)
	tr := &tracker{submitted: map[[32]byte]time.Time{}}
	var n atomic.Int64

	t0 := time.Unix(100, 0)
	txs, owner := sh.gather(0, 3, 10, t0)
	require.Len(t, txs, 5)
	// a0 in, a1 full (so a2 is not taken although answered ok), b0 refused for good.
	in, full := sh.settle([]verdict{accepted, busy, accepted, refused, accepted}, txs, owner, tr, &n)
	require.Equal(t, 1, in)
	require.True(t, full)
	require.Equal(t, []int{1, 0}, sh.next)
	require.Equal(t, []bool{false, true}, sh.stopped)
	require.Equal(t, t0, tr.submitted[sha256.Sum256([]byte("a0"))])

	txs, owner = sh.gather(0, 3, 10, t0.Add(time.Second))
	require.Equal(t, [][]byte{[]byte("a1"), []byte("a2")}, txs) // b stopped
	in, full = sh.settle([]verdict{accepted, accepted}, txs, owner, tr, &n)
	require.Equal(t, 2, in)
	require.False(t, full)
	require.Equal(t, t0, tr.submitted[sha256.Sum256([]byte("a1"))], "latency counts from the first attempt")
	require.Equal(t, t0, tr.submitted[sha256.Sum256([]byte("a2"))], "a2 went out in the first batch too")
	require.EqualValues(t, 3, n.Load())
	require.True(t, sh.done())
	require.Empty(t, sh.first)
}

// A batch takes the streams waiting for room first, then the others from one stream further
// each time, so that no stream is always at the back of the node's queue.
func TestGatherIsFair(t *testing.T) {
	var streams []Stream
	for _, name := range []string{"a", "b", "c"} {
		streams = append(streams, Stream{Txs: [][]byte{[]byte(name + "0"), []byte(name + "1")}})
	}
	sh := newShare(streams, 0, 1)
	tr := &tracker{submitted: map[[32]byte]time.Time{}}
	var n atomic.Int64
	t0 := time.Unix(100, 0)

	txs, owner := sh.gather(0, 1, 2, t0)
	require.Equal(t, [][]byte{[]byte("a0"), []byte("b0")}, txs, "two of three fit")
	_, full := sh.settle([]verdict{accepted, busy}, txs, owner, tr, &n)
	require.True(t, full)

	txs, _ = sh.gather(0, 1, 3, t0.Add(time.Second))
	require.Equal(t, [][]byte{[]byte("b0"), []byte("c0"), []byte("a1")}, txs, "the waiting b0 first, then from c on")
}

func TestVerdicts(t *testing.T) {
	res := &client.BatchResult{Results: []client.BatchEntry{
		{Accepted: true}, {Code: "api.tx_known"}, {Code: "api.mempool_full"}, {Code: "tx.bad_nonce"}}}
	require.Equal(t, []verdict{accepted, accepted, busy, refused}, edgeVerdicts(res))

	ok := rpcAnswer{Result: &struct {
		Code uint32 `json:"code"`
	}{}}
	no := rpcAnswer{Result: &struct {
		Code uint32 `json:"code"`
	}{Code: 2}}
	cached := rpcAnswer{Error: &struct {
		Message string `json:"message"`
		Data    string `json:"data"`
	}{Data: "tx already exists in cache"}}
	full := rpcAnswer{Error: &struct {
		Message string `json:"message"`
		Data    string `json:"data"`
	}{Data: "mempool is full: number of txs 8000 (max: 8000)"}}
	for a, want := range map[*rpcAnswer]verdict{&ok: accepted, &no: refused, &cached: accepted, &full: busy} {
		require.Equal(t, want, rpcVerdict(*a))
	}
}

// The tracker times a block by when its height was seen committed, not when it was read.
func TestRecordUsesCommitTime(t *testing.T) {
	sent := time.Unix(100, 0)
	tr := &tracker{submitted: map[[32]byte]time.Time{sha256.Sum256([]byte("x")): sent}, windowEnd: sent.Add(time.Minute)}
	tr.record(sent.Add(300*time.Millisecond), [][32]byte{sha256.Sum256([]byte("x")), sha256.Sum256([]byte("other"))}, []uint32{0, 0})
	require.Equal(t, []time.Duration{300 * time.Millisecond}, tr.latencies)
	require.Equal(t, 1, tr.committed)
	require.Equal(t, 1, tr.blocks)
	tr.record(sent.Add(2*time.Minute), nil, nil) // after the window: not counted
	require.Equal(t, 1, tr.blocks)
}

// A paced run's workers send a batch every workers×batch/rate, staggered, so that together
// they offer rate transactions a second; an unpaced worker sends at once.
func TestPacerOffersTheRate(t *testing.T) {
	start := time.Unix(1_800_000_000, 0)
	const workers, batch, rate = 4, 100, 2000.0
	var slots []time.Time
	for w := 0; w < workers; w++ {
		p := newPacer(start, rate, w, workers, batch)
		for i := 0; i < 5; i++ {
			slots = append(slots, p.slot())
			p.next = p.next.Add(p.interval) // take, without the sleep
		}
	}
	slices.SortFunc(slots, func(a, b time.Time) int { return a.Compare(b) })
	for i := 1; i < len(slots); i++ {
		require.Equal(t, 50*time.Millisecond, slots[i].Sub(slots[i-1]), "a batch of 100 every 50 ms is 2,000/s")
	}
	require.Equal(t, start, slots[0])

	var unpaced *pacer
	require.WithinDuration(t, time.Now(), unpaced.slot(), time.Second)
	require.True(t, unpaced.take(context.Background()))
	require.Nil(t, newPacer(start, 0, 0, workers, batch))
}

// Paced, a batch offers its size in new transactions on top of those sent again after a
// full mempool, so that resending does not lower the offered rate; and a node's streams
// share the batch rounded up, so that it fills.
func TestPacedBatchOffersNewTransactionsBesideRetries(t *testing.T) {
	var streams []Stream
	for _, name := range []string{"a", "b", "c"} {
		streams = append(streams, Stream{Txs: [][]byte{[]byte(name + "0"), []byte(name + "1"), []byte(name + "2")}})
	}
	streams = append(streams, Stream{Node: 1, Txs: [][]byte{[]byte("x0")}})
	sh := newShare(streams, 0, 1)
	sh.paced = true
	require.Equal(t, 2, sh.perStream(0, 4), "4 over node 0's three streams, rounded up")
	tr := &tracker{submitted: map[[32]byte]time.Time{}}
	var n atomic.Int64
	t0 := time.Unix(100, 0)

	txs, owner := sh.gather(0, 2, 4, t0)
	require.Equal(t, [][]byte{[]byte("a0"), []byte("a1"), []byte("b0"), []byte("b1")}, txs)
	_, full := sh.settle([]verdict{accepted, accepted, busy, accepted}, txs, owner, tr, &n)
	require.True(t, full)

	txs, _ = sh.gather(0, 2, 4, t0.Add(time.Second))
	require.Equal(t, [][]byte{[]byte("b0"), []byte("b1"), []byte("c0"), []byte("c1"), []byte("a2")}, txs,
		"the two sent again, then new ones: c0, c1, a2 (all that is left)")

	sh.maxSend = 3
	sh.next = []int{0, 0, 0}
	sh.first = map[[2]int]time.Time{}
	txs, _ = sh.gather(0, 2, 2, t0)
	require.Len(t, txs, 2)
	sh.first[[2]int{1, 0}] = t0 // b0 waiting
	txs, _ = sh.gather(0, 2, 2, t0)
	require.Len(t, txs, 3, "never over the endpoint's limit")
}
