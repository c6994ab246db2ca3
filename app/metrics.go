package app

import (
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/puhui-chain/puhui/store"
)

// Metrics are the application's Prometheus metrics (namespace puhui).
type Metrics struct {
	height        prometheus.Gauge
	txs           *prometheus.CounterVec
	checkRejected prometheus.Counter
	blockSeconds  prometheus.Histogram
	tree          []prometheus.Collector
}

func newMetrics(db *store.DB) *Metrics {
	return &Metrics{
		tree: treeCollectors(db),
		height: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "puhui", Name: "committed_height",
			Help: "Last committed block height."}),
		txs: prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "puhui", Name: "txs_total",
			Help: "Transactions executed in blocks, by result."}, []string{"result"}),
		checkRejected: prometheus.NewCounter(prometheus.CounterOpts{Namespace: "puhui", Name: "checktx_rejected_total",
			Help: "Transactions refused by CheckTx."}),
		blockSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: "puhui", Name: "finalize_block_seconds",
			Help: "Time to execute a block.", Buckets: prometheus.ExponentialBuckets(0.001, 2, 14)}),
	}
}

// Register adds the metrics to a registry.
func (m *Metrics) Register(r prometheus.Registerer) error {
	for _, c := range append([]prometheus.Collector{m.height, m.txs, m.checkRejected, m.blockSeconds}, m.tree...) {
		if err := r.Register(c); err != nil {
			return err
		}
	}
	return nil
}

// treeCollectors read the state tree's counters when scraped: whether the node cache holds
// the tree (a cache smaller than the tree makes every block read nodes from disk), how the
// warm-up after a restart went, what the last commit wrote and whether pebble keeps up. The
// process's resident memory is the registry's own process_resident_memory_bytes.
func treeCollectors(db *store.DB) []prometheus.Collector {
	gauge := func(name, help string, f func(store.Stats) float64) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "puhui", Name: name, Help: help},
			func() float64 { return f(db.Stats()) })
	}
	return []prometheus.Collector{
		gauge("tree_cached_nodes", "State tree nodes in the node cache.",
			func(s store.Stats) float64 { return float64(s.CachedNodes) }),
		gauge("tree_cache_capacity_nodes", "State tree nodes the node cache's budget (tree_cache_mib) holds.",
			func(s store.Stats) float64 { return float64(s.CacheCapacity) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Namespace: "puhui", Name: "tree_node_disk_reads_total",
			Help: "State tree nodes read from disk because the node cache did not hold them."},
			func() float64 { return float64(db.Stats().NodeDiskReads) }),
		gauge("tree_warming", "1 while the store loads the tree into the node cache after opening.",
			func(s store.Stats) float64 {
				if s.Warming {
					return 1
				}
				return 0
			}),
		gauge("tree_warm_seconds", "How long the warm-up after opening took (so far, while warming).",
			func(s store.Stats) float64 { return s.WarmTook.Seconds() }),
		gauge("commit_batch_bytes", "Size of the last commit's batch (state, tree nodes, orphan record, pruning).",
			func(s store.Stats) float64 { return float64(s.LastCommit.BatchBytes) }),
		gauge("commit_tree_nodes", "Tree nodes the last commit wrote.",
			func(s store.Stats) float64 { return float64(s.LastCommit.Nodes) }),
		gauge("commit_pruned_nodes", "Superseded tree nodes the last commit deleted (keep_recent_heights old).",
			func(s store.Stats) float64 { return float64(s.LastCommit.Pruned) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Namespace: "puhui", Name: "state_db_write_stalls_total",
			Help: "Writes the state database held back while flushes or compactions caught up, since the node started."},
			func() float64 { return float64(db.Stats().WriteStalls) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Namespace: "puhui", Name: "state_db_write_stall_seconds_total",
			Help: "Time the state database's writes were held back, since the node started."},
			func() float64 { return db.Stats().WriteStallTime.Seconds() }),
		gauge("state_db_l0_sublevels", "Sublevels in the state database's level 0 (read amplification; writes stall at its limit).",
			func(s store.Stats) float64 { return float64(s.L0Sublevels) }),
		gauge("state_db_compaction_debt_bytes", "Bytes the state database estimates it must still compact.",
			func(s store.Stats) float64 { return float64(s.CompactionDebt) }),
	}
}

// Metrics returns the application's metrics.
func (a *App) Metrics() *Metrics { return a.metrics }

func (m *Metrics) observeBlock(n int, results []*abci.ExecTxResult, took time.Duration) {
	okCount := 0
	for _, r := range results {
		if r.Code == abci.CodeTypeOK {
			okCount++
		}
	}
	m.txs.WithLabelValues("ok").Add(float64(okCount))
	m.txs.WithLabelValues("failed").Add(float64(n - okCount))
	m.blockSeconds.Observe(took.Seconds())
}
