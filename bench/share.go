package bench

import (
	"crypto/sha256"
	"sync/atomic"
	"time"

	"github.com/puhui-chain/puhui/client"
)

// A batch submitter's bookkeeping, shared by the edge path (REST batches) and the yardstick's
// JSON-RPC batches. Back-pressure: an entry the node refuses for a full mempool is sent again
// later, from the same place in its stream (a signer's later nonces cannot pass it), and its
// latency counts from its FIRST attempt, so time spent waiting for room is not hidden.

// share is one worker's streams and where each stands.
type share struct {
	mine    []Stream
	next    []int                // each stream's first transaction not yet accepted
	stopped []bool               // a stream refused for good sends nothing more
	first   map[[2]int]time.Time // (stream, index) → first attempt, until accepted
	start   int                  // the stream gather scans from, moved on each time
	// paced: a batch carries up to its size of new transactions on top of those sent again,
	// so that resending after a full mempool does not lower the offered rate (an open loop
	// offers the same whatever the node answered).
	paced bool
	// maxSend bounds one request (the batch endpoint's limit).
	maxSend int
}

// verdict is the node's answer for one entry of a batch.
type verdict uint8

const (
	accepted verdict = iota // in the mempool (or already there from an earlier attempt)
	busy                    // the mempool is full: send it again later
	refused                 // refused for good: its stream stops
)

// newShare takes the streams w, w+n, w+2n … of streams.
func newShare(streams []Stream, w, n int) *share {
	sh := &share{first: map[[2]int]time.Time{}, maxSend: client.MaxBatchTxs}
	for i := w; i < len(streams); i += n {
		sh.mine = append(sh.mine, streams[i])
	}
	sh.next = make([]int, len(sh.mine))
	sh.stopped = make([]bool, len(sh.mine))
	return sh
}

// gather takes up to per transactions from each live stream of node, from its cursor, up to
// batch in all, and notes the first attempt of those not tried before. Streams with an entry
// already tried (waiting for room) come first, and the scan starts one stream later each
// time: the node admits a batch in order until its mempool is full, so a fixed order would
// leave the same streams at the back every time, waiting far longer than the rest (a real
// client's queue is first in, first out).
func (sh *share) gather(node, per, batch int, now time.Time) ([][]byte, []int) {
	var txs [][]byte
	var owner []int
	n := len(sh.mine)
	defer func() { sh.start = (sh.start + 1) % max(n, 1) }()
	for _, retried := range []bool{true, false} {
		limit := batch
		if sh.paced && !retried {
			limit = min(len(txs)+batch, max(sh.maxSend, batch))
		}
		for i := range n {
			k := (sh.start + i) % n
			s := sh.mine[k]
			if s.Node != node || sh.stopped[k] || sh.next[k] >= len(s.Txs) {
				continue
			}
			if _, tried := sh.first[[2]int{k, sh.next[k]}]; tried != retried {
				continue
			}
			for j := sh.next[k]; j < len(s.Txs) && j < sh.next[k]+per && len(txs) < limit; j++ {
				if _, ok := sh.first[[2]int{k, j}]; !ok {
					sh.first[[2]int{k, j}] = now
				}
				txs = append(txs, s.Txs[j])
				owner = append(owner, k)
			}
		}
	}
	return txs, owner
}

// perStream is how many consecutive transactions of one stream a batch to node takes:
// the batch shared among the node's streams, rounded up so that a batch fills (a paced
// run's schedule counts on each batch offering batch new transactions).
func (sh *share) perStream(node, batch int) int {
	n := 0
	for _, s := range sh.mine {
		if s.Node == node {
			n++
		}
	}
	return max(1, (batch+n-1)/max(n, 1))
}

func (sh *share) done() bool {
	for k, s := range sh.mine {
		if !sh.stopped[k] && sh.next[k] < len(s.Txs) {
			return false
		}
	}
	return true
}

// settle moves each stream's cursor past its accepted entries, up to its first entry that
// was not accepted: what follows that one was sent too early (a gap in nonces) and goes
// again. It reports how many got in and whether the mempool was full.
func (sh *share) settle(v []verdict, txs [][]byte, owner []int, t *tracker, submitted *atomic.Int64) (int, bool) {
	full, in := false, 0
	blocked := map[int]bool{}
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, verdict := range v {
		k := owner[i]
		if blocked[k] {
			continue
		}
		switch verdict {
		case accepted:
			key := [2]int{k, sh.next[k]}
			t.submitted[sha256.Sum256(txs[i])] = sh.first[key]
			delete(sh.first, key)
			submitted.Add(1)
			sh.next[k]++
			in++
		case busy:
			full, blocked[k] = true, true
		default:
			sh.stopped[k], blocked[k] = true, true
			for key := range sh.first { // a stopped stream is never tried again
				if key[0] == k {
					delete(sh.first, key)
				}
			}
		}
	}
	return in, full
}

// backOff waits after a batch that met a full mempool: longer when none of it got in, so
// that resending whole batches does not take the CPU the node needs to empty its mempool.
// Room comes back a block at a time (every 0.3 s or more), so retrying sooner than every
// 20 ms only spends both sides' CPU on refusals.
func backOff(accepted int) {
	if accepted == 0 {
		time.Sleep(50 * time.Millisecond)
		return
	}
	time.Sleep(20 * time.Millisecond)
}
