package bench

import (
	"context"
	"crypto/sha256"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/puhui-chain/puhui/client"
)

// Result is what a run measured.
type Result struct {
	Workload          string  `json:"workload"`
	Path              string  `json:"submission_path,omitempty"` // edge_batch or in_process
	Accounts          int     `json:"accounts"`
	Workers           int     `json:"workers"`
	Batch             int     `json:"batch,omitempty"` // transactions per request (batch submission)
	WindowSeconds     float64 `json:"window_seconds"`
	Submitted         int     `json:"submitted"`
	Committed         int     `json:"committed_in_window"`
	Failed            int     `json:"failed_in_blocks"`
	TPS               float64 `json:"committed_tx_per_second"`
	P50Millis         float64 `json:"p50_submit_to_commit_ms"`
	P99Millis         float64 `json:"p99_submit_to_commit_ms"`
	Blocks            int     `json:"blocks_in_window"`
	BlocksPerSecond   float64 `json:"blocks_per_second"`
	TxsPerBlock       float64 `json:"avg_txs_per_block"`
	VerifyPerSecond   float64 `json:"ed25519_verifications_per_second_one_core"`
	TPSOverVerifyRate float64 `json:"tps_over_verify_rate"`
	Cores             int     `json:"cores"`
	Exhausted         bool    `json:"presigned_exhausted,omitempty"`
	// OfferedRate is the paced rate (Config.Rate) in transactions a second; 0: as fast as taken.
	OfferedRate float64 `json:"offered_tx_per_second,omitempty"`
}

type tracker struct {
	mu        sync.Mutex
	submitted map[[32]byte]time.Time // a transaction's FIRST submission attempt
	// committedAt is when each height not yet read was first seen committed.
	committedAt map[int64]time.Time
	latencies   []time.Duration
	committed   int
	failed      int
	blocks      int
	windowEnd   time.Time
}

// Stream is an ordered sequence of transactions for one node (a sender's nonces must arrive
// in order, so one sender's stream always goes to the same node).
type Stream struct {
	Node int
	Txs  [][]byte
}

// AccountStreams turns funded accounts into streams, spread over nodes.
func AccountStreams(accts []*account, nodes int) []Stream {
	out := make([]Stream, len(accts))
	for i, a := range accts {
		out[i] = Stream{Node: i % nodes, Txs: a.txs}
	}
	return out
}

// Run submits the streams for cfg.Duration, each to its node, and measures what commits
// (followed on nodes[0]).
func Run(ctx context.Context, nodes []*client.Client, streams []Stream, cfg Config) (*Result, error) {
	c := nodes[0]
	st, err := c.Status(ctx)
	if err != nil {
		return nil, err
	}
	t := &tracker{submitted: make(map[[32]byte]time.Time, cfg.MaxTxs), committedAt: map[int64]time.Time{}}
	start := time.Now()
	t.windowEnd = start.Add(cfg.Duration)
	var submitted atomic.Int64
	var exhausted atomic.Bool
	submitCtx, stopSubmit := context.WithDeadline(ctx, t.windowEnd)
	defer stopSubmit()
	var wg sync.WaitGroup
	for w := 0; w < cfg.Workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var ok bool
			switch {
			case cfg.RPCBatch:
				ok = submitShareRPCBatch(submitCtx, nodes, streams, w, cfg.Workers, max(cfg.Batch, 1), t, &submitted)
			case len(cfg.APIs) > 0:
				pace := newPacer(start, cfg.Rate, w, cfg.Workers, max(cfg.Batch, 1))
				ok = submitShareEdge(submitCtx, cfg.APIs, streams, w, cfg.Workers, max(cfg.Batch, 1), pace, t, &submitted)
			default:
				ok = submitShare(submitCtx, nodes, streams, w, cfg.Workers, t, &submitted)
			}
			if !ok {
				exhausted.Store(true)
			}
		}(w)
	}
	src, err := cfg.source(ctx, c)
	if err != nil {
		return nil, err
	}
	trackCtx, stopTrack := context.WithCancel(ctx)
	var tracking sync.WaitGroup
	tracking.Add(2)
	go func() { defer tracking.Done(); t.watch(trackCtx, src, st.Height) }()
	go func() { defer tracking.Done(); t.follow(trackCtx, src, st.Height+1) }()
	progress(ctx, cfg, start, t, &submitted)
	wg.Wait()
	t.drain(ctx, 15*time.Second)
	stopTrack()
	tracking.Wait()
	r := t.result(cfg, int(submitted.Load()), exhausted.Load())
	if cfg.RPCBatch || len(cfg.APIs) > 0 {
		r.Batch = max(cfg.Batch, 1)
	}
	return r, nil
}

// submitShare sends the streams w, w+n, w+2n … round-robin, each in order, backing off while
// a mempool is full. It reports false if it ran out of transactions.
func submitShare(ctx context.Context, nodes []*client.Client, streams []Stream, w, n int, t *tracker, submitted *atomic.Int64) bool {
	var mine []Stream
	for i := w; i < len(streams); i += n {
		mine = append(mine, streams[i])
	}
	if len(mine) == 0 {
		return true
	}
	refused := make([]bool, len(mine)) // a stream whose transaction was refused stops sending
	for j := 0; j < len(mine[0].Txs); j++ {
		for k, s := range mine {
			if refused[k] || j >= len(s.Txs) {
				continue
			}
			if ctx.Err() != nil {
				return true
			}
			refused[k] = !submitOne(ctx, nodes[s.Node], s.Txs[j], t, submitted)
		}
	}
	return false
}

// submitOne submits one transaction, retrying while the mempool is full; false if refused.
// Its latency counts from the first attempt: the wait for room is part of what a user feels.
func submitOne(ctx context.Context, c *client.Client, raw []byte, t *tracker, submitted *atomic.Int64) bool {
	now := time.Now()
	for ctx.Err() == nil {
		res, err := c.Submit(ctx, raw, false)
		switch {
		case (err == nil && res.Code == 0) || client.IsKnownTx(err): // known: an earlier attempt got in
			t.mu.Lock()
			t.submitted[sha256.Sum256(raw)] = now
			t.mu.Unlock()
			submitted.Add(1)
			return true
		case client.IsMempoolFull(err):
			time.Sleep(5 * time.Millisecond) // back-pressure: retry the same transaction
		default:
			return false
		}
	}
	return true
}

// watch records when each height after from was first reported committed.
func (t *tracker) watch(ctx context.Context, src blockSource, from int64) {
	ch := make(chan int64, 64)
	go src.heights(ctx, ch)
	seen := from
	for {
		select {
		case <-ctx.Done():
			return
		case h := <-ch:
			now := time.Now()
			t.mu.Lock()
			for ; seen < h; seen++ {
				t.committedAt[seen+1] = now
			}
			t.mu.Unlock()
		}
	}
}

// follow reads every block from height on and matches its transactions to submissions,
// each at the time its height was seen committed (watch), however late it is read.
func (t *tracker) follow(ctx context.Context, src blockSource, height int64) {
	for ctx.Err() == nil {
		t.mu.Lock()
		at, ok := t.committedAt[height]
		t.mu.Unlock()
		if !ok {
			time.Sleep(5 * time.Millisecond)
			continue
		}
		txs, codes, err := src.block(ctx, height)
		if err != nil {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		hashes := make([][32]byte, len(txs)) // outside the lock: submitters wait on it
		for i, raw := range txs {
			hashes[i] = sha256.Sum256(raw)
		}
		t.mu.Lock()
		delete(t.committedAt, height)
		t.record(at, hashes, codes)
		t.mu.Unlock()
		height++
	}
}

// record counts a block committed at at; t.mu is held.
func (t *tracker) record(at time.Time, hashes [][32]byte, codes []uint32) {
	inWindow := at.Before(t.windowEnd)
	if inWindow {
		t.blocks++
	}
	for i, h := range hashes {
		sent, ok := t.submitted[h]
		if !ok {
			continue
		}
		t.latencies = append(t.latencies, at.Sub(sent))
		if i < len(codes) && codes[i] != 0 {
			t.failed++
		}
		if inWindow {
			t.committed++
		}
	}
}

// drain waits until every submission has been seen in a block, or for at most d.
func (t *tracker) drain(ctx context.Context, d time.Duration) {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		t.mu.Lock()
		done := len(t.latencies) >= len(t.submitted)
		t.mu.Unlock()
		if done {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func progress(ctx context.Context, cfg Config, start time.Time, t *tracker, submitted *atomic.Int64) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-tick.C:
			if cfg.Progress != nil {
				t.mu.Lock()
				p := Progress{Elapsed: now.Sub(start), Submitted: int(submitted.Load()), Committed: t.committed}
				t.mu.Unlock()
				cfg.Progress(p)
			}
			if now.After(t.windowEnd) {
				return
			}
		}
	}
}

func (t *tracker) result(cfg Config, submitted int, exhausted bool) *Result {
	t.mu.Lock()
	defer t.mu.Unlock()
	secs := cfg.Duration.Seconds()
	r := &Result{
		Accounts: cfg.Accounts, Workers: cfg.Workers, WindowSeconds: secs, Submitted: submitted,
		Committed: t.committed, Failed: t.failed, TPS: float64(t.committed) / secs,
		Blocks: t.blocks, BlocksPerSecond: float64(t.blocks) / secs, Cores: runtime.NumCPU(), Exhausted: exhausted,
		OfferedRate: cfg.Rate,
	}
	if t.blocks > 0 {
		r.TxsPerBlock = float64(t.committed) / float64(t.blocks)
	}
	if n := len(t.latencies); n > 0 {
		slices.Sort(t.latencies)
		r.P50Millis = float64(t.latencies[n/2].Microseconds()) / 1000
		r.P99Millis = float64(t.latencies[min(n-1, n*99/100)].Microseconds()) / 1000
	}
	return r
}
