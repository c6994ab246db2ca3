package app_test

import (
	"context"
	"encoding/json"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
)

func indexQuery(t *testing.T, a *app.App, path, arg string, out any) *abci.QueryResponse {
	t.Helper()
	res, err := a.Query(context.Background(), &abci.QueryRequest{Path: path, Data: []byte(arg)})
	require.NoError(t, err)
	if res.Code == 0 {
		require.NoError(t, json.Unmarshal(res.Value, out))
	}
	return res
}

// TestTxIndexIsWrittenWithTheBlock: a committed transaction (successful or failed) is found
// by hash and under every account it touched from the moment its block commits, and after
// a reopen; one finalized but not committed is not; the listing pages newest first.
func TestTxIndexIsWrittenWithTheBlock(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{})
	require.NoError(t, err)
	bank, alice := apptest.NewKey("bank"), apptest.NewKey("alice")
	c := &apptest.Chain{App: app.New(db, apptest.ChainID, nil), DB: db, Time: apptest.GenesisTime, BlockInterval: 5e9}
	require.NoError(t, c.Init(apptest.Member{Key: bank, Name: "Bank", Roles: []string{"bank"}}))
	c.MustExec(t, bank.Sign(apptest.RegisterAccount(alice.PubKey(), 1), apptest.RegisterAsset("CNY", 2, 0),
		apptest.Mint("CNY", alice.Address, 100_000)))
	require.Equal(t, c.Height, db.IndexedHeight(), "a fresh chain is indexed from its first block")

	var hashes []string
	for b := 0; b < 3; b++ {
		var txs [][]byte
		for range 25 {
			raw := alice.Sign(apptest.Transfer(bank.Address, "CNY", 1))
			txs = append(txs, raw)
			hashes = append(hashes, tx.HashHex(raw))
		}
		overdraw := alice.Sign(apptest.Transfer(bank.Address, "CNY", 1_000_000))
		txs = append(txs, overdraw)
		hashes = append(hashes, tx.HashHex(overdraw))
		res, err := c.Block(txs...)
		require.NoError(t, err)
		require.NotZero(t, res.TxResults[len(txs)-1].Code)
	}

	var got query.Tx
	require.Zero(t, indexQuery(t, c.App, query.PathTx, hashes[30], &got).Code)
	require.Equal(t, query.Tx{Hash: hashes[30], Height: c.Height - 1, Index: 4, Events: got.Events}, got)
	require.NotEmpty(t, got.Events)
	var failed query.Tx
	require.Zero(t, indexQuery(t, c.App, query.PathTx, hashes[25], &failed).Code)
	require.NotZero(t, failed.Code, "a failed transaction is indexed with its code")
	require.Equal(t, uint32(25), failed.Index)

	pending := alice.Sign(apptest.Transfer(bank.Address, "CNY", 1))
	_, err = c.App.FinalizeBlock(context.Background(), &abci.FinalizeBlockRequest{Height: c.Height + 1, Time: c.Time.Add(5e9), Txs: [][]byte{pending}})
	require.NoError(t, err)
	res := indexQuery(t, c.App, query.PathTx, tx.HashHex(pending), &got)
	require.Equal(t, tx.ErrNotFound.Code, res.Code, "finalized is not committed")
	require.Equal(t, "tx", res.Codespace)
	require.NoError(t, db.Close()) // crash before Commit

	db2, err := store.Open(dir, store.Options{})
	require.NoError(t, err)
	defer db2.Close()
	a2 := app.New(db2, apptest.ChainID, nil)
	require.Equal(t, c.Height, db2.IndexedHeight())
	for _, h := range hashes {
		var tr query.Tx
		require.Zero(t, indexQuery(t, a2, query.PathTx, h, &tr).Code, h)
	}
	require.Equal(t, tx.ErrNotFound.Code, indexQuery(t, a2, query.PathTx, tx.HashHex(pending), &got).Code)
	require.Equal(t, tx.ErrInvalidField.Code, indexQuery(t, a2, query.PathTx, "nothex", &got).Code)

	// The recipient (named by the transfers' events) sees them too, newest first, in pages.
	var page query.AccountTxs
	require.Zero(t, indexQuery(t, a2, query.PathAccountTxs, bank.Address, &page).Code)
	require.Len(t, page.Txs, query.MaxAccountTxs)
	require.Equal(t, hashes[len(hashes)-2], page.Txs[0].Hash, "newest successful transfer first (the overdraft names no recipient)")
	require.NotEmpty(t, page.Next)
	var rest query.AccountTxs
	require.Zero(t, indexQuery(t, a2, query.PathAccountTxs, page.Next, &rest).Code)
	require.Len(t, rest.Txs, 75+1-query.MaxAccountTxs, "75 transfers and the setup it signed")
	require.Empty(t, rest.Next)

	var mine query.AccountTxs
	require.Zero(t, indexQuery(t, a2, query.PathAccountTxs, alice.Address, &mine).Code)
	require.Equal(t, hashes[len(hashes)-1], mine.Txs[0].Hash, "the signer sees its failed transaction too")
}
