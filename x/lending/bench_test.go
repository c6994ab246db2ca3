package lending

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
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
	xsched "github.com/puhui-chain/puhui/x/scheduler"
)

// BenchmarkDueProcessing: PUHUI_BENCH_LOANS active loans (default 1,000,000) in a pebble
// store on disk, 1% of them falling due in each block. One op is one block's due
// processing: every collection (sweep, allocation, transfer, next entry) through the
// scheduler, then the new state root, then the Commit that writes it (FinalizeBlock and Commit
// together: what the block really costs). Reported per block, Commit's share of it, and per
// due instalment.
//
// The seed is bulk-loaded and then compacted outside the timer: a real chain's state was
// written over months and is not being compacted under the block, while fresh from a bulk
// load pebble compacts for minutes and every read pays for it. The store is then what a
// running node has: the tree's nodes in the node cache (every commit writes through it, and
// the whole tree at a million loans fits the default size) but the loans that fall due not
// read for a month, so not in any cache. PUHUI_BENCH_COLD=1 reopens the store after the seed
// instead, for the first blocks after a restart: it waits for the store to load the tree
// into its cache, as a node does before it starts consensus, and reports that restart as its
// own metric (reopen-ms: opening and the warm-up), with the resident memory after it in the
// log; the first measured run (b.N = 1) is then the first block after the restart. Each
// block's log lines count the tree nodes it read from pebble and what its commit wrote, with
// pebble's stalls, flushes and compactions meanwhile; the metrics end with the process's
// resident memory now and at its peak (rss-MiB, peak-rss-MiB; the peak includes the seed).
// PUHUI_BENCH_CPUPROFILE=file profiles the measured blocks alone. PUHUI_BENCH_APART=1 lets
// the store settle before each block, outside the timer (store.DB.Settle: the node cache
// updated, no flush or compaction running), as it does on a chain where a cohort's due
// block comes a day after the last one; by default the blocks follow each other at once,
// each paying for the compactions the one before it caused.
//
// Each op is the next day's block with its own cohort of due loans, committed inside the
// timer; the next block starts from it, and no op finds the loans it collects already
// read. The seed is shared by the benchmark's runs (testing runs it once with b.N = 1
// before the measured run) because a million loans take minutes to seed.
func BenchmarkDueProcessing(b *testing.B) {
	s := benchSeed(b)
	if s.blocks+b.N > dueCohorts {
		b.Fatalf("only %d cohorts of due loans are seeded; use -benchtime %dx or less", dueCohorts, dueCohorts-1)
	}
	handlers := ScheduledHandlers()
	var commits time.Duration
	defer profile(b, os.Getenv("PUHUI_BENCH_CPUPROFILE"), "")()
	apart := os.Getenv("PUHUI_BENCH_APART") != ""
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if apart {
			b.StopTimer()
			settled := time.Now()
			ok := s.db.Settle(2 * time.Minute)
			logf("settled in %s (%v): no flush or compaction running", time.Since(settled).Round(time.Millisecond), ok)
			b.StartTimer()
		}
		height, _ := s.db.LastCommit()
		height++
		block := store.NewCache(s.db.State())
		var events []abci.Event
		at := s.firstDue + int64(s.blocks)*86400
		ctx := &core.Context{KV: block, Height: height, BlockTime: time.Unix(at, 0), Events: &events}
		before := s.db.Stats()
		usageBefore := usage()
		start := time.Now()
		n, err := xsched.RunDue(ctx, handlers)
		if err != nil || n != s.due {
			b.Fatalf("ran %d of %d due: %v", n, s.due, err)
		}
		collected := time.Since(start)
		root, err := s.db.ApplyChanges(height, block)
		must(b, err)
		finalized := time.Since(start)
		// A due block costs its FinalizeBlock and its Commit: both are timed.
		must(b, s.db.Commit(height, root, block))
		took := time.Since(start)
		commits += took - finalized
		b.StopTimer()

		after := s.db.Stats()
		used := usage().since(usageBefore)
		logf("block %d: %s = collections %s + root %s for %d changed keys + commit %s; %d tree nodes read from pebble, "+
			"%d cached of %d; warm-up %s, %d nodes, running: %v", s.blocks,
			took.Round(time.Millisecond), collected.Round(time.Millisecond), (finalized - collected).Round(time.Millisecond),
			block.Len(), (took - finalized).Round(time.Millisecond), after.NodeDiskReads-before.NodeDiskReads,
			after.CachedNodes, after.CacheCapacity, after.WarmTook.Round(time.Millisecond), after.WarmedNodes, after.Warming)
		logf("  process CPU meanwhile: user %s, system %s, %d page faults, %d blocking reads; GCs %d",
			used.user.Round(time.Millisecond), used.system.Round(time.Millisecond), used.faults, used.reads, used.gcs)
		c := after.LastCommit
		logf("  commit batch %d KiB: %d state keys, %d tree nodes, %d orphans in %d records, %d pruned; pebble: "+
			"%d write stalls (%s), %d flushes, %d compactions, L0 %d sublevels %d files, debt %d MiB",
			c.BatchBytes>>10, c.StateKeys, c.Nodes, c.Orphans, c.OrphanRecords, c.Pruned,
			after.WriteStalls-before.WriteStalls, (after.WriteStallTime - before.WriteStallTime).Round(time.Millisecond),
			after.Flushes-before.Flushes, after.Compactions-before.Compactions, after.L0Sublevels, after.L0Files,
			after.CompactionDebt>>20)
		if s.blocks == 0 {
			s.first = took
		}
		s.blocks++
		b.StartTimer()
	}
	perBlock := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(perBlock.Milliseconds()), "ms/block")
	b.ReportMetric(float64((commits / time.Duration(b.N)).Milliseconds()), "commit-ms/block")
	b.ReportMetric(float64(perBlock.Microseconds())/float64(s.due), "µs/instalment")
	// The process's resident memory: the store (node cache, pebble's cache and tables) and
	// the seed's garbage; the peak includes the seed.
	rss, peak := residentMiB(b)
	b.ReportMetric(float64(rss), "rss-MiB")
	b.ReportMetric(float64(peak), "peak-rss-MiB")
	if s.reopen > 0 {
		b.ReportMetric(float64(s.reopen.Milliseconds()), "reopen-ms")
		b.ReportMetric(float64(s.first.Milliseconds()), "first-block-ms") // the first after the restart
	}
}

// cpuUsage is what the process used: CPU time in user and kernel mode, minor page faults
// (memory first touched), reads that blocked on the disk, and garbage collections.
type cpuUsage struct {
	user, system       time.Duration
	faults, reads, gcs int64
}

func usage() cpuUsage {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	var gc debug.GCStats
	debug.ReadGCStats(&gc)
	return cpuUsage{user: time.Duration(ru.Utime.Nano()), system: time.Duration(ru.Stime.Nano()),
		faults: ru.Minflt, reads: ru.Inblock, gcs: gc.NumGC}
}

func (u cpuUsage) since(before cpuUsage) cpuUsage {
	return cpuUsage{user: u.user - before.user, system: u.system - before.system, faults: u.faults - before.faults,
		reads: u.reads - before.reads, gcs: u.gcs - before.gcs}
}

// logf writes a line of the benchmark's account (the seed, the reopen, each block) to
// stderr as it happens: testing keeps only the first ten lines of a benchmark's log, and a
// run of four blocks logs more.
func logf(format string, args ...any) { fmt.Fprintf(os.Stderr, "    "+format+"\n", args...) }

// profile writes a CPU profile to path+suffix until the returned function is called; none
// if path is empty. PUHUI_BENCH_CPUPROFILE=file profiles the due blocks alone into file (go
// test's -cpuprofile covers the seed, which dominates it; each run of the benchmark
// overwrites it, so it ends with the measured one) and the reopen into file.reopen.
func profile(b *testing.B, path, suffix string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path + suffix)
	must(b, err)
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		b.Fatal(err)
	}
	return func() {
		pprof.StopCPUProfile()
		must(b, f.Close())
	}
}

// residentMiB reads the process's resident memory now (VmRSS) and at its peak (VmHWM) from
// /proc/self/status (Linux); zeros elsewhere.
func residentMiB(b *testing.B) (now, peak int64) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kib, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil {
			continue
		}
		switch f[0] {
		case "VmRSS:":
			now = kib >> 10
		case "VmHWM:":
			peak = kib >> 10
		}
	}
	if now == 0 {
		b.Logf("no VmRSS in /proc/self/status")
	}
	return now, peak
}

// dueCohorts is how many blocks' worth of due loans are seeded, one cohort a day.
const dueCohorts = 8

// seeded is the benchmark's store, kept across its runs; TestMain removes it.
type seeded struct {
	db       *store.DB
	dir      string
	due      int           // loans due per block
	firstDue int64         // block time of the first cohort
	blocks   int           // blocks run so far
	reopen   time.Duration // PUHUI_BENCH_COLD: opening the store again and its warm-up
	first    time.Duration // the first block's FinalizeBlock and Commit
}

var seed *seeded

func TestMain(m *testing.M) {
	code := m.Run()
	if seed != nil {
		seed.db.Close()
		os.RemoveAll(seed.dir)
	}
	os.Exit(code)
}

func benchSeed(b *testing.B) *seeded {
	if seed != nil {
		return seed
	}
	loans := envInt("PUHUI_BENCH_LOANS", 1_000_000)
	dir, err := os.MkdirTemp("", "puhui-bench-due-")
	must(b, err)
	s := &seeded{dir: dir, due: loans / 100}
	kept := ""
	if keep := os.Getenv("PUHUI_BENCH_SEED"); keep != "" && os.Getenv("PUHUI_BENCH_COLD") != "" {
		kept = filepath.Join(keep, strconv.Itoa(loans))
	}
	if s.firstDue = copySeed(b, kept, dir); s.firstDue == 0 {
		db, err := store.Open(dir, benchOptions())
		must(b, err)
		started := time.Now()
		s.firstDue = seedLoans(b, db, loans, loans/100)
		seedTook := time.Since(started)
		must(b, db.Compact())
		logf("seeded %d loans (%d due a day for %d days) in %s, compacted in %s", loans, loans/100, dueCohorts,
			seedTook.Round(time.Second), (time.Since(started) - seedTook).Round(time.Second))
		s.db = db
		if kept != "" {
			must(b, db.Close())
			keepSeed(b, dir, kept, s.firstDue)
			s.db = nil
		}
	}
	if os.Getenv("PUHUI_BENCH_COLD") != "" {
		if s.db != nil {
			must(b, s.db.Close())
		}
		// The seed's garbage goes back to the system, so that the resident memory after the
		// warm-up is about what a restarted node has.
		debug.FreeOSMemory()
		s.db, s.reopen = reopen(b, dir)
	}
	seed = s
	return seed
}

// PUHUI_BENCH_SEED=dir (with PUHUI_BENCH_COLD) keeps the closed seed under dir/<loans> and
// starts later runs from a copy of it: a million loans take minutes to seed and compact,
// and the cold runs open the store again anyway. The copy links pebble's tables (pebble
// never changes one) and copies its other files.

const seedFirstDue = "FIRST_DUE" // the block time of the first cohort, beside the kept seed

// copySeed copies a kept seed into dir and returns its first due time; 0 if none is kept.
func copySeed(b *testing.B, kept, dir string) int64 {
	if kept == "" {
		return 0
	}
	text, err := os.ReadFile(filepath.Join(kept, seedFirstDue))
	if err != nil {
		return 0
	}
	firstDue, err := strconv.ParseInt(strings.TrimSpace(string(text)), 10, 64)
	must(b, err)
	copyStore(b, kept, dir)
	useDependencies()
	logf("seed copied from %s", kept)
	return firstDue
}

// keepSeed copies the closed seed in dir to kept, its first due time last.
func keepSeed(b *testing.B, dir, kept string, firstDue int64) {
	must(b, os.MkdirAll(kept, 0o755))
	copyStore(b, dir, kept)
	must(b, os.WriteFile(filepath.Join(kept, seedFirstDue), []byte(strconv.FormatInt(firstDue, 10)), 0o644))
}

// copyStore copies a closed pebble directory (flat): tables linked, other files copied.
func copyStore(b *testing.B, from, to string) {
	files, err := os.ReadDir(from)
	must(b, err)
	for _, f := range files {
		src, dst := filepath.Join(from, f.Name()), filepath.Join(to, f.Name())
		if f.IsDir() || f.Name() == seedFirstDue {
			continue
		}
		if strings.HasSuffix(f.Name(), ".sst") && os.Link(src, dst) == nil {
			continue
		}
		data, err := os.ReadFile(src)
		must(b, err)
		must(b, os.WriteFile(dst, data, 0o644))
	}
}

// reopen opens the seeded store again and waits for its warm-up, as a node does before it
// starts consensus (node.waitForTree), and returns how long that took: the restart's cost,
// reported as its own metric (reopen-ms) beside the blocks that follow.
func reopen(b *testing.B, dir string) (*store.DB, time.Duration) {
	defer profile(b, os.Getenv("PUHUI_BENCH_CPUPROFILE"), ".reopen")()
	started := time.Now()
	db, err := store.Open(dir, benchOptions())
	must(b, err)
	opened := time.Since(started)
	must(b, db.WaitWarm(context.Background()))
	took := time.Since(started)
	st := db.Stats()
	rss, _ := residentMiB(b)
	logf("reopened in %s: open %s, warm-up %d nodes in %s (%d cached of %d); resident %d MiB after it",
		took.Round(time.Millisecond), opened.Round(time.Millisecond), st.WarmedNodes, st.WarmTook.Round(time.Millisecond),
		st.CachedNodes, st.CacheCapacity, rss)
	return db, took
}

// benchOptions are the store's options: the defaults, but for PUHUI_BENCH_KEEP heights of
// superseded nodes kept for proofs (store.DefaultKeepRecent otherwise). The seed and the
// blocks stay below the default's thousand heights, so nothing is pruned unless it is set:
// PUHUI_BENCH_KEEP=1 makes each due block prune what the previous one superseded.
func benchOptions() store.Options {
	return store.Options{KeepRecent: int64(envInt("PUHUI_BENCH_KEEP", 0))}
}

// firstTimer assesses every applicant as a borrower with no record at all: this benchmark
// measures due processing, not applications (the credit module assesses real ones).
type firstTimer struct{}

func (firstTimer) Assess(store.Reader, string, string, string, int64) (*Assessment, error) {
	return &Assessment{Facts: assessedAll(0), Model: "none"}, nil
}

func (firstTimer) CheckScorecard(store.Reader, string) error { return nil }

func (firstTimer) Band(store.Reader, string, uint32, int64) string { return "" }

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// seedLoans writes n active loans, committed in chunks: one made through the handlers and
// cloned, spread over n/10 borrowers who can pay. dueCohorts cohorts of `due` loans fall due
// on consecutive days from the returned block time, the rest two weeks after it.
func seedLoans(b *testing.B, db *store.DB, n, due int) int64 {
	useDependencies()
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
	must(b, Apply(ctx, &txpb.MsgApplyLoan{ProductId: 1, Principal: 500_000, Periods: 12}))
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
		if cohort := (i - 1) / due; cohort < dueCohorts && due*dueCohorts < n {
			shiftDays(l, cohort)
		} else {
			shiftDays(l, 14)
		}
		saveLoan(kv, l)
		kv.Set(byBorrowerKey(l.Borrower, l.Id), []byte{1})
		kv.Set(byLenderKey(l.Lender, l.Id), []byte{1})
		must(b, moveBook(&core.Context{KV: kv, BlockTime: genesis, Events: &events}, l.Lender, l.Asset, l.Principal, 0))
		xsched.Add(kv, l.DueEntryAt, dueKind, idText(l.Id))
		if i%50_000 == 0 {
			commit(int64(1 + i/50_000))
		}
	}
	core.SetInt64(kv, loanSeqKey, int64(n))
	commit(int64(2 + n/50_000))
	return dueAt
}

// useDependencies wires lending as the seed needs: no product here requires cover.
func useDependencies() { Use(ledger.Bank{}, identity.Registry{}, firstTimer{}, nil) }

func shiftDays(l *statepb.Loan, days int) {
	for _, in := range l.Installments {
		in.DueAt += int64(days) * 86400
		in.DueDate = core.DateOf(dayOf(in.DueDate) + int64(days))
	}
	l.DueEntryAt += int64(days) * 86400
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
