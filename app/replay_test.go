package app_test

import (
	"context"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/x/ledger"
)

// TestCrashBetweenFinalizeAndCommitReplays: a block finalized but not committed leaves no
// trace on disk; after a restart Info reports the previous height and re-executing the same
// block gives the same AppHash and results.
func TestCrashBetweenFinalizeAndCommitReplays(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{})
	require.NoError(t, err)
	bank, alice := apptest.NewKey("bank"), apptest.NewKey("alice")
	c := &apptest.Chain{App: app.New(db, apptest.ChainID, nil), DB: db, Time: apptest.GenesisTime, BlockInterval: 5e9}
	require.NoError(t, c.Init(apptest.Member{Key: bank, Name: "Bank", Roles: []string{"bank"}}))
	c.MustExec(t, bank.Sign(apptest.RegisterAccount(alice.PubKey(), 1), apptest.RegisterAsset("CNY", 2, 0),
		apptest.Mint("CNY", alice.Address, 500)))
	committedHeight, committedRoot := db.LastCommit()

	req := &abci.FinalizeBlockRequest{Height: committedHeight + 1, Time: c.Time.Add(5e9),
		Txs: [][]byte{alice.Sign(apptest.Transfer(bank.Address, "CNY", 200))}}
	first, err := c.App.FinalizeBlock(context.Background(), req)
	require.NoError(t, err)
	require.NoError(t, db.Close()) // the process dies here: no Commit

	db2, err := store.Open(dir, store.Options{})
	require.NoError(t, err)
	defer db2.Close()
	a2 := app.New(db2, apptest.ChainID, nil)
	info, err := a2.Info(context.Background(), &abci.InfoRequest{})
	require.NoError(t, err)
	require.Equal(t, committedHeight, info.LastBlockHeight)
	require.Equal(t, committedRoot, info.LastBlockAppHash)
	require.Equal(t, int64(500), ledger.AvailableOf(db2.State(), alice.Address, "CNY"), "nothing of the block reached disk")

	again, err := a2.FinalizeBlock(context.Background(), req)
	require.NoError(t, err)
	require.Equal(t, first.AppHash, again.AppHash)
	require.Equal(t, first.TxResults[0].Code, again.TxResults[0].Code)
	_, err = a2.Commit(context.Background(), &abci.CommitRequest{})
	require.NoError(t, err)
	require.Equal(t, int64(300), ledger.AvailableOf(db2.State(), alice.Address, "CNY"))
}
