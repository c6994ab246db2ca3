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
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/scf"
	xsched "github.com/puhui-chain/puhui/x/scheduler"
)

// BenchmarkSCF measures supply-chain messages the way BenchmarkStateTransition measures
// transfers (signatures verified by CheckTx beforehand, FinalizeBlock and Commit to pebble
// on disk), one block of each per iteration; the target is at most 2× a transfer's cost,
// the transfer measured here after the same setup blocks (see benchSCF).
// "maturity" settles 10,000 live parts falling due in one block (the per-block bound).
func BenchmarkSCF(b *testing.B) {
	for _, op := range []string{"transfer", "issue", "split", "pass_on", "finance"} {
		b.Run(op, func(b *testing.B) { benchSCF(b, op, 500) })
	}
	b.Run("maturity", benchMaturity)
	b.Run("mix", benchMix)
}

type scfBench struct {
	c          *apptest.Chain
	bank, core *apptest.Key
	users      []*apptest.Key
	docs       uint64
}

func newSCFBench(b *testing.B, users int) *scfBench {
	db, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	s := &scfBench{bank: apptest.NewKey("bench-bank"), core: apptest.NewKey("bench-core")}
	s.c = &apptest.Chain{App: app.New(db, apptest.ChainID, nil), DB: db, Time: apptest.GenesisTime, BlockInterval: time.Second}
	if err := s.c.Init(apptest.Member{Key: s.bank, Name: "Bank", Roles: []string{"bank"}},
		apptest.Member{Key: s.core, Name: "Core", Roles: []string{"enterprise"}}); err != nil {
		b.Fatal(err)
	}
	msgs := []*txpb.Msg{apptest.RegisterAsset("CNY", 2, 0), apptest.Mint("CNY", s.bank.Address, 1<<50),
		tx.Wrap(&txpb.MsgGrantCreditLine{Enterprise: s.core.Address, Asset: "CNY", Limit: 1 << 50, ExpiresAt: 1 << 40})}
	var setup [][]byte
	for i := 0; i < users; i++ {
		k := apptest.NewKey(fmt.Sprintf("bench-supplier-%d", i))
		s.users = append(s.users, k)
		msgs = append(msgs, apptest.RegisterAccount(k.PubKey(), 1), apptest.Mint("CNY", k.Address, 1<<30))
		if len(msgs) >= 60 {
			setup, msgs = append(setup, s.bank.Sign(msgs...)), nil
		}
	}
	s.block(b, append(setup, s.bank.Sign(msgs...))...)
	return s
}

// block runs one untimed setup block and fails on any refusal.
func (s *scfBench) block(b *testing.B, txs ...[]byte) {
	res, err := s.c.Block(txs...)
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range res.TxResults {
		if r.Code != 0 {
			b.Fatalf("tx failed: %s", r.Log)
		}
	}
}

// each signs one transaction per supplier.
func (s *scfBench) each(f func(i int, k *apptest.Key) []byte) [][]byte {
	txs := make([][]byte, len(s.users))
	for i, k := range s.users {
		txs[i] = f(i, k)
	}
	return txs
}

// issued gives every supplier a live certificate of face maturing on maturity; it returns
// their ids by supplier.
func (s *scfBench) issued(b *testing.B, face int64, maturity string) []uint64 {
	s.block(b, s.each(func(i int, k *apptest.Key) []byte {
		return k.Sign(tx.Wrap(&txpb.MsgRegisterTradeDocument{Kind: "invoice", Seller: k.Address, Buyer: s.core.Address,
			InvoiceCode: "B", InvoiceNumber: fmt.Sprint(s.docs + uint64(i) + 1), Asset: "CNY", Amount: face, IssueDate: "2026-01-05"}))
	})...)
	s.block(b, s.issueTxs(face, maturity)...)
	ids := s.lastIDs()
	s.block(b, s.each(func(i int, k *apptest.Key) []byte {
		return k.Sign(tx.Wrap(&txpb.MsgAcceptCertificate{CertificateId: ids[i]}))
	})...)
	return ids
}

func (s *scfBench) issueTxs(face int64, maturity string) [][]byte {
	txs := s.each(func(i int, k *apptest.Key) []byte {
		return s.core.Sign(tx.Wrap(&txpb.MsgIssueCertificate{LineId: 1, To: k.Address, Face: face, MaturityDate: maturity,
			DocumentIds: []uint64{s.docs + uint64(i) + 1}}))
	})
	s.docs += uint64(len(s.users))
	return txs
}

// lastIDs are the ids of the last len(users) certificates, in supplier order.
func (s *scfBench) lastIDs() []uint64 {
	all := scf.ListCertificates(s.c.State())
	ids := make([]uint64, len(s.users))
	for i := range ids {
		ids[i] = all[len(all)-len(s.users)+i].Id
	}
	return ids
}

func benchSCF(b *testing.B, op string, size int) {
	s := newSCFBench(b, size)
	var elapsed, commit time.Duration
	for i := 0; i < b.N; i++ {
		txs := s.prepare(b, op)
		start := time.Now()
		s.timed(b, op, &commit, txs)
		elapsed += time.Since(start)
	}
	b.ReportMetric(float64(b.N*size)/elapsed.Seconds(), "msgs/s")
	// Where the time goes: execution and the tree update (FinalizeBlock) against the synced
	// pebble write (Commit), per block.
	b.ReportMetric(float64((elapsed-commit).Milliseconds())/float64(b.N), "finalize-ms")
	b.ReportMetric(float64(commit.Milliseconds())/float64(b.N), "commit-ms")
}

// prepare runs op's untimed setup blocks and returns its block of transactions, each one
// checked by CheckTx.
func (s *scfBench) prepare(b *testing.B, op string) [][]byte {
	size := len(s.users)
	var txs [][]byte
	switch op {
	case "transfer":
		// The baseline runs the same untimed blocks before its timed one as split, pass_on
		// and finance do (500 certificates issued and accepted), so that it is measured on
		// the same state and with the same pebble flushes and compactions under way: without
		// them a transfer block runs on a quiet store and every scf ratio carries the
		// compaction of its own setup blocks.
		s.issued(b, 1_000_000, "2026-06-30")
		txs = s.each(func(j int, k *apptest.Key) []byte {
			return k.Sign(apptest.Transfer(s.users[(j+1)%size].Address, "CNY", 1))
		})
	case "issue":
		s.block(b, s.each(func(j int, k *apptest.Key) []byte {
			return k.Sign(tx.Wrap(&txpb.MsgRegisterTradeDocument{Kind: "invoice", Seller: k.Address, Buyer: s.core.Address,
				InvoiceCode: "B", InvoiceNumber: fmt.Sprint(s.docs + uint64(j) + 1), Asset: "CNY", Amount: 1_000_000, IssueDate: "2026-01-05"}))
		})...)
		txs = s.issueTxs(1_000_000, "2026-06-30")
	default:
		ids := s.issued(b, 1_000_000, "2026-06-30")
		txs = s.opTxs(b, op, ids)
	}
	for _, raw := range txs {
		if r, _ := s.c.App.CheckTx(context.Background(), &abci.CheckTxRequest{Tx: raw}); r.Code != 0 {
			b.Fatalf("checktx: %s", r.Log)
		}
	}
	return txs
}

// timed runs op's block (FinalizeBlock and Commit) and fails unless every message succeeded.
func (s *scfBench) timed(b *testing.B, op string, commit *time.Duration, txs [][]byte) {
	res, err := s.timedBlock(commit, txs...)
	if err != nil {
		b.Fatalf("%s failed: %v", op, err)
	}
	for _, r := range res.TxResults {
		if r.Code != 0 {
			b.Fatalf("%s failed: %s", op, r.Log)
		}
	}
}

// benchMix runs the five kinds of block in turn on one chain, each after its setup blocks,
// and reports each one's cost relative to the transfer block's: wall time, and the process's
// CPU time (cpuTime: pebble's background work included), which other programs on a shared machine
// disturb less. The separate benchmarks above run minutes apart, when the machine's load
// may not be the same.
func benchMix(b *testing.B) {
	ops := []string{"transfer", "issue", "split", "pass_on", "finance"}
	s := newSCFBench(b, 500)
	wall, cpu := make([]time.Duration, len(ops)), make([]time.Duration, len(ops))
	var commit time.Duration
	for i := 0; i < b.N; i++ {
		for j, op := range ops {
			txs := s.prepare(b, op)
			cpu0, start := cpuTime(), time.Now()
			s.timed(b, op, &commit, txs)
			wall[j] += time.Since(start)
			cpu[j] += cpuTime() - cpu0
		}
	}
	for j, op := range ops[1:] {
		b.ReportMetric(float64(wall[j+1])/float64(wall[0]), op+"-x")
		b.ReportMetric(float64(cpu[j+1])/float64(cpu[0]), op+"-cpu-x")
	}
	b.ReportMetric(float64(b.N*500)/wall[0].Seconds(), "transfer-msgs/s")
}

// timedBlock is Chain.Block with the Commit's share of the time added to commit.
func (s *scfBench) timedBlock(commit *time.Duration, txs ...[]byte) (*abci.FinalizeBlockResponse, error) {
	s.c.Height++
	s.c.Time = s.c.Time.Add(s.c.BlockInterval)
	res, err := s.c.App.FinalizeBlock(context.Background(), &abci.FinalizeBlockRequest{Txs: txs, Height: s.c.Height, Time: s.c.Time})
	if err != nil {
		return nil, err
	}
	start := time.Now()
	_, err = s.c.App.Commit(context.Background(), &abci.CommitRequest{})
	*commit += time.Since(start)
	return res, err
}

func (s *scfBench) opTxs(b *testing.B, op string, ids []uint64) [][]byte {
	switch op {
	case "split":
		return s.each(func(i int, k *apptest.Key) []byte {
			return k.Sign(tx.Wrap(&txpb.MsgSplitCertificate{CertificateId: ids[i], Parts: []int64{400_000, 600_000}}))
		})
	case "pass_on":
		return s.each(func(i int, k *apptest.Key) []byte {
			return k.Sign(tx.Wrap(&txpb.MsgTransferCertificate{CertificateId: ids[i], To: s.users[(i+1)%len(s.users)].Address}))
		})
	}
	s.block(b, s.each(func(i int, k *apptest.Key) []byte {
		return k.Sign(tx.Wrap(&txpb.MsgOfferFinancing{CertificateId: ids[i], Funder: s.bank.Address}))
	})...)
	return s.each(func(i int, _ *apptest.Key) []byte {
		return s.bank.Sign(tx.Wrap(&txpb.MsgAcceptFinancing{CertificateId: ids[i], AnnualRatePercent: "3.6"}))
	})
}

// benchMaturity: 500 suppliers each split a certificate into 20 parts; the 10,000 parts
// fall due together and settle in one block.
func benchMaturity(b *testing.B) {
	const suppliers, parts = 500, 20
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		s := newSCFBench(b, suppliers)
		ids := s.issued(b, parts*20_000, "2026-01-20")
		split := make([]int64, parts)
		for j := range split {
			split[j] = 20_000
		}
		s.block(b, s.each(func(j int, k *apptest.Key) []byte {
			return k.Sign(tx.Wrap(&txpb.MsgSplitCertificate{CertificateId: ids[j], Parts: split}))
		})...)
		s.block(b, s.bank.Sign(apptest.Mint("CNY", s.core.Address, suppliers*parts*20_000)))
		s.c.Time = time.Date(2026, 1, 20, 0, 0, 0, 0, shanghai)
		start := time.Now()
		res, err := s.c.Block()
		elapsed += time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		settled := 0
		for _, e := range res.Events {
			if e.Type == "scf.certificate_settled" {
				settled++
			}
		}
		if settled != suppliers*parts || settled > xsched.MaxPerBlock {
			b.Fatalf("%d parts settled in the maturity block, want %d", settled, suppliers*parts)
		}
	}
	b.ReportMetric(float64(b.N*suppliers*parts)/elapsed.Seconds(), "parts/s")
}
