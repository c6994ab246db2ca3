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
		Long: "Without --node, starts a single-validator node in a temporary home (fsync on) and runs against it twice: first\n" +
			"as an external client does, through its REST batch endpoint over loopback HTTP (--batch per request), then\n" +
			"submitting in process (the figures under in_process), and reports both and their ratio.\n" +
			"With --node, targets that node and funds the accounts with the --from key (a member that may\n" +
			"register accounts and issue assets; a bank for --workload repay).\n" +
			"--workload transfer sends 1 minor unit to the next account; --workload repay first gives every\n" +
			"account a 52-week loan from the funder, then pays 1 minor unit on it ahead of schedule (each\n" +
			"repayment re-amortises the loan: the dearest repayment). Compare the two runs' tx/s.\n" +
			"Those runs send as fast as the node takes (its throughput; latency is then queueing). --rate R adds a\n" +
			"run through the edge paced at R transactions a second offered, an open loop whose latencies count from\n" +
			"each batch's scheduled time (what a user sees below saturation; edge_paced / puhui_paced in the JSON).",
		Args: cobra.NoArgs,
		RunE: runBench,
	}
	addOutputFlag(cmd)
	cmd.Flags().String(flagNode, "", "CometBFT RPC address of a node to target (default: start one)")
	cmd.Flags().String(flagFrom, "", "funding key with --node")
	cmd.Flags().String(flagAPI, "", "with --node: the node's REST API, to submit through its batch endpoint (default: one RPC request per transaction)")
	cmd.Flags().Int("batch", 500, "transactions per batch request through the REST API")
	cmd.Flags().String(flagKeyringDir, "", "keyring directory (default HOME/keyring)")
	cmd.Flags().Int("accounts", 200, "funded sending accounts")
	cmd.Flags().Duration("duration", 60*time.Second, "measurement window")
	cmd.Flags().Int("workers", 8, "concurrent submitters")
	cmd.Flags().Int("max-txs", 1_000_000, "pre-signed transactions (upper bound)")
	cmd.Flags().String("workload", bench.WorkloadTransfer, "transfer or repay")
	cmd.Flags().Int("testnet", 0, "run against N local validator processes, then CometBFT's kvstore example on N nodes, and compare")
	cmd.Flags().Bool("kvstore", true, "with --testnet: compare with CometBFT's kvstore example (false: Puhui's runs only)")
	cmd.Flags().Float64("rate", 0, "also run the edge paced at this many transactions a second offered (an open loop, each request at most 50 ms of it), and report its latencies")
	return cmd
}

func runBench(cmd *cobra.Command, _ []string) error {
	ctx := cmd.Context()
	i := func(n string) int { v, _ := cmd.Flags().GetInt(n); return v }
	d, _ := cmd.Flags().GetDuration("duration")
	workload, _ := cmd.Flags().GetString("workload")
	cfg := bench.Config{Accounts: i("accounts"), Duration: d, Workers: i("workers"), MaxTxs: i("max-txs"), Asset: "BENCH",
		Workload: workload, Batch: i("batch")}
	if n := i("testnet"); n > 0 {
		if workload != bench.WorkloadTransfer {
			return fmt.Errorf("--testnet compares transfers with CometBFT's kvstore; use --workload %s", bench.WorkloadTransfer)
		}
		return runTestnetBench(cmd, cfg, n)
	}
	t, err := benchTarget(ctx, cmd)
	if err != nil {
		return err
	}
	defer t.stop()
	errOut := cmd.ErrOrStderr()
	cfg.Progress = progressPrinter(errOut)
	var out benchReport
	if t.apiURL != "" {
		edge := cfg
		edge.APIs = []string{t.apiURL}
		if out.Result, err = benchOnce(ctx, cmd, t, edge, "edge_batch"); err != nil {
			return err
		}
	}
	if rate, _ := cmd.Flags().GetFloat64("rate"); rate > 0 && t.apiURL != "" {
		paced := pacedConfig(cfg, rate)
		paced.APIs = []string{t.apiURL}
		if out.Paced, err = benchOnce(ctx, cmd, t, paced, "edge_batch_paced"); err != nil {
			return err
		}
	}
	if t.inProcess || t.apiURL == "" {
		path := map[bool]string{true: "in_process", false: "rpc"}[t.inProcess]
		res, err := benchOnce(ctx, cmd, t, cfg, path)
		if err != nil {
			return err
		}
		if out.Result == nil {
			out.Result = res
		} else if out.InProcess = res; res.TPS > 0 {
			out.EdgeOverInProcess = out.TPS / res.TPS
		}
	}
	return printOut(cmd, out, func() string { return out.text() })
}

// benchReport is the figures of the edge (batch submission over HTTP) at the top, and the
// in-process submission's alongside when the bench started the node itself.
type benchReport struct {
	*bench.Result
	InProcess *bench.Result `json:"in_process,omitempty"`
	// Paced is the edge at an offered rate (--rate) rather than as fast as the node takes.
	Paced             *bench.Result `json:"edge_paced,omitempty"`
	EdgeOverInProcess float64       `json:"edge_over_in_process,omitempty"`
}

func (r benchReport) text() string {
	line := func(res *bench.Result) string {
		return fmt.Sprintf("%s, %s: committed %.0f tx/s over %.0fs (p50 %.0f ms, p99 %.0f ms), %.2f blocks/s, %.0f tx/block, %d failed",
			res.Workload, res.Path, res.TPS, res.WindowSeconds, res.P50Millis, res.P99Millis, res.BlocksPerSecond, res.TxsPerBlock, res.Failed)
	}
	s := line(r.Result)
	if r.Paced != nil {
		s += "\n" + line(r.Paced) + fmt.Sprintf(" (offered %.0f tx/s)", r.Paced.OfferedRate)
	}
	if r.InProcess != nil {
		s += "\n" + line(r.InProcess) + fmt.Sprintf("\nedge / in-process: %.2f", r.EdgeOverInProcess)
	}
	return s + fmt.Sprintf("\nEd25519 verify on one core: %.0f/s, so committed tx/s = %.3f × one core's verify rate (%d cores)",
		r.VerifyPerSecond, r.TPSOverVerifyRate, r.Cores)
}

// pacedConfig is cfg paced at rate, with enough pre-signed transactions for its window. Each
// request carries at most 50 ms of the offered load (and no more than --batch): a client
// feeding users' payments as they come does not hold them back to fill a large batch, and
// half a second's payments in one request every quarter second would leave the mempool empty
// between them (measured at four validators, 2,000 tx/s: consensus then waited ~130 ms a
// height for transactions to arrive).
func pacedConfig(cfg bench.Config, rate float64) bench.Config {
	cfg.Rate = rate
	cfg.Batch = max(1, min(cfg.Batch, int(rate/20)))
	cfg.MaxTxs = min(cfg.MaxTxs, int(rate*cfg.Duration.Seconds()*1.2)+cfg.Accounts*cfg.Batch)
	return cfg
}

// benchOnce sets up fresh pre-signed transactions and runs them along path.
func benchOnce(ctx context.Context, cmd *cobra.Command, t *benchNode, cfg bench.Config, path string) (*bench.Result, error) {
	errOut := cmd.ErrOrStderr()
	fmt.Fprintf(errOut, "%s: setting up %d accounts and pre-signing %d transactions (%s)…\n", path, cfg.Accounts, cfg.MaxTxs, cfg.Workload)
	accts, err := bench.Setup(ctx, t.c, t.funder, cfg)
	if err != nil {
		return nil, err
	}
	res, err := bench.Run(ctx, []*client.Client{t.c}, bench.AccountStreams(accts, 1), cfg)
	fmt.Fprintln(errOut)
	if err != nil {
		return nil, err
	}
	res.Workload, res.Path = cfg.Workload, path
	res.VerifyPerSecond = bench.VerifyRate(time.Second)
	res.TPSOverVerifyRate = res.TPS / res.VerifyPerSecond
	return res, nil
}

// benchNode is the node a single-node bench runs against.
type benchNode struct {
	c         *client.Client
	funder    *client.Signer
	apiURL    string // its REST API; "" when only its RPC was given
	inProcess bool   // the bench started it in this process
	stop      func()
}

// benchTarget connects to --node (and --api), or starts a node in a temporary home.
func benchTarget(ctx context.Context, cmd *cobra.Command) (*benchNode, error) {
	if url := str(cmd, flagNode); url != "" {
		c, err := client.Dial(ctx, url)
		if err != nil {
			return nil, err
		}
		s, err := loadSigner(cmd)
		return &benchNode{c: c, funder: s, apiURL: str(cmd, flagAPI), stop: func() {}}, err
	}
	home, err := os.MkdirTemp("", "puhui-bench-")
	if err != nil {
		return nil, err
	}
	if err := node.Init(home, node.InitOptions{ChainID: "puhui-bench", APIListen: "127.0.0.1:0",
		RPCListen: "127.0.0.1:0", P2PListen: "127.0.0.1:0"}); err != nil {
		return nil, err
	}
	logFile, err := os.Create(home + "/node.log")
	if err != nil {
		return nil, err
	}
	n, err := fullnode.Start(ctx, home, node.Overrides{Log: logFile})
	if err != nil {
		return nil, err
	}
	stop := func() {
		_ = n.Stop()
		logFile.Close()
		os.RemoveAll(home)
	}
	signer, err := fullnode.OperatorSigner(n)
	if err != nil {
		stop()
		return nil, err
	}
	c := client.New(n.Client, n.ChainID)
	if err := c.WaitHeight(ctx, 1, time.Minute); err != nil {
		stop()
		return nil, err
	}
	return &benchNode{c: c, funder: signer, apiURL: "http://" + n.APIAddr, inProcess: true, stop: stop}, nil
}

func progressPrinter(w io.Writer) func(p bench.Progress) {
	return func(p bench.Progress) {
		fmt.Fprintf(w, "\r%5.0fs  submitted %8d  committed %8d  (%6.0f tx/s)", p.Elapsed.Seconds(), p.Submitted, p.Committed,
			float64(p.Committed)/p.Elapsed.Seconds())
	}
}
