package api

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"time"

	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/sse"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
)

// TxEvent is a committed transaction on the event stream.
type TxEvent struct {
	Height int64         `json:"height"`
	Index  uint32        `json:"index"`
	Hash   string        `json:"hash"`
	Code   uint32        `json:"code"`
	Events []query.Event `json:"events"`
}

// Ready is the first message of a stream: the subscription is in place, so nothing
// committed after it is missed.
type Ready struct {
	Kind string `json:"kind"`
}

// BlockEvent is a committed block on the event stream.
type BlockEvent struct {
	Height int64         `json:"height"`
	Time   time.Time     `json:"time"`
	NumTxs int           `json:"num_txs"`
	Events []query.Event `json:"events"` // block-level events (scheduled work)
}

var subscriberSeq atomic.Uint64

func (s *server) registerEvents(api huma.API) {
	sse.Register(api, huma.Operation{
		OperationID: "stream-events", Method: http.MethodGet, Path: "/v1/events",
		Summary: "Live stream of committed transactions and blocks (server-sent events)",
	}, map[string]any{"ready": Ready{}, "tx": TxEvent{}, "block": BlockEvent{}}, func(ctx context.Context, in *struct {
		Kind string `query:"kind" enum:"all,tx,block" default:"all"`
	}, send sse.Sender) {
		s.stream(ctx, in.Kind, send)
	})
}

func (s *server) stream(ctx context.Context, kind string, send sse.Sender) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	name := fmt.Sprintf("api-sse-%d", subscriberSeq.Add(1))
	defer func() { _ = s.Client.RPC.UnsubscribeAll(context.Background(), name) }()
	// CometBFT's query language has no OR: one subscription per event kind.
	var txs, blocks <-chan coretypes.ResultEvent
	var err error
	if kind != "block" {
		if txs, err = s.Client.RPC.Subscribe(ctx, name, "tm.event = 'Tx'", 1000); err != nil {
			return
		}
	}
	if kind != "tx" {
		if blocks, err = s.Client.RPC.Subscribe(ctx, name, "tm.event = 'NewBlock'", 100); err != nil {
			return
		}
	}
	if send.Data(Ready{Kind: kind}) != nil {
		return
	}
	// Idle chains still produce a block every few seconds, which keeps the stream alive.
	for {
		var ev coretypes.ResultEvent
		var ok bool
		select {
		case <-ctx.Done():
			return
		case ev, ok = <-txs:
		case ev, ok = <-blocks:
		}
		if !ok || send.Data(eventPayload(ev)) != nil {
			return
		}
	}
}

func eventPayload(ev coretypes.ResultEvent) any {
	switch d := ev.Data.(type) {
	case cmttypes.EventDataTx:
		return TxEvent{Height: d.Height, Index: d.Index, Hash: tx.HashHex(d.Tx), Code: d.Result.Code, Events: client.Events(d.Result.Events)}
	case cmttypes.EventDataNewBlock:
		return BlockEvent{Height: d.Block.Height, Time: d.Block.Time, NumTxs: len(d.Block.Txs), Events: client.Events(d.ResultFinalizeBlock.Events)}
	}
	return map[string]string{"unknown": fmt.Sprintf("%T", ev.Data)}
}
