package node

import (
	"errors"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/mempool"
	"github.com/cometbft/cometbft/types"
)

// ErrCatchingUp refuses a submission while the node is still syncing: its mempool admits
// nothing until it has caught up (as CometBFT's broadcast refuses then).
var ErrCatchingUp = errors.New("the node is catching up; its mempool admits transactions once it has")

// CheckTx admits a transaction to the node's mempool in process and returns the
// application's answer. It is what a broadcast does, without the RPC layer's goroutine and
// channels: the API's batch submission calls it once per transaction, in order. A refusal by
// the mempool itself (already seen, full, too large) is the error; so is a full local share
// of the mempool while the node has peers (keepPeerRoom), answered as a full mempool.
func (n *Node) CheckTx(raw []byte) (*abci.CheckTxResponse, error) {
	if r, ok := n.Comet.MempoolReactor().(interface{ WaitSync() bool }); ok && r.WaitSync() {
		return nil, ErrCatchingUp
	}
	if err := n.keepPeerRoom(); err != nil {
		return nil, err
	}
	rr, err := n.Comet.Mempool().CheckTx(types.Tx(raw), "")
	if err == nil {
		rr.Wait()
		err = rr.Error()
	}
	// CometBFT v1 reports the application's refusal as an error too: give it back as the
	// application's answer, with its code.
	var refused mempool.ErrInvalidTx
	if errors.As(err, &refused) {
		return &abci.CheckTxResponse{Code: refused.Code, Codespace: refused.Codespace, Log: refused.Log}, nil
	}
	if err != nil {
		return nil, err
	}
	return rr.Response.GetCheckTx(), nil
}

// Room is how many more transactions the mempool would take from this node's API now (see
// localLimit). A batch submission verifies only that many signatures ahead (the rest would
// be refused as busy).
func (n *Node) Room() int {
	return max(0, n.localLimit()-n.Comet.Mempool().Size())
}

// localLimit is how many transactions the mempool may hold for the API to admit more: the
// mempool's size, or while the node has peers its local share (localMempoolLimit).
func (n *Node) localLimit() int {
	size := n.Comet.Config().Mempool.Size
	if peers := n.Comet.Switch().Peers().Size(); peers > 0 {
		return localMempoolLimit(n.localSharePercent, size, peers)
	}
	return size
}

// keepPeerRoom refuses a local submission, as a full mempool does, once the mempool holds
// its local limit: the rest of it is room for the transactions the node's peers relay.
func (n *Node) keepPeerRoom() error {
	mp := n.Comet.Mempool()
	if limit, size := n.localLimit(), mp.Size(); size >= limit {
		return mempool.ErrMempoolIsFull{NumTxs: size, MaxTxs: limit, TxsBytes: mp.SizeBytes()}
	}
	return nil
}
