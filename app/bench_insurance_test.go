package app_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/insurance"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// BenchmarkSettlePolicies settles 10,000 policies of one parametric product, all falling due
// at the end of its season, in the one block the scheduler's per-block bound allows for
// them (FinalizeBlock + Commit on pebble with fsync): the index is fixed once, each policy
// is paid from the pool (its hold shrinks) to its insured. Reported as the cost per policy.
func BenchmarkSettlePolicies(b *testing.B) {
	const policies = scheduler.MaxPerBlock
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		c, end := policyChain(b, policies)
		c.Time = end.Add(-c.BlockInterval)
		b.StartTimer()
		if _, err := c.Block(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		rec, _ := insurance.GetProduct(c.State(), 1)
		last, _ := insurance.GetPolicy(c.State(), uint64(policies))
		if !rec.IndexFixed || last.Status != statepb.PolicyStatus_POLICY_STATUS_PAID {
			b.Fatalf("not every policy settled in the block: index fixed %v, last policy %s", rec.IndexFixed, last.Status)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*policies), "ns/policy")
}

// policyChain: a chain on disk with one drought product whose season ends at end, a final
// yield answer of half the reference, and n policies of 1,000.00 bought by a hundred farmers.
func policyChain(b *testing.B, n int) (*apptest.Chain, time.Time) {
	db, err := store.Open(b.TempDir(), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	bank, insurer := apptest.NewKey("bench-bank"), apptest.NewKey("bench-insurer")
	reporter := apptest.NewKey("bench-oracle")
	c := &apptest.Chain{App: app.New(db, apptest.ChainID, nil), DB: db, Time: apptest.GenesisTime, BlockInterval: time.Second}
	if err := c.Init(apptest.Member{Key: bank, Name: "Bank", Roles: []string{"bank"}},
		apptest.Member{Key: insurer, Name: "Insurer", Roles: []string{"insurer"}},
		apptest.Member{Key: reporter, Name: "Oracle", Roles: []string{"oracle"}}); err != nil {
		b.Fatal(err)
	}
	start := c.Time
	farmers := make([]*apptest.Key, 100)
	msgs := []*txpb.Msg{apptest.RegisterAsset("CNY", 2, 0), apptest.Mint("CNY", insurer.Address, 1<<50)}
	for i := range farmers {
		farmers[i] = apptest.NewKey(fmt.Sprintf("bench-farmer-%d", i))
		msgs = append(msgs, apptest.RegisterAccount(farmers[i].PubKey(), 1), apptest.Mint("CNY", farmers[i].Address, 1<<40))
	}
	var txs [][]byte
	for len(msgs) > 0 {
		k := min(60, len(msgs))
		txs, msgs = append(txs, bank.Sign(msgs[:k]...)), msgs[k:]
	}
	feed := &txpb.Feed{Id: "YIELD", Unit: "t/ha", Decimals: 1, HeartbeatSeconds: 30 * 86400, RoundTimeoutSeconds: 3600,
		MinSubmissions: 1, Reporters: []string{reporter.Address}}
	txs = append(txs, reporter.Sign(registerFeed(feed)), insurer.Sign(registerInsuranceProduct(droughtProduct("YIELD", start)),
		fundPool("CNY", int64(n)*100_000)))
	mustBlock(b, c, txs...)
	var buys [][]byte
	for i := 0; i < n; {
		f := farmers[(i/50)%len(farmers)]
		var batch []*txpb.Msg
		for ; len(batch) < 50 && i < n; i++ {
			batch = append(batch, buyPolicy(1, f.Address, 100_000, 0))
		}
		buys = append(buys, f.Sign(batch...))
	}
	buys = append(buys, reporter.Sign(observe("YIELD", 1, 10)))
	mustBlock(b, c, buys...)
	return c, start.Add(240 * time.Hour)
}
