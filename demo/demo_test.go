package demo_test

import (
	"context"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/demo"
	"github.com/puhui-chain/puhui/fullnode"
	"github.com/puhui-chain/puhui/keyring"
	"github.com/puhui-chain/puhui/node"
	"github.com/puhui-chain/puhui/query"
)

// TestDemoReachesEveryLoanState runs the sandbox on a real node with a business day every half
// second and waits until its loans have reached every state the scenario promises.
func TestDemoReachesEveryLoanState(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a node for about half a minute")
	}
	keyring.KDFParams = keyring.Argon2Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}
	home := filepath.Join(t.TempDir(), "demo")
	require.NoError(t, node.Init(home, node.InitOptions{ChainID: "puhui-demo", APIListen: "127.0.0.1:0",
		RPCListen: "127.0.0.1:0", P2PListen: "127.0.0.1:0", AdjustGenesis: demo.Genesis(500 * time.Millisecond)}))
	n, err := fullnode.Start(context.Background(), home, node.Overrides{Log: io.Discard})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, n.Stop()) })

	inst, err := demo.LoadInstitutions(home)
	require.NoError(t, err)
	people, err := demo.LoadPeople(home)
	require.NoError(t, err)
	c := client.New(n.Client, n.ChainID)
	sc := &demo.Scenario{C: c, Inst: inst, People: people}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	require.NoError(t, sc.Seed(ctx))
	go func() { _ = sc.Run(ctx) }()

	want := map[string]string{
		"emre": "applied", "fatima": "approved", "dina": "rejected", "lena": "closed", "hana": "expired",
		"bilal": "defaulted", "carlos": "written_off", "amina": "closed", "gita": "active",
	}
	got := map[string]string{}
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) && !matches(got, want) {
		time.Sleep(500 * time.Millisecond)
		for name, id := range sc.Loans() {
			if l, err := c.Loan(ctx, id); err == nil {
				got[name] = l.Status
			}
		}
		if got["gita"] == "closed" {
			got["gita"] = "active" // it may finish before the others catch up: both are fine
		}
	}
	require.Equal(t, want, pick(got, want), "loan states")

	kofi, err := c.Loan(ctx, sc.Loans()["kofi"])
	require.NoError(t, err)
	require.Positive(t, kofi.CoveredByGroup, "the group fund covered kofi")
	carlos, err := c.Loan(ctx, sc.Loans()["carlos"])
	require.NoError(t, err)
	require.Equal(t, int64(20_000), carlos.Recovered)
	gita, err := c.Loan(ctx, sc.Loans()["gita"])
	require.NoError(t, err)
	require.Len(t, gita.Investments, 3)

	// Compliance reached every state: reports, alerts worked into cases (one overdue), a
	// freeze that lapsed, and an early warning.
	counts, err := sc.ComplianceCounts(ctx)
	require.NoError(t, err)
	require.GreaterOrEqual(t, counts.LargeValueReports, 2)
	require.Equal(t, map[string]int{"dismissed": 1, "in_case": 3}, counts.Alerts)
	require.Equal(t, map[string]int{"false_positive": 1, "reported": 1, "confirmed": 1}, counts.Cases)
	require.Equal(t, 1, counts.OverdueReports, "the scheduler flagged the unfiled report")
	require.Equal(t, 1, counts.FreezeOrders["lapsed"])
	warnings, err := client.Query(ctx, c, query.ListEarlyWarnings, "")
	require.NoError(t, err)
	kinds := map[string]bool{}
	for _, w := range warnings {
		kinds[w.Kind] = true
	}
	sup, err := client.Query(ctx, c, query.GetLenderSupervision, inst.MFI.Address())
	require.NoError(t, err)
	require.True(t, kinds["large_exposure"], "warnings: %+v\nMFI: %+v", warnings, sup)
}

func matches(got, want map[string]string) bool {
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

func pick(got, want map[string]string) map[string]string {
	out := map[string]string{}
	for k := range want {
		out[k] = got[k]
	}
	return out
}
