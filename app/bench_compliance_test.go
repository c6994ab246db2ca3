package app_test

import (
	"context"
	"fmt"
	"syscall"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/compliance"
	"github.com/puhui-chain/puhui/x/ledger"
)

// benchRules are ten monitoring rules of the kinds a regulator registers; none fires on the
// benchmark's 0.01 transfers, so each is evaluated in full on every movement.
var benchRules = []string{
	`amount >= 5000000 && from_kind == "natural"`,
	`cross_border && amount >= 2000000`,
	compliance.StructuringRule,
	`from_count_7d > 10000`,
	`to_in_day > 1000000000000000`,
	`from_out_day > 1000000000000000 && from_kind == "legal"`,
	`from_idle_days > 180 && amount >= 1000000`,
	`to_age_days == 0 && amount >= 10000000`,
	`cash && amount >= 4500000`,
	`from_out_7d > 5000000000000000 || to_in_7d > 5000000000000000`,
}

// BenchmarkScreenedTransfer compares blocks of transfers (as BenchmarkStateTransition runs
// them) without the compliance hook, with the hook and no rules (counters and large-value
// checks only), and with ten rules. The target: ten rules cost at most 1.5× the
// unscreened transfer.
func BenchmarkScreenedTransfer(b *testing.B) {
	for _, mode := range []string{"unscreened", "rules=0", "rules=10"} {
		b.Run(mode, func(b *testing.B) { benchScreened(b, mode, 1000, 1000) })
	}
}

func benchScreened(b *testing.B, mode string, accounts, blockSize int) {
	db, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	bank, regulator := apptest.NewKey("bench-bank"), apptest.NewKey("bench-regulator")
	c := &apptest.Chain{App: app.New(db, apptest.ChainID, nil), DB: db, Time: apptest.GenesisTime, BlockInterval: time.Second}
	if mode == "unscreened" {
		ledger.Use() // the application wired the compliance hook; take it off
		defer ledger.Use(compliance.Hook{})
	}
	if err := c.Init(apptest.Member{Key: bank, Name: "Bank", Roles: []string{"bank"}},
		apptest.Member{Key: regulator, Name: "Regulator", Roles: []string{"regulator"}}); err != nil {
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
	if mode == "rules=10" {
		var rules []*txpb.Msg
		for i, expr := range benchRules {
			rules = append(rules, tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: fmt.Sprintf("r%d", i), Expression: expr,
				Outcome: "alert", Code: "b", Reason: "bench"}))
		}
		setup = append(setup, regulator.Sign(rules...))
	}
	res, err := c.Block(setup...)
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range res.TxResults {
		if r.Code != 0 {
			b.Fatalf("setup: %s", r.Log)
		}
	}
	ctx := context.Background()
	var cpu time.Duration // process CPU time in the timed blocks: robust when other work shares the cores
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		txs := make([][]byte, blockSize)
		for j := range txs {
			from, to := users[(i*blockSize+j)%accounts], users[(i*blockSize+j+1)%accounts]
			txs[j] = from.Sign(apptest.Transfer(to.Address, "CNY", 1))
			if r, _ := c.App.CheckTx(ctx, &abci.CheckTxRequest{Tx: txs[j]}); r.Code != 0 {
				b.Fatalf("checktx: %s", r.Log)
			}
		}
		b.StartTimer()
		before := cpuTime()
		res, err := c.Block(txs...)
		cpu += cpuTime() - before
		if err != nil {
			b.Fatal(err)
		}
		if r := res.TxResults[blockSize-1]; r.Code != 0 {
			b.Fatalf("transfer failed: %s", r.Log)
		}
	}
	b.ReportMetric(float64(b.N*blockSize)/b.Elapsed().Seconds(), "transfers/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N*blockSize), "cpu-µs/transfer")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
