package bench

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/cometbft/cometbft/mempool"
	rpchttp "github.com/cometbft/cometbft/rpc/client/http"

	"github.com/puhui-chain/puhui/client"
)

// The yardstick's best public path: CometBFT's JSON-RPC batch request of broadcast_tx_sync,
// cfg.Batch calls in one HTTP request (the node's rpc.max_request_batch_size must allow it).
// It is for the kvstore example, whose transactions are independent.
//
// The request is written and its answers read here, not with CometBFT's batch client: that
// client fails the WHOLE batch when any one call in it answers an error (it decodes the
// error's empty result as the result), so the first "mempool is full" made every batch fail
// from then on; resent, the calls that had got in answered "already in cache", an error too,
// and the feeding stalled for the rest of the window (26,000 submitted, then nothing).

type rpcCall struct {
	JSONRPC string         `json:"jsonrpc"`
	ID      int            `json:"id"`
	Method  string         `json:"method"`
	Params  map[string]any `json:"params"`
}

type rpcAnswer struct {
	ID     int `json:"id"`
	Result *struct {
		Code uint32 `json:"code"`
	} `json:"result"`
	Error *struct {
		Message string `json:"message"`
		Data    string `json:"data"`
	} `json:"error"`
}

// submitShareRPCBatch is submitShare through JSON-RPC batches; false if it ran out.
func submitShareRPCBatch(ctx context.Context, nodes []*client.Client, streams []Stream, w, n, batch int, t *tracker, submitted *atomic.Int64) bool {
	sh := newShare(streams, w, n)
	if len(sh.mine) == 0 {
		return true
	}
	urls := make([]string, len(nodes))
	for i, c := range nodes {
		rpc, ok := c.RPC.(*rpchttp.HTTP)
		if !ok {
			panic(fmt.Sprintf("JSON-RPC batches need an HTTP client, not %T", c.RPC))
		}
		urls[i] = rpc.Remote()
	}
	for node := 0; ctx.Err() == nil; node = (node + 1) % len(nodes) {
		txs, owner := sh.gather(node, sh.perStream(node, batch), batch, time.Now())
		if len(txs) == 0 {
			if sh.done() {
				return false
			}
			continue
		}
		v, err := broadcastBatch(ctx, urls[node], txs)
		if err != nil {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		if in, full := sh.settle(v, txs, owner, t, submitted); full {
			backOff(in)
		}
	}
	return true
}

// broadcastBatch sends txs as one JSON-RPC batch of broadcast_tx_sync and reads each answer.
func broadcastBatch(ctx context.Context, url string, txs [][]byte) ([]verdict, error) {
	calls := make([]rpcCall, len(txs))
	for i, raw := range txs {
		calls[i] = rpcCall{JSONRPC: "2.0", ID: i, Method: "broadcast_tx_sync",
			Params: map[string]any{"tx": base64.StdEncoding.EncodeToString(raw)}}
	}
	body, err := json.Marshal(calls)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := edgeHTTP.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var answers []rpcAnswer
	if err := json.NewDecoder(resp.Body).Decode(&answers); err != nil {
		return nil, fmt.Errorf("JSON-RPC batch (HTTP %d): %w", resp.StatusCode, err)
	}
	v := make([]verdict, len(txs))
	for i := range v {
		v[i] = busy // an entry without an answer goes again
	}
	for _, a := range answers {
		if a.ID < 0 || a.ID >= len(v) {
			continue
		}
		v[a.ID] = rpcVerdict(a)
	}
	return v, nil
}

func rpcVerdict(a rpcAnswer) verdict {
	switch {
	case a.Result != nil && a.Result.Code == 0:
		return accepted
	case a.Result != nil:
		return refused // the application's CheckTx said no
	case a.Error != nil && strings.Contains(a.Error.Data, mempool.ErrTxInCache.Error()):
		return accepted // an earlier attempt got in
	default:
		return busy // the mempool is full (or the node is briefly unable): again later
	}
}
