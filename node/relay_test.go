package node

import (
	"fmt"
	"testing"
	"time"

	protomem "github.com/cometbft/cometbft/api/cometbft/mempool/v1"
	"github.com/cometbft/cometbft/p2p"
	"github.com/stretchr/testify/require"
)

// Relayed transactions reach CometBFT's reactor in arrival order, each after its signature
// was verified in a batch with whatever queued beside it, and a batch is bounded.
func TestRelayVerifierBatchesInArrivalOrder(t *testing.T) {
	const n = relayBatch + 10
	var verified [][][]byte
	var delivered []string
	done := make(chan struct{})
	quit := make(chan struct{})
	r := &relayVerifier{queue: make(chan p2p.Envelope, n), quit: quit, syncing: func() bool { return false },
		verify: func(raws [][]byte) { verified = append(verified, raws) },
		deliver: func(e p2p.Envelope) {
			delivered = append(delivered, string(e.Message.(*protomem.Txs).Txs[0]))
			if len(delivered) == n {
				close(done)
			}
		}}
	var want []string
	for i := range n {
		want = append(want, fmt.Sprintf("tx%03d", i))
		r.Receive(p2p.Envelope{Message: &protomem.Txs{Txs: [][]byte{[]byte(want[i])}}})
	}
	go r.run()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the worker did not deliver every message")
	}
	close(quit)
	require.Equal(t, want, delivered, "arrival order")
	require.Len(t, verified, 2, "what had queued, in batches of at most relayBatch")
	require.Len(t, verified[0], relayBatch)
	require.Len(t, verified[1], 10)
	require.Equal(t, want[0], string(verified[0][0]))
	require.Equal(t, want[n-1], string(verified[1][9]))
}
