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
	c, users := newBenchChain(b, accounts)
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

// newBenchChain is a chain on pebble on disk with a bank and accounts funded in CNY.
func newBenchChain(b *testing.B, accounts int) (*apptest.Chain, []*apptest.Key) {
	db, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
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
	return c, users
}

// BenchmarkMempoolPath measures what a validator does with a transaction it did not receive
// from a client itself, before the block that executes it: verify its signature in a batch
// with others relayed beside it (PreVerify), admit it (CheckTx), check the proposal carrying
// it (ProcessProposal), and recheck it after a block that left it out. Reported per
// transaction.
func BenchmarkMempoolPath(b *testing.B) {
	const accounts, batch = 1000, 256
	c, users := newBenchChain(b, accounts)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		txs := make([][]byte, batch)
		for j := range txs {
			txs[j] = users[j%accounts].Sign(apptest.Transfer(users[(j+1)%accounts].Address, "CNY", 1))
		}
		b.StartTimer()
		c.App.PreVerify(txs)
		for _, raw := range txs {
			if r, _ := c.App.CheckTx(ctx, &abci.CheckTxRequest{Tx: raw}); r.Code != 0 {
				b.Fatalf("checktx: %s", r.Log)
			}
		}
		if r, _ := c.App.ProcessProposal(ctx, &abci.ProcessProposalRequest{Txs: txs}); r.Status != abci.PROCESS_PROPOSAL_STATUS_ACCEPT {
			b.Fatal("proposal refused")
		}
		b.StopTimer()
		if _, err := c.Block(); err != nil { // an empty block: every transaction stays in the mempool
			b.Fatal(err)
		}
		b.StartTimer()
		for _, raw := range txs {
			if r, _ := c.App.CheckTx(ctx, &abci.CheckTxRequest{Tx: raw, Type: abci.CHECK_TX_TYPE_RECHECK}); r.Code != 0 {
				b.Fatalf("recheck: %s", r.Log)
			}
		}
		b.StopTimer()
		if _, err := c.Block(txs...); err != nil { // and then they commit
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*batch), "ns/tx")
}
