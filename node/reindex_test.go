package node_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/fullnode"
	"github.com/puhui-chain/puhui/node"
	"github.com/puhui-chain/puhui/node/nodetest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// TestIndexGapAndReindex: a home whose index lacks committed heights (one from before the
// node kept its own index) is filled at start from the block store, and `puhui reindex`
// rebuilds a cleared index; either way every transaction is found again as it was.
func TestIndexGapAndReindex(t *testing.T) {
	n := nodetest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var want []*client.TxResult
	for i := range 3 {
		r, err := n.Client.Send(ctx, n.Operator, "", &txpb.Msg{Sum: &txpb.Msg_RegisterAsset{RegisterAsset: &txpb.MsgRegisterAsset{
			Code: []string{"CNY", "USD", "EUR"}[i], Name: "money", Scale: 2}}})
		require.NoError(t, err)
		require.True(t, r.OK(), r.Log)
		got, err := n.Client.Tx(ctx, r.Hash)
		require.NoError(t, err)
		want = append(want, got)
	}
	home := n.Home
	require.NoError(t, n.Stop())

	clearIndex(t, home)
	n2 := restart(t, home)
	requireFound(t, n2, want)
	require.NoError(t, n2.Stop())

	clearIndex(t, home)
	height, err := node.Reindex(home, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	require.GreaterOrEqual(t, height, want[2].Height)
	n3 := restart(t, home)
	requireFound(t, n3, want)
	require.NoError(t, n3.Stop())
}

func clearIndex(t *testing.T, home string) {
	t.Helper()
	db, err := store.Open(filepath.Join(home, "data", "puhui-state.db"), store.Options{})
	require.NoError(t, err)
	require.NoError(t, db.ClearIndex())
	require.Zero(t, db.IndexedHeight())
	require.NoError(t, db.Close())
}

func restart(t *testing.T, home string) *node.Node {
	t.Helper()
	n, err := fullnode.Start(context.Background(), home, node.Overrides{Log: io.Discard})
	require.NoError(t, err)
	t.Cleanup(func() { _ = n.Stop() })
	return n
}

func requireFound(t *testing.T, n *node.Node, want []*client.TxResult) {
	t.Helper()
	c := client.New(n.Client, n.ChainID)
	for _, w := range want {
		got, err := c.Tx(context.Background(), w.Hash)
		require.NoError(t, err, w.Hash)
		require.Equal(t, w, got)
	}
}
