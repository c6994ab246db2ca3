package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/node"
)

// TestPartitionedValidatorCatchesUp cuts one validator off the other three with proxies on
// every link it has: the three keep committing, the isolated one stalls; after healing it
// catches up to the same AppHashes.
func TestPartitionedValidatorCatchesUp(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-node partition run")
	}
	tn, _ := writeTestnet(t, "--validators", "4")

	// Node 3 reaches the others only through proxies, and they reach it only through one;
	// the three others talk directly. PEX is off so no node learns a way around.
	isolated := 3
	var proxies []*linkProxy
	toIsolated := newLinkProxy(t, tn.Nodes[isolated].P2PListen)
	proxies = append(proxies, toIsolated)
	var isolatedPeers []string
	for i, nd := range tn.Nodes {
		if i == isolated {
			continue
		}
		p := newLinkProxy(t, nd.P2PListen)
		proxies = append(proxies, p)
		isolatedPeers = append(isolatedPeers, peerID(nd.P2PAddress)+"@"+p.addr())
		peers := []string{peerID(tn.Nodes[isolated].P2PAddress) + "@" + toIsolated.addr()}
		for j, other := range tn.Nodes {
			if j != i && j != isolated {
				peers = append(peers, other.P2PAddress)
			}
		}
		require.NoError(t, node.ConfigurePeers(nd.Home, strings.Join(peers, ","), false))
	}
	require.NoError(t, node.ConfigurePeers(tn.Nodes[isolated].Home, strings.Join(isolatedPeers, ","), false))

	procs := startAll(t, tn.Nodes)
	c0, c3 := procs[0].client(t), procs[isolated].client(t)
	require.NoError(t, c3.WaitHeight(context.Background(), 3, 30*time.Second))
	// Votes gossip through any peer, so the three could commit via the isolated node without
	// ever having dialled each other; only a full mesh makes the cut test the right thing.
	for i := range procs {
		waitPeers(t, procs[i], len(procs)-1, 60*time.Second)
	}

	for _, p := range proxies {
		p.sever()
	}
	time.Sleep(2 * time.Second)
	cutAt := status(t, c3).Height
	if err := c0.WaitHeight(context.Background(), cutAt+3, 45*time.Second); err != nil {
		t.Fatalf("the three must keep committing: %v\nnode0 log:\n%s", err, tail(procs[0].logPath, 60))
	}
	require.LessOrEqual(t, status(t, c3).Height, cutAt+1, "the isolated validator cannot commit alone")

	for _, p := range proxies {
		p.heal()
	}
	head := status(t, c0).Height
	require.NoError(t, c3.WaitHeight(context.Background(), head, 90*time.Second), "after healing it catches up")
	require.Equal(t, appHashes(t, c0, head), appHashes(t, c3, head))
}

func peerID(p2pAddress string) string {
	id, _, _ := strings.Cut(p2pAddress, "@")
	return id
}
