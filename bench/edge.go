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
func submitShareEdge(ctx context.Context, apis []string, streams []Stream, w, n, batch int, t *tracker, submitted *atomic.Int64) bool {
	sh := newShare(streams, w, n)
	if len(sh.mine) == 0 {
		return true
	}
	per := max(1, batch/len(sh.mine)) // consecutive transactions of one stream in a batch
	for node := 0; ctx.Err() == nil; node = (node + 1) % len(apis) {
		txs, owner := sh.gather(node, per, batch, time.Now())
		if len(txs) == 0 {
			if sh.done() {
				return false
			}
			continue
		}
		res, err := client.SubmitBatch(ctx, edgeHTTP, apis[node], txs)
		if err != nil {
			time.Sleep(20 * time.Millisecond) // rate limited, or the node is busy: resend
			continue
		}
		if in, full := sh.settle(edgeVerdicts(res), txs, owner, t, submitted); full {
			backOff(in)
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
