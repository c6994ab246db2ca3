package app

import (
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the application's Prometheus metrics (namespace puhui).
type Metrics struct {
	height        prometheus.Gauge
	txs           *prometheus.CounterVec
	checkRejected prometheus.Counter
	blockSeconds  prometheus.Histogram
}

func newMetrics() *Metrics {
	return &Metrics{
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
	for _, c := range []prometheus.Collector{m.height, m.txs, m.checkRejected, m.blockSeconds} {
		if err := r.Register(c); err != nil {
			return err
		}
	}
	return nil
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
