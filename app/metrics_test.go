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
	changes := store.NewCache(db.State())
	changes.Set([]byte("a"), []byte("1"))
	changes.Set([]byte("b"), []byte("2"))
	root, err := db.ApplyChanges(1, changes)
	require.NoError(t, err)
	require.NoError(t, db.Commit(1, root, changes))
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
	for _, name := range []string{"puhui_tree_cached_nodes", "puhui_tree_node_disk_reads_total", "puhui_tree_warming", "puhui_tree_warm_seconds",
		"puhui_commit_pruned_nodes", "puhui_state_db_write_stalls_total", "puhui_state_db_write_stall_seconds_total",
		"puhui_state_db_l0_sublevels", "puhui_state_db_compaction_debt_bytes"} {
		require.Contains(t, values, name)
	}
	// The last commit's batch: two state keys and the tree nodes above them.
	last := db.Stats().LastCommit
	require.Positive(t, last.Nodes)
	require.Equal(t, float64(last.Nodes), values["puhui_commit_tree_nodes"])
	require.Equal(t, float64(last.BatchBytes), values["puhui_commit_batch_bytes"])
	require.Positive(t, values["puhui_commit_batch_bytes"])
}
