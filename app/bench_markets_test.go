package app_test

import (
	"context"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/escrow"
	"github.com/puhui-chain/puhui/x/offering"
)

// BenchmarkMarkets measures a pledge and a swap the way BenchmarkSCF measures its messages
// (signatures verified by CheckTx beforehand, FinalizeBlock and Commit to pebble on disk), one
// block of 500 per iteration, next to a plain transfer. A pledge places a hold and checks the
// investor; a swap's acceptance moves both legs (a transfer and a hold's capture).
func BenchmarkMarkets(b *testing.B) {
	for _, op := range []string{"transfer", "pledge", "swap_propose", "swap_accept"} {
		b.Run(op, func(b *testing.B) { benchMarkets(b, op, 500) })
	}
}

func benchMarkets(b *testing.B, op string, size int) {
	s := newSCFBench(b, size)
	s.block(b, s.bank.Sign(apptest.RegisterAsset("USD", 2, 0)), s.core.Sign(apptest.RegisterAsset("NOTE", 2, 0)))
	var mints []*txpb.Msg
	for i, k := range s.users {
		if mints = append(mints, apptest.Mint("USD", k.Address, 1<<30)); len(mints) == 60 || i == len(s.users)-1 {
			s.block(b, s.bank.Sign(mints...))
			mints = nil
		}
	}
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		txs := marketTxs(b, s, op, size)
		for _, raw := range txs {
			if r, _ := s.c.App.CheckTx(context.Background(), &abci.CheckTxRequest{Tx: raw}); r.Code != 0 {
				b.Fatalf("checktx: %s", r.Log)
			}
		}
		start := time.Now()
		res, err := s.c.Block(txs...)
		elapsed += time.Since(start)
		if err != nil || res.TxResults[size-1].Code != 0 {
			b.Fatalf("%s failed: %v %v", op, err, res.TxResults[size-1].Log)
		}
	}
	b.ReportMetric(float64(b.N*size)/elapsed.Seconds(), "msgs/s")
}

// marketTxs builds one block of op (and runs its untimed setup block).
func marketTxs(b *testing.B, s *scfBench, op string, size int) [][]byte {
	now := s.c.Time.Unix()
	next := func(j int) string { return s.users[(j+1)%size].Address }
	switch op {
	case "transfer":
		return s.each(func(j int, k *apptest.Key) []byte { return k.Sign(apptest.Transfer(next(j), "CNY", 1)) })
	case "pledge":
		s.block(b, s.core.Sign(tx.Wrap(&txpb.MsgCreateOffering{Asset: "NOTE", SettlementAsset: "CNY", Price: 100,
			SoftCap: 1, HardCap: 1 << 40, MinUnits: 1, MaxUnits: 1 << 30, OpensAt: now, ClosesAt: now + 86400})))
		id := offering.ListOfferings(s.c.State())[len(offering.ListOfferings(s.c.State()))-1].Id
		return s.each(func(j int, k *apptest.Key) []byte {
			return k.Sign(tx.Wrap(&txpb.MsgPledge{OfferingId: id, Units: 100}))
		})
	}
	propose := s.each(func(j int, k *apptest.Key) []byte {
		return k.Sign(tx.Wrap(&txpb.MsgProposeSwap{Counterparty: next(j), GiveAsset: "CNY", GiveAmount: 7_100,
			WantAsset: "USD", WantAmount: 1_000, ExpiresAt: now + 3600}))
	})
	if op == "swap_propose" {
		return propose
	}
	s.block(b, propose...)
	swaps := escrow.ListSwaps(s.c.State())
	swaps = swaps[len(swaps)-size:]
	return s.each(func(j int, _ *apptest.Key) []byte {
		sw := swaps[j]
		for _, k := range s.users {
			if k.Address == sw.Terms.Counterparty {
				return k.Sign(tx.Wrap(&txpb.MsgAcceptSwap{SwapId: sw.Id}))
			}
		}
		b.Fatal("no counterparty key")
		return nil
	})
}
