package e2e

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// TestNetworkedNodeKeepsMempoolRoomForPeers: a validator with peers admits batch submissions
// only up to its mempool_local_share_percent of the mempool (here 1% of 8,000: 80) and answers
// the rest api.mempool_full, keeping the remainder for transactions its peers relay. What it
// admitted commits, and the refused ones go in when sent again.
func TestNetworkedNodeKeepsMempoolRoomForPeers(t *testing.T) {
	tn, _ := writeTestnet(t, "--validators", "2")
	replaceInFile(t, filepath.Join(tn.Nodes[0].Home, "config", "app.toml"),
		"mempool_local_share_percent = 0", "mempool_local_share_percent = 1")
	procs := startAll(t, tn.Nodes)
	for _, p := range procs {
		waitPeers(t, p, 1, 60*time.Second)
	}
	c0 := procs[0].client(t)
	user := fundUsers(t, c0, operatorOf(t, tn.Nodes[0].Home), 1)[0]
	ctx := context.Background()
	next, err := c0.NextNonce(ctx, user.Address())
	require.NoError(t, err)
	bob := client.NewSigner(newPriv())
	var txs [][]byte
	for i := range 400 {
		raw, err := user.Sign(tn.ChainID, next+uint64(i), "", &txpb.Msg{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{
			To: bob.Address(), Asset: "CNY", Amount: 1}}})
		require.NoError(t, err)
		txs = append(txs, raw)
	}

	api := "http://" + procs[0].api
	got, err := client.SubmitBatch(ctx, http.DefaultClient, api, txs)
	require.NoError(t, err)
	admitted := 0
	for admitted < len(got.Results) && got.Results[admitted].Accepted {
		admitted++
	}
	require.GreaterOrEqual(t, admitted, 80, "up to the local share the batch is admitted")
	require.Less(t, admitted, len(txs), "past it the node keeps room for its peers")
	require.Equal(t, "api.mempool_full", got.Results[admitted].Code, got.Results[admitted].Detail)

	// Sent again as the blocks make room, in order, the rest all get in and commit.
	rest := txs[admitted:]
	deadline := time.Now().Add(60 * time.Second)
	for len(rest) > 0 && time.Now().Before(deadline) {
		got, err := client.SubmitBatch(ctx, http.DefaultClient, api, rest)
		require.NoError(t, err)
		in := 0
		for in < len(got.Results) && got.Results[in].Accepted {
			in++
		}
		if in < len(got.Results) {
			require.Equal(t, "api.mempool_full", got.Results[in].Code, got.Results[in].Detail)
		}
		rest = rest[in:]
		time.Sleep(100 * time.Millisecond)
	}
	require.Empty(t, rest, "every refused transaction gets in when sent again")
	require.Eventually(t, func() bool {
		n, err := c0.NextNonce(ctx, user.Address())
		return err == nil && n == next+uint64(len(txs))
	}, 30*time.Second, 200*time.Millisecond, "all 400 transfers commit")
}
