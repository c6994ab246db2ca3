package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/bench"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/fullnode"
	"github.com/puhui-chain/puhui/node"
)

func newBenchCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure committed signed transactions per second and submit-to-commit latency",
		Long: "Without --node, starts a single-validator node in a temporary home (fsync on) and runs against it.\n" +
			"With --node, targets that node and funds the accounts with the --from key (a member that may\n" +
			"register accounts and issue assets; a bank for --workload repay).\n" +
			"--workload transfer sends 1 minor unit to the next account; --workload repay first gives every\n" +
			"account a 52-week loan from the funder, then pays 1 minor unit on it ahead of schedule (each\n" +
			"repayment re-amortises the loan: the dearest repayment). Compare the two runs' tx/s.",
		Args: cobra.NoArgs,
		RunE: runBench,
	}
	addOutputFlag(cmd)
	cmd.Flags().String(flagNode, "", "CometBFT RPC address of a node to target (default: start one)")
	cmd.Flags().String(flagFrom, "", "funding key with --node")
	cmd.Flags().String(flagKeyringDir, "", "keyring directory (default HOME/keyring)")
	cmd.Flags().Int("accounts", 200, "funded sending accounts")
	cmd.Flags().Duration("duration", 60*time.Second, "measurement window")
	cmd.Flags().Int("workers", 8, "concurrent submitters")
	cmd.Flags().Int("max-txs", 1_000_000, "pre-signed transactions (upper bound)")
	cmd.Flags().String("workload", bench.WorkloadTransfer, "transfer or repay")
	cmd.Flags().Int("testnet", 0, "run against N local validator processes, then CometBFT's kvstore example on N nodes, and compare")
	return cmd
}

func runBench(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	i := func(n string) int { v, _ := cmd.Flags().GetInt(n); return v }
	d, _ := cmd.Flags().GetDuration("duration")
	workload, _ := cmd.Flags().GetString("workload")
	cfg := bench.Config{Accounts: i("accounts"), Duration: d, Workers: i("workers"), MaxTxs: i("max-txs"), Asset: "BENCH",
		Workload: workload}
	if n := i("testnet"); n > 0 {
		if workload != bench.WorkloadTransfer {
			return fmt.Errorf("--testnet compares transfers with CometBFT's kvstore; use --workload %s", bench.WorkloadTransfer)
		}
		return runTestnetBench(cmd, cfg, n)
	}
	c, funder, stop, err := benchTarget(ctx, cmd)
	if err != nil {
		return err
	}
	defer stop()
	errOut := cmd.ErrOrStderr()
	fmt.Fprintf(errOut, "setting up %d accounts and pre-signing %d transactions (%s)…\n", cfg.Accounts, cfg.MaxTxs, workload)
	accts, err := bench.Setup(ctx, c, funder, cfg)
	if err != nil {
		return err
	}
	cfg.Progress = progressPrinter(errOut)
	res, err := bench.Run(ctx, []*client.Client{c}, bench.AccountStreams(accts, 1), cfg)
	fmt.Fprintln(errOut)
	if err != nil {
		return err
	}
	res.Workload = workload
	res.VerifyPerSecond = bench.VerifyRate(time.Second)
	res.TPSOverVerifyRate = res.TPS / res.VerifyPerSecond
	return printOut(cmd, res, func() string {
		return fmt.Sprintf("%s: committed %.0f tx/s over %.0fs (p50 %.0f ms, p99 %.0f ms), %.2f blocks/s, %.0f tx/block, %d failed\n"+
			"Ed25519 verify on one core: %.0f/s, so committed tx/s = %.3f × one core's verify rate (%d cores)",
			res.Workload, res.TPS, res.WindowSeconds, res.P50Millis, res.P99Millis, res.BlocksPerSecond, res.TxsPerBlock, res.Failed,
			res.VerifyPerSecond, res.TPSOverVerifyRate, res.Cores)
	})
}

// benchTarget connects to --node, or starts a node in a temporary home.
func benchTarget(ctx context.Context, cmd *cobra.Command) (*client.Client, *client.Signer, func(), error) {
	if url := str(cmd, flagNode); url != "" {
		c, err := client.Dial(ctx, url)
		if err != nil {
			return nil, nil, nil, err
		}
		s, err := loadSigner(cmd)
		return c, s, func() {}, err
	}
	home, err := os.MkdirTemp("", "puhui-bench-")
	if err != nil {
		return nil, nil, nil, err
	}
	if err := node.Init(home, node.InitOptions{ChainID: "puhui-bench", APIListen: "127.0.0.1:0",
		RPCListen: "127.0.0.1:0", P2PListen: "127.0.0.1:0"}); err != nil {
		return nil, nil, nil, err
	}
	logFile, err := os.Create(home + "/node.log")
	if err != nil {
		return nil, nil, nil, err
	}
	n, err := fullnode.Start(ctx, home, node.Overrides{Log: logFile})
	if err != nil {
		return nil, nil, nil, err
	}
	stop := func() {
		_ = n.Stop()
		logFile.Close()
		os.RemoveAll(home)
	}
	signer, err := fullnode.OperatorSigner(n)
	if err != nil {
		stop()
		return nil, nil, nil, err
	}
	c := client.New(n.Client, n.ChainID)
	if err := c.WaitHeight(ctx, 1, time.Minute); err != nil {
		stop()
		return nil, nil, nil, err
	}
	return c, signer, stop, nil
}

func progressPrinter(w io.Writer) func(p bench.Progress) {
	return func(p bench.Progress) {
		fmt.Fprintf(w, "\r%5.0fs  submitted %8d  committed %8d  (%6.0f tx/s)", p.Elapsed.Seconds(), p.Submitted, p.Committed,
			float64(p.Committed)/p.Elapsed.Seconds())
	}
}
