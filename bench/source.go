package bench

import (
	"context"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	grpcclient "github.com/cometbft/cometbft/rpc/grpc/client"
	"github.com/cometbft/cometbft/types"

	"github.com/puhui-chain/puhui/client"
)

// How a run follows the chain. Two things are kept apart: WHEN a height committed (a cheap
// signal, taken as soon as the node reports it) and WHAT it holds (the block's transactions
// and their result codes, fetched after). A follower that timed each block by when it had
// finished fetching it lagged the chain by tens of seconds when blocks carried thousands of
// transactions through JSON-RPC (block and block_results, encoded by reflection on the node
// and decoded the same way in the bench: a sixth of a validator's CPU, profiled), and every
// latency then counted that lag.

// blockSource is where a run reads committed blocks.
type blockSource interface {
	// heights sends the latest committed height each time it changes, until ctx ends.
	heights(ctx context.Context, out chan<- int64)
	// block returns a committed block's transactions and each one's result code.
	block(ctx context.Context, h int64) ([][]byte, []uint32, error)
}

// rpcSource follows a node through its CometBFT RPC client (in process, or JSON-RPC).
type rpcSource struct{ c *client.Client }

// heights follows the node's new block headers as they are committed. A node that will not
// take the subscription is polled for its status instead: every 5 ms, which was a sixth of
// the followed validator's CPU in a four-validator run (each status reads CometBFT's block
// store and is a JSON-RPC request), where the events cost it nothing measurable.
func (s rpcSource) heights(ctx context.Context, out chan<- int64) {
	if s.subscribe(ctx, out) {
		return
	}
	s.poll(ctx, out)
}

// subscriber is the name a run's subscription goes by on the node.
const subscriber = "puhui-bench"

// subscribe sends the height of each NewBlockHeader event until ctx ends (true), or reports
// false at once if the client cannot subscribe.
func (s rpcSource) subscribe(ctx context.Context, out chan<- int64) bool {
	// The client's websocket stays open for later runs on it: a stopped one cannot restart.
	if ws, ok := s.c.RPC.(*rpchttp.HTTP); ok && !ws.IsRunning() {
		if err := ws.Start(); err != nil {
			return false
		}
	}
	events, err := s.c.RPC.Subscribe(ctx, subscriber, types.QueryForEvent(types.EventNewBlockHeader).String(), 64)
	if err != nil {
		return false
	}
	defer func() { _ = s.c.RPC.UnsubscribeAll(context.Background(), subscriber) }()
	for {
		select {
		case <-ctx.Done():
			return true
		case ev, open := <-events:
			if !open {
				s.poll(ctx, out) // the node dropped the subscription
				return true
			}
			header, ok := ev.Data.(types.EventDataNewBlockHeader)
			if !ok {
				continue
			}
			select {
			case out <- header.Header.Height:
			case <-ctx.Done():
				return true
			}
		}
	}
}

// poll asks the node's status for its latest height every 5 ms.
func (s rpcSource) poll(ctx context.Context, out chan<- int64) {
	tick := time.NewTicker(5 * time.Millisecond) // the error this puts on a latency
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		st, err := s.c.RPC.Status(ctx)
		if err != nil {
			continue
		}
		select {
		case out <- st.SyncInfo.LatestBlockHeight:
		case <-ctx.Done():
			return
		}
	}
}

func (s rpcSource) block(ctx context.Context, h int64) ([][]byte, []uint32, error) {
	b, err := s.c.RPC.Block(ctx, &h)
	if err != nil {
		return nil, nil, err
	}
	res, err := s.c.RPC.BlockResults(ctx, &h)
	if err != nil {
		return nil, nil, err
	}
	txs, codes := unpack(b.Block.Txs, res.TxResults)
	return txs, codes, nil
}

// grpcSource follows a node through CometBFT's gRPC block services: protobuf instead of
// reflected JSON. Heights still come from the RPC's events: the block service's stream of
// new heights (GetLatestHeight) spins on a select with a default case on the node for as
// long as it is open, a third of the validator's CPU (profiled, CometBFT v1.0.1).
type grpcSource struct {
	rpcSource
	c grpcclient.Client
}

// dialGRPC connects to a node's gRPC services (host:port, loopback, no TLS).
func dialGRPC(ctx context.Context, c *client.Client, addr string) (grpcSource, error) {
	g, err := grpcclient.New(ctx, addr, grpcclient.WithInsecure(),
		grpcclient.WithBlockServiceEnabled(true), grpcclient.WithBlockResultsServiceEnabled(true))
	return grpcSource{rpcSource: rpcSource{c: c}, c: g}, err
}

func (s grpcSource) block(ctx context.Context, h int64) ([][]byte, []uint32, error) {
	b, err := s.c.GetBlockByHeight(ctx, h)
	if err != nil {
		return nil, nil, err
	}
	res, err := s.c.GetBlockResults(ctx, h)
	if err != nil {
		return nil, nil, err
	}
	txs, codes := unpack(b.Block.Txs, res.TxResults)
	return txs, codes, nil
}

// unpack is a block's transactions and their result codes, as a run reads them.
func unpack(in types.Txs, results []*abci.ExecTxResult) ([][]byte, []uint32) {
	txs := make([][]byte, len(in))
	for i, t := range in {
		txs[i] = t
	}
	codes := make([]uint32, len(results))
	for i, r := range results {
		codes[i] = r.Code
	}
	return txs, codes
}
