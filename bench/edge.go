package bench

import (
	"context"
	"crypto/sha256"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/puhui-chain/puhui/client"
)

// Through the edge: a worker gathers the next transactions of its streams into one batch
// (up to cfg.Batch, a few consecutive ones per stream) and posts it to the stream's node's
// REST API over HTTP, as an external client does.

// edgeHTTP is the benchmark's HTTP client: enough kept-alive connections for every worker.
var edgeHTTP = &http.Client{Transport: &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256}}

// submitShareEdge is submitShare through the nodes' batch endpoints (apis[node]). It reports
// false if it ran out of transactions.
func submitShareEdge(ctx context.Context, apis []string, streams []Stream, w, n, batch int, t *tracker, submitted *atomic.Int64) bool {
	var mine []Stream
	for i := w; i < len(streams); i += n {
		mine = append(mine, streams[i])
	}
	if len(mine) == 0 {
		return true
	}
	per := max(1, batch/len(mine)) // consecutive transactions of one stream in a batch
	next := make([]int, len(mine)) // each stream's first transaction not yet accepted
	stopped := make([]bool, len(mine))
	for node := 0; ctx.Err() == nil; node = (node + 1) % len(apis) {
		txs, owner := gather(mine, next, stopped, node, per, batch)
		if len(txs) == 0 {
			if allDone(mine, next, stopped) {
				return false
			}
			continue
		}
		now := time.Now()
		res, err := client.SubmitBatch(ctx, edgeHTTP, apis[node], txs)
		if err != nil {
			time.Sleep(20 * time.Millisecond) // rate limited, or the node is busy: resend
			continue
		}
		if settle(res, txs, owner, mine, next, stopped, t, now, submitted) {
			backOff(res.Accepted)
		}
	}
	return true
}

// backOff waits after a batch that met a full mempool: longer when none of it got in, so
// that resending whole batches does not take the CPU the node needs to empty its mempool.
func backOff(accepted int) {
	if accepted == 0 {
		time.Sleep(50 * time.Millisecond)
		return
	}
	time.Sleep(5 * time.Millisecond)
}

// gather takes up to per transactions from each live stream of node, from its cursor.
func gather(mine []Stream, next []int, stopped []bool, node, per, batch int) ([][]byte, []int) {
	var txs [][]byte
	var owner []int
	for k, s := range mine {
		if s.Node != node || stopped[k] {
			continue
		}
		for j := next[k]; j < len(s.Txs) && j < next[k]+per && len(txs) < batch; j++ {
			txs = append(txs, s.Txs[j])
			owner = append(owner, k)
		}
	}
	return txs, owner
}

func allDone(mine []Stream, next []int, stopped []bool) bool {
	for k, s := range mine {
		if !stopped[k] && next[k] < len(s.Txs) {
			return false
		}
	}
	return true
}

// settle moves each stream's cursor past its accepted transactions. A stream's first refusal
// decides: a full mempool is retried from there (what follows it was refused for the gap in
// nonces), any other code stops the stream. It reports whether the mempool was full.
func settle(res *client.BatchResult, txs [][]byte, owner []int, mine []Stream, next []int, stopped []bool,
	t *tracker, sent time.Time, submitted *atomic.Int64) bool {
	busy := false
	blocked := map[int]bool{}
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, e := range res.Results {
		k := owner[i]
		switch {
		case blocked[k]:
		case e.Accepted:
			t.submitted[sha256.Sum256(txs[i])] = sent
			submitted.Add(1)
			next[k]++
		case e.Code == "api.mempool_full":
			busy, blocked[k] = true, true
		default:
			stopped[k], blocked[k] = true, true
		}
	}
	return busy
}
