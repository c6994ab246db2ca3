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
	Accounts          int     `json:"accounts"`
	Workers           int     `json:"workers"`
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
}

type tracker struct {
	mu        sync.Mutex
	submitted map[[32]byte]time.Time
	latencies []time.Duration
	committed int
	failed    int
	blocks    int
	windowEnd time.Time
}

// Run submits the pre-signed transfers for cfg.Duration and measures what commits.
func Run(ctx context.Context, c *client.Client, accts []*account, cfg Config) (*Result, error) {
	st, err := c.Status(ctx)
	if err != nil {
		return nil, err
	}
	t := &tracker{submitted: make(map[[32]byte]time.Time, cfg.MaxTxs)}
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
			if !submitShare(submitCtx, c, accts, w, cfg.Workers, t, &submitted) {
				exhausted.Store(true)
			}
		}(w)
	}
	trackCtx, stopTrack := context.WithCancel(ctx)
	trackDone := make(chan error, 1)
	go func() { trackDone <- t.follow(trackCtx, c, st.Height+1) }()
	progress(ctx, cfg, start, t, &submitted)
	wg.Wait()
	t.drain(ctx, 15*time.Second)
	stopTrack()
	<-trackDone
	return t.result(cfg, int(submitted.Load()), exhausted.Load()), nil
}

// submitShare sends the transactions of the accounts w, w+n, w+2n … in nonce order, backing
// off while the mempool is full. It reports false if it ran out of pre-signed transactions.
func submitShare(ctx context.Context, c *client.Client, accts []*account, w, n int, t *tracker, submitted *atomic.Int64) bool {
	var mine []*account
	for i := w; i < len(accts); i += n {
		mine = append(mine, accts[i])
	}
	if len(mine) == 0 {
		return true
	}
	per := len(mine[0].txs)
	refused := map[*account]bool{} // an account whose transaction was refused stops sending
	for j := 0; j < per; j++ {
		for _, a := range mine {
			if refused[a] {
				continue
			}
			raw := a.txs[j]
			for {
				if ctx.Err() != nil {
					return true
				}
				now := time.Now()
				res, err := c.Submit(ctx, raw, false)
				if err == nil && res.Code == 0 {
					t.mu.Lock()
					t.submitted[sha256.Sum256(raw)] = now
					t.mu.Unlock()
					submitted.Add(1)
					break
				}
				if client.IsMempoolFull(err) {
					time.Sleep(5 * time.Millisecond) // back-pressure: retry the same nonce
					continue
				}
				if err == nil {
					refused[a] = true // its later nonces would be refused too
					break
				}
				return true
			}
		}
	}
	return false
}

// follow reads every block from height on and matches its transactions to submissions.
func (t *tracker) follow(ctx context.Context, c *client.Client, height int64) error {
	for ctx.Err() == nil {
		h := height
		b, err := c.RPC.Block(ctx, &h)
		if err != nil || b.Block == nil {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		res, err := c.RPC.BlockResults(ctx, &h)
		if err != nil {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		now := time.Now()
		t.mu.Lock()
		if now.Before(t.windowEnd) {
			t.blocks++
		}
		for i, raw := range b.Block.Txs {
			sent, ok := t.submitted[sha256.Sum256(raw)]
			if !ok {
				continue
			}
			t.latencies = append(t.latencies, now.Sub(sent))
			if i < len(res.TxResults) && res.TxResults[i].Code != 0 {
				t.failed++
			}
			if now.Before(t.windowEnd) {
				t.committed++
			}
		}
		t.mu.Unlock()
		height++
	}
	return nil
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
