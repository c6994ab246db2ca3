package bench

import (
	"context"
	"crypto/sha256"
	"fmt"
	"sync/atomic"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"

	"github.com/puhui-chain/puhui/client"
)

// The yardstick's best public path: CometBFT's JSON-RPC batch request of broadcast_tx_sync,
// cfg.Batch calls in one HTTP request (the node's rpc.max_request_batch_size must allow it).
// It is for the kvstore example, whose transactions are independent: an entry that did not
// get in (a full mempool answers an error for it alone) is sent again in a later batch.

// submitShareRPCBatch is submitShare through JSON-RPC batches; false if it ran out.
func submitShareRPCBatch(ctx context.Context, nodes []*client.Client, streams []Stream, w, n, batch int, t *tracker, submitted *atomic.Int64) bool {
	var mine []Stream
	for i := w; i < len(streams); i += n {
		mine = append(mine, streams[i])
	}
	if len(mine) == 0 {
		return true
	}
	next := make([]int, len(mine))
	per := max(1, batch/len(mine))
	for node := 0; ctx.Err() == nil; node = (node + 1) % len(nodes) {
		rpc, ok := nodes[node].RPC.(*rpchttp.HTTP)
		if !ok {
			panic(fmt.Sprintf("JSON-RPC batches need an HTTP client, not %T", nodes[node].RPC))
		}
		txs, owner := gather(mine, next, make([]bool, len(mine)), node, per, batch)
		if len(txs) == 0 {
			if allDone(mine, next, make([]bool, len(mine))) {
				return false
			}
			continue
		}
		b := rpc.NewBatch()
		for _, raw := range txs {
			if _, err := b.BroadcastTxSync(ctx, raw); err != nil {
				return true
			}
		}
		now := time.Now()
		results, err := b.Send(ctx)
		if err != nil {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		if accepted, missed := settleRPC(results, txs, owner, next, t, now, submitted); missed {
			backOff(accepted) // some did not get in: the mempool is full
		}
	}
	return true
}

// settleRPC records the accepted entries and advances each stream past its leading accepted
// ones; it reports how many got in and whether any did not.
func settleRPC(results []any, txs [][]byte, owner []int, next []int, t *tracker, sent time.Time, submitted *atomic.Int64) (int, bool) {
	missed, accepted := false, 0
	blocked := map[int]bool{}
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, r := range results {
		res, ok := r.(*ctypes.ResultBroadcastTx)
		k := owner[i]
		if blocked[k] {
			continue
		}
		// An entry answered with an error is left unset (no hash) by the batch client.
		if !ok || len(res.Hash) == 0 || res.Code != 0 {
			missed, blocked[k] = true, true
			continue
		}
		t.submitted[sha256.Sum256(txs[i])] = sent
		submitted.Add(1)
		next[k]++
		accepted++
	}
	return accepted, missed
}
