package app

import (
	"bytes"
	"log/slog"
	"maps"
	"strings"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/module"
)

// A panic in a handler fails that transaction alone with tx.internal, logged at Error; it
// never unwinds through FinalizeBlock (which would halt every node on the same block).
func TestPanickingMessageFailsItsTransactionOnly(t *testing.T) {
	db, err := store.Open(t.TempDir(), store.Options{})
	require.NoError(t, err)
	defer db.Close()
	var logs bytes.Buffer
	a := New(db, "test-chain", slog.New(slog.NewJSONHandler(&logs, nil)))

	// this application's own router, so the shared one keeps its real handler
	own := *a.router
	own.routes = maps.Clone(a.router.routes)
	a.router = &own
	saved := own.routes["transfer"]
	own.routes["transfer"] = module.Route{Msg: "transfer", Roles: saved.Roles, Exec: func(ctx *core.Context, _ *txpb.Msg) error {
		ctx.KV.Set([]byte("written/before/the/panic"), []byte{1})
		var m map[string]int
		m["boom"]++ // a nil map write: a runtime panic
		return nil
	}}

	var events []abci.Event
	kv := store.NewCache(db.State())
	ctx := &core.Context{KV: kv, Height: 7, BlockTime: time.Unix(1_700_000_000, 0), Signer: "alice", Events: &events}
	d := &tx.Decoded{Hash: []byte{0xAB}, Signer: "alice", Body: &txpb.TxBody{Msgs: []*txpb.Msg{
		{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{To: "bob", Asset: "CNY", Amount: 1}}}}}}
	var res *abci.ExecTxResult
	require.NotPanics(t, func() { res = a.execMsgs(ctx, d) })
	require.NotNil(t, res)
	require.Equal(t, tx.ErrInternal.Codespace, res.Codespace)
	require.Equal(t, errCode(tx.ErrInternal), res.Code)
	require.Contains(t, res.Log, "message 0 (transfer): panic")
	require.Contains(t, logs.String(), `"level":"ERROR"`)
	require.Contains(t, logs.String(), "PANIC while executing a transaction")
	require.True(t, strings.Contains(logs.String(), `"tx":"AB"`), logs.String())

	own.routes["transfer"] = module.Route{Msg: "transfer", Roles: saved.Roles, Exec: func(*core.Context, *txpb.Msg) error { return nil }}
	require.Nil(t, a.execMsgs(ctx, d), "a transaction that succeeds has no failure")
}
