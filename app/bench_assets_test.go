package app_test

import (
	"context"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// BenchmarkAssetsTransfer compares a transfer of an asset with five rules (KYC level, holder
// count, balance per holder, supply, lock-up) with a plain transfer, measured as
// BenchmarkSCF measures (CheckTx first; FinalizeBlock and Commit timed), 500 transfers a
// block. The target: the ruled transfer costs at most 1.5× the plain one.
func BenchmarkAssetsTransfer(b *testing.B) {
	for _, asset := range []string{"CNY", "NOTE"} {
		b.Run(asset, func(b *testing.B) { benchRuledTransfer(b, asset, 500) })
	}
}

func benchRuledTransfer(b *testing.B, asset string, size int) {
	s := newSCFBench(b, size)
	msgs := []*txpb.Msg{tx.Wrap(&txpb.MsgRegisterRuledAsset{Code: "NOTE", Name: "bench note", Scale: 2,
		Rules: &txpb.AssetRuleSet{MinKycLevel: 1, MaxHolders: 100_000, MaxBalance: 1 << 40, MaxSupply: 1 << 50, LockupSeconds: 1}})}
	var setup [][]byte
	for _, k := range s.users {
		msgs = append(msgs, apptest.Mint("NOTE", k.Address, 1<<30))
		if len(msgs) >= 60 {
			setup, msgs = append(setup, s.bank.Sign(msgs...)), nil
		}
	}
	s.block(b, append(setup, s.bank.Sign(msgs...))...)
	s.c.Time = s.c.Time.Add(time.Minute) // the minted lots unlock
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		txs := s.each(func(j int, k *apptest.Key) []byte {
			return k.Sign(apptest.Transfer(s.users[(j+1)%size].Address, asset, 1))
		})
		for _, raw := range txs {
			if r, _ := s.c.App.CheckTx(context.Background(), &abci.CheckTxRequest{Tx: raw}); r.Code != 0 {
				b.Fatalf("checktx: %s", r.Log)
			}
		}
		start := time.Now()
		res, err := s.c.Block(txs...)
		elapsed += time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range res.TxResults {
			if r.Code != 0 {
				b.Fatalf("transfer failed: %s", r.Log)
			}
		}
	}
	b.ReportMetric(float64(b.N*size)/elapsed.Seconds(), "msgs/s")
}
