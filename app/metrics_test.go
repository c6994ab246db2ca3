package app

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/store"
)

// The application's registry carries the state tree's counters, read from the store when
// scraped.
func TestMetricsReportTheTree(t *testing.T) {
	db, err := store.Open("", store.Options{InMemory: true, NodeCacheBytes: 64 << 20})
	require.NoError(t, err)
	defer db.Close()
	reg := prometheus.NewRegistry()
	require.NoError(t, New(db, "test", nil).Metrics().Register(reg))
	families, err := reg.Gather()
	require.NoError(t, err)
	values := map[string]float64{}
	for _, f := range families {
		for _, m := range f.GetMetric() {
			if g := m.GetGauge(); g != nil {
				values[f.GetName()] = g.GetValue()
			}
			if c := m.GetCounter(); c != nil {
				values[f.GetName()] = c.GetValue()
			}
		}
	}
	require.Equal(t, float64(db.Stats().CacheCapacity), values["puhui_tree_cache_capacity_nodes"])
	require.Greater(t, values["puhui_tree_cache_capacity_nodes"], 0.0)
	for _, name := range []string{"puhui_tree_cached_nodes", "puhui_tree_node_disk_reads_total", "puhui_tree_warming", "puhui_tree_warm_seconds"} {
		require.Contains(t, values, name)
	}
}
