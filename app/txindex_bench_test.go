package app_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// BenchmarkTxIndex measures the transaction index's cost per block of 1,000 transfers:
// building its entries (in FinalizeBlock) and writing them to pebble on disk alone, with
// their own fsync (at Commit they share the state's batch and fsync, so this is an upper
// bound on what they add). Reported per block, with the entries' bytes.
func BenchmarkTxIndex(b *testing.B) {
	const size = 1000
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
	users := make([]*apptest.Key, 50)
	msgs := []*txpb.Msg{apptest.RegisterAsset("CNY", 2, 0)}
	for i := range users {
		users[i] = apptest.NewKey(fmt.Sprintf("bench-%d", i))
		msgs = append(msgs, apptest.RegisterAccount(users[i].PubKey(), 1), apptest.Mint("CNY", users[i].Address, 1<<40))
	}
	if _, err := c.Block(bank.Sign(msgs...)); err != nil {
		b.Fatal(err)
	}
	txs := make([][]byte, size)
	for i := range txs {
		txs[i] = users[i%len(users)].Sign(apptest.Transfer(users[(i+1)%len(users)].Address, "CNY", 1))
	}
	res, err := c.Block(txs...)
	if err != nil {
		b.Fatal(err)
	}
	recs, err := app.IndexRecords(c.Height, txs, nil, res.TxResults)
	if err != nil {
		b.Fatal(err)
	}
	bytes := 0
	for _, r := range recs {
		bytes += len(r.Key) + len(r.Value)
	}
	decoded := make([]*tx.Decoded, len(txs)) // FinalizeBlock has them decoded already
	for i, raw := range txs {
		if decoded[i], err = tx.Decode(raw); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			if _, err := app.IndexRecords(c.Height, txs, decoded, res.TxResults); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(bytes), "index-bytes/block")
	})
	b.Run("write+fsync", func(b *testing.B) {
		for b.Loop() {
			if err := db.WriteIndex(c.Height, recs); err != nil {
				b.Fatal(err)
			}
		}
	})
}
