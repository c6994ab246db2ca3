package app_test

import (
	"context"
	"crypto/sha256"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// BenchmarkTrust measures trust messages the way BenchmarkSCF does, next to a transfer: a
// block of donations (each supplier gives one minor unit to one charity project) and a block
// of tranche releases (one approved tranche in each of as many projects, each attributed to
// its donation first in, first out). Short runs: -benchtime=3x.
func BenchmarkTrust(b *testing.B) {
	for _, op := range []string{"transfer", "donation", "release"} {
		b.Run(op, func(b *testing.B) { benchTrust(b, op, 300) })
	}
}

func benchCharity(s *scfBench, recipient string) *txpb.Msg {
	return tx.Wrap(&txpb.MsgCreateTrust{Terms: &txpb.TrustTerms{Name: "bench", Kind: txpb.TrustKind_TRUST_KIND_CHARITY, Asset: "CNY",
		Settlor: s.core.Address, Supervisor: s.bank.Address, Target: 1_000,
		Tranches: []*txpb.Tranche{{Amount: 1_000, Recipient: recipient}}, Ending: txpb.TrustEnding_TRUST_ENDING_REFUND}})
}

// trustTxs builds the timed block of op; untimed setup blocks run first.
func (s *scfBench) trustTxs(b *testing.B, op string, round int) [][]byte {
	size := len(s.users)
	switch op {
	case "transfer":
		return s.each(func(j int, k *apptest.Key) []byte {
			return k.Sign(apptest.Transfer(s.users[(j+1)%size].Address, "CNY", 1))
		})
	case "donation":
		if round == 0 {
			s.block(b, s.bank.Sign(benchCharity(s, s.core.Address)))
		}
		return s.each(func(_ int, k *apptest.Key) []byte { return k.Sign(tx.Wrap(&txpb.MsgContribute{TrustId: 1, Amount: 1})) })
	}
	first := uint64(round*size) + 1
	s.block(b, s.each(func(_ int, k *apptest.Key) []byte { return s.bank.Sign(benchCharity(s, k.Address)) })...)
	s.block(b, s.each(func(j int, k *apptest.Key) []byte {
		return k.Sign(tx.Wrap(&txpb.MsgContribute{TrustId: first + uint64(j), Amount: 1_000}))
	})...)
	h := sha256.Sum256([]byte("bench receipt"))
	s.block(b, s.each(func(j int, _ *apptest.Key) []byte {
		return s.bank.Sign(tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: first + uint64(j), Tranche: 1, EvidenceHashes: [][]byte{h[:]}}),
			tx.Wrap(&txpb.MsgDecideEvidence{TrustId: first + uint64(j), Tranche: 1, Approve: true}))
	})...)
	return s.each(func(j int, _ *apptest.Key) []byte {
		return s.bank.Sign(tx.Wrap(&txpb.MsgReleaseTranche{TrustId: first + uint64(j), Tranche: 1}))
	})
}

func benchTrust(b *testing.B, op string, size int) {
	s := newSCFBench(b, size)
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		txs := s.trustTxs(b, op, i)
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
