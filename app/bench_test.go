package app_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// BenchmarkStateTransition measures the state-transition path alone: blocks of signed
// transfers whose signatures were verified beforehand (as CheckTx does), executed by
// FinalizeBlock (routing, balances, events, state root) and persisted by Commit to pebble on
// disk with fsync. No consensus. Reported as transfers/s.
func BenchmarkStateTransition(b *testing.B) {
	for _, size := range []int{1000, 5000} {
		b.Run(fmt.Sprintf("block=%d", size), func(b *testing.B) { benchBlocks(b, 1000, size) })
	}
}

func benchBlocks(b *testing.B, accounts, blockSize int) {
	db, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	bank := apptest.NewKey("bench-bank")
	c := &apptest.Chain{App: app.New(db, apptest.ChainID, nil), DB: db, Time: apptest.GenesisTime, BlockInterval: time.Second}
	if err := c.Init(apptest.Member{Key: bank, Name: "Bank", Roles: []string{"bank"}}); err != nil {
		b.Fatal(err)
	}
	users := make([]*apptest.Key, accounts)
	var setup [][]byte
	msgs := []*txpb.Msg{apptest.RegisterAsset("CNY", 2, 0)}
	for i := range users {
		users[i] = apptest.NewKey(fmt.Sprintf("bench-%d", i))
		msgs = append(msgs, apptest.RegisterAccount(users[i].PubKey(), 1), apptest.Mint("CNY", users[i].Address, 1<<40))
		if len(msgs) >= 60 {
			setup = append(setup, bank.Sign(msgs...))
			msgs = nil
		}
	}
	setup = append(setup, bank.Sign(msgs...))
	if _, err := c.Block(setup...); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	block := func(round int) [][]byte {
		txs := make([][]byte, blockSize)
		for i := range txs {
			from := users[(round*blockSize+i)%accounts]
			to := users[(round*blockSize+i+1)%accounts]
			txs[i] = from.Sign(apptest.Transfer(to.Address, "CNY", 1))
			// CheckTx verifies and caches the signature, as the mempool does.
			if r, _ := c.App.CheckTx(ctx, &abci.CheckTxRequest{Tx: txs[i]}); r.Code != 0 {
				b.Fatalf("checktx: %s", r.Log)
			}
		}
		return txs
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		txs := block(i)
		b.StartTimer()
		res, err := c.Block(txs...)
		if err != nil {
			b.Fatal(err)
		}
		if r := res.TxResults[blockSize-1]; r.Code != 0 {
			b.Fatalf("transfer failed: %s", r.Log)
		}
	}
	b.ReportMetric(float64(b.N*blockSize)/b.Elapsed().Seconds(), "transfers/s")
}
