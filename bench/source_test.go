package bench

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/node"
	"github.com/puhui-chain/puhui/node/nodetest"
)

// A run learns committed heights from the node's NewBlockHeader events, in process and over
// JSON-RPC's websocket, and a second run on the same client subscribes again (a stopped
// websocket could not restart); polling the status is only the fallback.
func TestHeightsFollowEvents(t *testing.T) {
	local, remote := startNode(t)
	for _, c := range []*client.Client{local, remote, remote} {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		out := make(chan int64, 64)
		subscribed := make(chan bool, 1)
		go func() { subscribed <- rpcSource{c: c}.subscribe(ctx, out) }()
		first := <-out
		next := <-out
		cancel()
		require.True(t, <-subscribed, "the heights came from the subscription, not the fallback")
		require.Equal(t, first+1, next, "each committed height is reported")
	}
}

// startNode starts a node whose CometBFT RPC listens on a known loopback port, and returns
// an in-process client of it and one over JSON-RPC, as an external client has.
func startNode(t *testing.T) (local, remote *client.Client) {
	ports, err := node.FreePorts(3)
	require.NoError(t, err)
	n := nodetest.StartOn(t, ports[0], ports[1], ports[2])
	remote, err = client.Dial(context.Background(), "http://"+ports[1])
	require.NoError(t, err)
	return n.Client, remote
}
