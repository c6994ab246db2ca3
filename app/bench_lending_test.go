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

// BenchmarkRepayment compares a block of repayment transactions with a block of plain
// transfers through the same path (FinalizeBlock + Commit on pebble with fsync, signatures
// verified beforehand as CheckTx does): the target is a repayment costing at most 3× a
// transfer. "due" pays part of an overdue instalment (allocation, penalties, days past due);
// "prepay" pays ahead of the schedule, which re-amortises the rest with the schedule engine.
func BenchmarkRepayment(b *testing.B) {
	const loans = 1000
	b.Run("transfer", func(b *testing.B) { benchBlocks(b, loans, loans) })
	for _, kind := range []string{"due", "prepay"} {
		b.Run(kind, func(b *testing.B) { benchRepay(b, loans, kind) })
	}
}

func benchRepay(b *testing.B, loans int, kind string) {
	c, borrowers := loanChain(b, loans, kind == "due")
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		txs := make([][]byte, loans)
		for j, k := range borrowers {
			txs[j] = k.Sign(apptest.RepayLoan(uint64(j+1), 100))
			if r, _ := c.App.CheckTx(ctx, &abci.CheckTxRequest{Tx: txs[j]}); r.Code != 0 {
				b.Fatalf("checktx: %s", r.Log)
			}
		}
		b.StartTimer()
		res, err := c.Block(txs...)
		if err != nil {
			b.Fatal(err)
		}
		if r := res.TxResults[loans-1]; r.Code != 0 {
			b.Fatalf("repayment failed: %s", r.Log)
		}
	}
	b.ReportMetric(float64(b.N*loans)/b.Elapsed().Seconds(), "repayments/s")
}

// loanChain opens one 52-week loan per borrower on a chain over pebble on disk. With
// overdue, the borrowers empty their accounts before the first due date and get money back
// after it, so their first instalment stays overdue and every repayment pays part of it.
func loanChain(b *testing.B, loans int, overdue bool) (*apptest.Chain, []*apptest.Key) {
	db, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	bank, sink := apptest.NewKey("bench-bank"), apptest.NewKey("bench-sink")
	c := &apptest.Chain{App: app.New(db, apptest.ChainID, nil), DB: db, Time: apptest.GenesisTime, BlockInterval: time.Second}
	if err := c.Init(apptest.Member{Key: bank, Name: "Bank", Roles: []string{"bank"}}); err != nil {
		b.Fatal(err)
	}
	product := &txpb.LoanProduct{Name: "weekly", Asset: "CNY", MinPrincipal: 1000, MaxPrincipal: 10_000_000,
		MinPeriods: 4, MaxPeriods: 104, Frequency: "weeks", AnnualRatePercent: "26", PenaltyBpsPerDay: 10}
	mustBlock(b, c, bank.Sign(apptest.RegisterAsset("CNY", 2, 0), apptest.Mint("CNY", bank.Address, 1<<50),
		apptest.RegisterAccount(sink.PubKey(), 1), apptest.RegisterProduct(product)))
	borrowers := make([]*apptest.Key, loans)
	var txs [][]byte
	for i := range borrowers {
		borrowers[i] = apptest.NewKey(fmt.Sprintf("bench-borrower-%d", i))
		txs = append(txs, bank.Sign(apptest.RegisterAccount(borrowers[i].PubKey(), 2)))
	}
	mustBlock(b, c, txs...)
	txs = txs[:0]
	for _, k := range borrowers {
		txs = append(txs, k.Sign(apptest.ApplyLoan(1, 1_000_000, 52)))
	}
	mustBlock(b, c, txs...)
	var decisions []*txpb.Msg
	for i := range borrowers {
		decisions = append(decisions, apptest.DecideLoan(uint64(i+1), true, ""), apptest.DisburseLoan(uint64(i+1)))
		if len(decisions) == 60 || i == len(borrowers)-1 {
			mustBlock(b, c, bank.Sign(decisions...))
			decisions = nil
		}
	}
	if overdue {
		txs = txs[:0]
		for _, k := range borrowers {
			txs = append(txs, k.Sign(apptest.Transfer(sink.Address, "CNY", 1_000_000)))
		}
		mustBlock(b, c, txs...)
		c.Time = c.Time.Add(9 * 24 * time.Hour) // past the first due date
		mustBlock(b, c)
		txs = txs[:0]
		for _, k := range borrowers {
			txs = append(txs, sink.Sign(apptest.Transfer(k.Address, "CNY", 1_000_000)))
		}
		mustBlock(b, c, txs...)
	}
	return c, borrowers
}

func mustBlock(b *testing.B, c *apptest.Chain, txs ...[]byte) {
	b.Helper()
	res, err := c.Block(txs...)
	if err != nil {
		b.Fatal(err)
	}
	for i, r := range res.TxResults {
		if r.Code != 0 {
			b.Fatalf("setup tx %d: %s", i, r.Log)
		}
	}
}
