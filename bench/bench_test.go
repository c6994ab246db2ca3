package bench_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/bench"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/node/nodetest"
)

// Both workloads set up and run against a real node: every pre-signed transaction commits
// and does what it says (transfers move money; repayments pay the accounts' own loans).
func TestWorkloads(t *testing.T) {
	n := nodetest.Start(t)
	ctx := context.Background()
	for _, workload := range []string{bench.WorkloadTransfer, bench.WorkloadRepay} {
		t.Run(workload, func(t *testing.T) {
			cfg := bench.Config{Accounts: 3, Duration: 3 * time.Second, Workers: 2, MaxTxs: 30, Asset: "BENCH", Workload: workload}
			accts, err := bench.Setup(ctx, n.Client, n.Operator, cfg)
			require.NoError(t, err)
			res, err := bench.Run(ctx, []*client.Client{n.Client}, bench.AccountStreams(accts, 1), cfg)
			require.NoError(t, err)
			require.Equal(t, 30, res.Committed)
			require.Zero(t, res.Failed)
		})
	}
	// Ten repayments of 1 minor unit each on every account's loan, ahead of schedule.
	for id := uint64(1); id <= 3; id++ {
		l, err := n.Client.Loan(ctx, id)
		require.NoError(t, err)
		require.Equal(t, "active", l.Status)
		require.Equal(t, int64(10_000_000-10), l.Outstanding, "loan %d", id)
	}
	_, err := n.Client.Loan(ctx, 4)
	require.Error(t, err, "one loan per account")
}

// Through the node's REST batch endpoint over loopback HTTP, as an external client: every
// pre-signed transfer commits, a few consecutive ones of each account in a batch.
func TestTransfersThroughTheEdge(t *testing.T) {
	n := nodetest.Start(t)
	ctx := context.Background()
	cfg := bench.Config{Accounts: 4, Duration: 3 * time.Second, Workers: 2, MaxTxs: 40, Asset: "BENCH",
		Workload: bench.WorkloadTransfer, APIs: []string{n.APIURL}, Batch: 6}
	accts, err := bench.Setup(ctx, n.Client, n.Operator, cfg)
	require.NoError(t, err)
	res, err := bench.Run(ctx, []*client.Client{n.Client}, bench.AccountStreams(accts, 1), cfg)
	require.NoError(t, err)
	require.Equal(t, 40, res.Committed)
	require.Equal(t, 40, res.Submitted)
	require.Zero(t, res.Failed)
	require.Positive(t, res.TPS)
}
