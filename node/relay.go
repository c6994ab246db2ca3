package node

import (
	protomem "github.com/cometbft/cometbft/api/cometbft/mempool/v1"
	mempl "github.com/cometbft/cometbft/mempool"
	nm "github.com/cometbft/cometbft/node"
	"github.com/cometbft/cometbft/p2p"
)

// Relayed transactions. CometBFT's mempool reactor checks each transaction a peer relays as
// it arrives (one per p2p message), inside that peer's receive routine: every signature is
// verified alone, and the peer's consensus messages (votes, block parts) wait behind the
// checks. On a network every node checks every transaction: at four validators those single
// verifications were the largest item in a node's profile (15% of its CPU).
//
// relayVerifier takes the peers' transaction messages off their receive routines into one
// queue. A worker takes what has queued (up to relayBatch transactions), verifies their
// signatures together (App.PreVerify, which caches them; from 16 on a batch is cheaper per
// signature than one by one, 18 µs instead of 32 at 512), then hands each message to
// CometBFT's reactor in arrival order, which checks them as before. It changes no answer: a
// transaction whose signature fails is refused by CheckTx as it was.

const (
	// relayQueue bounds the messages waiting for the worker; past it a peer's receive routine
	// waits, as it waited for CheckTx before.
	relayQueue = 4096
	// relayBatch bounds one verification batch (about 10 ms of work), so the first of them
	// does not wait long for the last.
	relayBatch = 512
)

type relayVerifier struct {
	*mempl.Reactor
	verify  func(raws [][]byte)
	deliver func(p2p.Envelope) // CometBFT's reactor's Receive
	syncing func() bool        // while catching up the reactor drops what peers relay
	queue   chan p2p.Envelope
	quit    <-chan struct{}
}

// verifyRelayed is a CometBFT node option that puts relayVerifier in front of the node's
// mempool reactor. A node without CometBFT's flooding mempool is left as it is.
func verifyRelayed(verify func(raws [][]byte)) nm.Option {
	return func(n *nm.Node) {
		inner, ok := n.MempoolReactor().(*mempl.Reactor)
		if !ok || verify == nil {
			return
		}
		r := &relayVerifier{Reactor: inner, verify: verify, deliver: inner.Receive, syncing: inner.WaitSync,
			queue: make(chan p2p.Envelope, relayQueue), quit: inner.Quit()}
		sw := n.Switch()
		sw.RemoveReactor("MEMPOOL", inner)
		sw.AddReactor("MEMPOOL", r)
		go r.run()
	}
}

// Receive queues a peer's message for the worker.
func (r *relayVerifier) Receive(e p2p.Envelope) {
	select {
	case r.queue <- e:
	case <-r.quit:
	}
}

func (r *relayVerifier) run() {
	for {
		select {
		case <-r.quit:
			return
		case e := <-r.queue:
			batch := r.gather(e)
			if !r.syncing() {
				r.verify(relayedTxs(batch))
			}
			for _, e := range batch {
				r.deliver(e)
			}
		}
	}
}

// gather takes first and whatever else has queued, up to relayBatch transactions.
func (r *relayVerifier) gather(first p2p.Envelope) []p2p.Envelope {
	batch := []p2p.Envelope{first}
	n := txCount(first)
	for n < relayBatch {
		select {
		case e := <-r.queue:
			batch = append(batch, e)
			n += txCount(e)
		default:
			return batch
		}
	}
	return batch
}

func txCount(e p2p.Envelope) int {
	if m, ok := e.Message.(*protomem.Txs); ok {
		return len(m.Txs)
	}
	return 0
}

func relayedTxs(batch []p2p.Envelope) [][]byte {
	var txs [][]byte
	for _, e := range batch {
		if m, ok := e.Message.(*protomem.Txs); ok {
			txs = append(txs, m.Txs...)
		}
	}
	return txs
}
