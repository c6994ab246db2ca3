package lending

import (
	"crypto/sha256"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
	xsched "github.com/puhui-chain/puhui/x/schedule"
)

// BenchmarkDueProcessing: PUHUI_BENCH_LOANS active loans (default 1,000,000) in a pebble
// store on disk, 1% of them falling due in one block. One op is that block's due
// processing: every collection (sweep, allocation, transfer, next entry) through the
// scheduler, then the new state root. Reported per block and per due instalment.
func BenchmarkDueProcessing(b *testing.B) {
	loans := envInt("PUHUI_BENCH_LOANS", 1_000_000)
	due := loans / 100
	db, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	started := time.Now()
	dueAt := seedLoans(b, db, loans, due)
	b.Logf("seeded %d loans (%d due) in %s", loans, due, time.Since(started).Round(time.Second))
	handlers := ScheduledHandlers()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		block := store.NewCache(db.State())
		var events []abci.Event
		ctx := &core.Context{KV: block, Height: 1000, BlockTime: time.Unix(dueAt, 0), Events: &events}
		runStart := time.Now()
		n, err := xsched.RunDue(ctx, handlers)
		runTook := time.Since(runStart)
		if err != nil || n != due {
			b.Fatalf("ran %d of %d due: %v", n, due, err)
		}
		mid := time.Now()
		if _, err := db.ApplyChanges(1000, block); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if i == 0 {
			b.Logf("due processing %s, changed keys %d, tree update %s", runTook, block.Len(), time.Since(mid))
		}
		db.Rollback()
		b.StartTimer()
	}
	perBlock := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(perBlock.Milliseconds()), "ms/block")
	b.ReportMetric(float64(perBlock.Microseconds())/float64(due), "µs/instalment")
}

// firstTimer assesses every applicant as a borrower with no record at all: this benchmark
// measures due processing, not applications (the credit module assesses real ones).
func firstTimer(store.Reader, string, string, string, int64) (*Assessment, error) {
	return &Assessment{Facts: assessedAll(0), Model: "none"}, nil
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// seedLoans writes n active loans, committed in chunks: one made through the handlers and
// cloned, spread over n/10 borrowers who can pay; `due` of them fall due at the returned
// block time, the rest a week later. It returns the due time.
func seedLoans(b *testing.B, db *store.DB, n, due int) int64 {
	genesis := time.Date(2026, 1, 5, 1, 0, 0, 0, time.UTC)
	kv := store.NewCache(db.State())
	var events []abci.Event
	bank := tx.AddressOf(fakeKey("bank"))
	ctx := &core.Context{KV: kv, Height: 1, BlockTime: genesis, Events: &events}
	must(b, core.SetClock(kv, "Asia/Shanghai", genesis.Unix(), 1))
	_, err := identity.AddMember(ctx, "Bank", fakeKey("bank"), []identity.Role{identity.RoleBank})
	must(b, err)
	ctx.Signer = bank
	must(b, ledger.RegisterAsset(ctx, &txpb.MsgRegisterAsset{Code: "CNY", Name: "yuan", Scale: 2}))
	must(b, ledger.Mint(ctx, &txpb.MsgMint{Asset: "CNY", To: bank, Amount: 1 << 50}))
	must(b, RegisterProduct(ctx, &txpb.MsgRegisterProduct{Product: &txpb.LoanProduct{Name: "bench", Asset: "CNY",
		MinPrincipal: 1000, MaxPrincipal: 1_000_000, MinPeriods: 1, MaxPeriods: 24, Frequency: "months", AnnualRatePercent: "24"}}))
	borrowers := make([]string, max(1, n/10))
	for i := range borrowers {
		pub := fakeKey(fmt.Sprintf("borrower-%d", i))
		must(b, identity.RegisterAccount(ctx, &txpb.MsgRegisterAccount{PubKey: pub, KycLevel: 1}))
		borrowers[i] = tx.AddressOf(pub)
		must(b, ledger.Mint(ctx, &txpb.MsgMint{Asset: "CNY", To: borrowers[i], Amount: 10_000_000}))
	}
	ctx.Signer = borrowers[0]
	must(b, Apply(ctx, &txpb.MsgApplyLoan{ProductId: 1, Principal: 500_000, Periods: 12}, firstTimer))
	ctx.Signer = bank
	must(b, Decide(ctx, &txpb.MsgDecideLoan{LoanId: 1, Approve: true}))
	must(b, Disburse(ctx, &txpb.MsgDisburseLoan{LoanId: 1}))
	template, _ := GetLoan(kv, 1)
	dueAt := template.Installments[0].DueAt
	commit := func(height int64) {
		root, err := db.ApplyChanges(height, kv)
		must(b, err)
		must(b, db.Commit(height, root, kv))
		kv = store.NewCache(db.State())
	}
	for i := 2; i <= n; i++ {
		l := proto.Clone(template).(*statepb.Loan)
		l.Id, l.Borrower = uint64(i), borrowers[i%len(borrowers)]
		if i > due {
			shiftWeek(l)
		}
		saveLoan(kv, l)
		kv.Set(byBorrowerKey(l.Borrower, l.Id), []byte{1})
		kv.Set(byLenderKey(l.Lender, l.Id), []byte{1})
		moveBook(&core.Context{KV: kv, BlockTime: genesis, Events: &events}, l.Lender, l.Asset, l.Principal, 0)
		xsched.Add(kv, l.DueEntryAt, dueKind, idText(l.Id))
		if i%50_000 == 0 {
			commit(int64(1 + i/50_000))
		}
	}
	core.SetInt64(kv, loanSeqKey, int64(n))
	commit(int64(2 + n/50_000))
	return dueAt
}

func shiftWeek(l *statepb.Loan) {
	const week = 7 * 86400
	for _, in := range l.Installments {
		in.DueAt += week
		in.DueDate = core.DateOf(dayOf(in.DueDate) + 7)
	}
	l.DueEntryAt += week
}

func fakeKey(name string) []byte {
	h := sha256.Sum256([]byte(name))
	return h[:]
}

func must(b *testing.B, err error) {
	b.Helper()
	if err != nil {
		b.Fatal(err)
	}
}
