package bench

import (
	"context"
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
func submitShareEdge(ctx context.Context, apis []string, streams []Stream, w, n, batch int, pace *pacer, t *tracker, submitted *atomic.Int64) bool {
	sh := newShare(streams, w, n)
	if len(sh.mine) == 0 {
		return true
	}
	sh.paced = pace != nil
	for node := 0; ctx.Err() == nil; node = (node + 1) % len(apis) {
		at := pace.slot()
		txs, owner := sh.gather(node, sh.perStream(node, batch), batch, at)
		if len(txs) == 0 {
			if sh.done() {
				return false
			}
			continue
		}
		if !pace.take(ctx) {
			return true
		}
		res, err := client.SubmitBatch(ctx, edgeHTTP, apis[node], txs)
		if err != nil {
			time.Sleep(20 * time.Millisecond) // rate limited, or the node is busy: resend
			continue
		}
		if in, full := sh.settle(edgeVerdicts(res), txs, owner, t, submitted); full && pace == nil {
			backOff(in) // paced, the next batch waits for its slot anyway
		}
	}
	return true
}

// edgeVerdicts reads a batch answer. "Already known" is an earlier attempt that got in
// although its answer was lost (a request cut off by the end of the window, a timeout).
func edgeVerdicts(res *client.BatchResult) []verdict {
	v := make([]verdict, len(res.Results))
	for i, e := range res.Results {
		switch {
		case e.Accepted || e.Code == "api.tx_known":
			v[i] = accepted
		case e.Code == "api.mempool_full":
			v[i] = busy
		default:
			v[i] = refused
		}
	}
	return v
}

// pacer schedules one worker's batches in a paced run: a batch every workers×batch/rate, the
// workers' schedules staggered evenly. nil: no pacing.
type pacer struct {
	next     time.Time
	interval time.Duration
}

func newPacer(start time.Time, rate float64, w, workers, batch int) *pacer {
	if rate <= 0 {
		return nil
	}
	interval := time.Duration(float64(workers*batch) / rate * float64(time.Second))
	return &pacer{next: start.Add(interval * time.Duration(w) / time.Duration(workers)), interval: interval}
}

// slot is the next batch's scheduled time (now, unpaced).
func (p *pacer) slot() time.Time {
	if p == nil {
		return time.Now()
	}
	return p.next
}

// take waits for the slot and moves to the next; false if ctx ended first.
func (p *pacer) take(ctx context.Context) bool {
	if p == nil {
		return ctx.Err() == nil
	}
	at := p.next
	p.next = p.next.Add(p.interval)
	select {
	case <-ctx.Done():
		return false
	case <-time.After(time.Until(at)):
		return true
	}
}
