package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/bench"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/keyring"
	"github.com/puhui-chain/puhui/node"
)

type testnetBenchResult struct {
	Validators int           `json:"validators"`
	Puhui      *bench.Result `json:"puhui"`
	// PuhuiPaced is the same network fed at an offered rate (--rate), an open loop.
	PuhuiPaced *bench.Result `json:"puhui_paced,omitempty"`
	KVStore    *bench.Result `json:"cometbft_kvstore,omitempty"`
	Ratio      float64       `json:"puhui_over_kvstore,omitempty"`
	// The kvstore fed by JSON-RPC batch requests of broadcast_tx_sync, its best public path.
	KVStoreBatched *bench.Result `json:"cometbft_kvstore_batched,omitempty"`
	RatioBatched   float64       `json:"puhui_over_kvstore_batched,omitempty"`
}

// runTestnetBench measures Puhui on n local validator processes, fed through their REST batch
// endpoints, then CometBFT's kvstore example on n nodes with the same consensus settings fed
// one transaction per JSON-RPC request and then by JSON-RPC batch requests, in one run on the
// same machine.
func runTestnetBench(cmd *cobra.Command, cfg bench.Config, n int) error {
	ctx := cmd.Context()
	dir, err := os.MkdirTemp("", "puhui-bench-net-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	errOut := cmd.ErrOrStderr()
	cfg.Progress = progressPrinter(errOut)
	runs := []bench.Config{cfg}
	if rate, _ := cmd.Flags().GetFloat64("rate"); rate > 0 {
		runs = append(runs, pacedConfig(cfg, rate))
	}
	fmt.Fprintf(errOut, "puhui: %d validators, %d accounts, pre-signing %d transfers…\n", n, cfg.Accounts, cfg.MaxTxs)
	puhui, err := benchNetwork(ctx, errOut, filepath.Join(dir, "puhui"), n, "start", func(ctx context.Context, tn *node.Testnet, nodes []*client.Client, cfg bench.Config) ([]bench.Stream, error) {
		if cfg.Rate > 0 {
			fmt.Fprintf(errOut, "puhui: the same network paced at %.0f tx/s offered…\n", cfg.Rate)
		}
		funder, err := operatorSigner(tn.Nodes[0].Home)
		if err != nil {
			return nil, err
		}
		accts, err := bench.Setup(ctx, nodes[0], funder, cfg)
		if err != nil {
			return nil, err
		}
		return bench.AccountStreams(accts, n), nil
	}, runs, true)
	if err != nil {
		return err
	}
	out := testnetBenchResult{Validators: n, Puhui: puhui[0]}
	if len(puhui) > 1 {
		out.PuhuiPaced = puhui[1]
	}
	if compare, _ := cmd.Flags().GetBool("kvstore"); compare {
		if out.KVStore, out.KVStoreBatched, err = benchKVStore(ctx, errOut, dir, n, cfg); err != nil {
			return err
		}
		out.Ratio, out.RatioBatched = ratio(out.Puhui, out.KVStore), ratio(out.Puhui, out.KVStoreBatched)
	}
	return printOut(cmd, out, out.text)
}

func (out testnetBenchResult) text() string {
	line := func(name string, r *bench.Result) string {
		if r == nil {
			return ""
		}
		return fmt.Sprintf("\n  %-17s %6.0f tx/s, p50 %5.0f ms, p99 %5.0f ms", name, r.TPS, r.P50Millis, r.P99Millis)
	}
	s := fmt.Sprintf("%d validators on this machine:", out.Validators) + line("puhui (edge)", out.Puhui)
	if out.PuhuiPaced != nil {
		s += line(fmt.Sprintf("puhui at %.0f/s", out.PuhuiPaced.OfferedRate), out.PuhuiPaced)
	}
	if out.KVStore == nil {
		return s
	}
	return s + line("kvstore", out.KVStore) + line("kvstore batched", out.KVStoreBatched) +
		fmt.Sprintf("\n  puhui / kvstore %.2f, puhui / kvstore batched %.2f", out.Ratio, out.RatioBatched)
}

// benchKVStore runs CometBFT's kvstore example on n nodes with the same consensus settings,
// fed one transaction per JSON-RPC request and then by JSON-RPC batch requests.
func benchKVStore(ctx context.Context, errOut io.Writer, dir string, n int, cfg bench.Config) (one, batched *bench.Result, err error) {
	kvStreams := func(context.Context, *node.Testnet, []*client.Client, bench.Config) ([]bench.Stream, error) {
		return bench.KVStreams(cfg.Accounts, n, cfg.MaxTxs/cfg.Accounts), nil
	}
	fmt.Fprintf(errOut, "cometbft kvstore: %d validators, same settings, one transaction per JSON-RPC request…\n", n)
	res, err := benchNetwork(ctx, errOut, filepath.Join(dir, "kvstore"), n, "kvstore-node", kvStreams, []bench.Config{cfg}, false)
	if err != nil {
		return nil, nil, err
	}
	bcfg := cfg
	bcfg.RPCBatch, bcfg.Batch = true, min(max(cfg.Batch, 1), node.KVStoreMaxBatch)
	fmt.Fprintf(errOut, "cometbft kvstore: %d validators, same settings, JSON-RPC batches of %d broadcast_tx_sync…\n", n, bcfg.Batch)
	bres, err := benchNetwork(ctx, errOut, filepath.Join(dir, "kvstore-batched"), n, "kvstore-node", kvStreams, []bench.Config{bcfg}, false)
	if err != nil {
		return nil, nil, err
	}
	return res[0], bres[0], nil
}

func ratio(a, b *bench.Result) float64 {
	if b.TPS == 0 {
		return 0
	}
	return a.TPS / b.TPS
}

// benchNetwork writes a testnet layout, runs its nodes as child processes (`puhui <sub>
// --home …`) and, for each of runs in turn, prepares fresh streams and runs the workload; with
// edge, through the nodes' REST batch endpoints.
func benchNetwork(ctx context.Context, errOut io.Writer, dir string, n int, sub string,
	prepare func(context.Context, *node.Testnet, []*client.Client, bench.Config) ([]bench.Stream, error), runs []bench.Config, edge bool) ([]*bench.Result, error) {
	tn, err := node.NewTestnet(dir, n, "puhui-bench", node.DefaultTimeZone, 0)
	if err != nil {
		return nil, err
	}
	// The run follows blocks through node0's gRPC block services (bench.Config.GRPC).
	grpcPorts, err := node.FreePorts(n)
	if err != nil {
		return nil, err
	}
	for i, nd := range tn.Nodes {
		if err := node.EnableGRPC(nd.Home, grpcPorts[i]); err != nil {
			return nil, err
		}
	}
	stop, err := startChildren(tn, sub)
	if err != nil {
		return nil, err
	}
	defer stop()
	nodes := make([]*client.Client, n)
	for i, nd := range tn.Nodes {
		if nodes[i], err = dialWhenReady(ctx, nd.RPCURL); err != nil {
			return nil, fmt.Errorf("%s: %w", nd.Name, err)
		}
	}
	var out []*bench.Result
	for _, cfg := range runs {
		cfg.GRPC = grpcPorts[0]
		if edge {
			for _, nd := range tn.Nodes {
				cfg.APIs = append(cfg.APIs, nd.APIURL)
			}
		}
		streams, err := prepare(ctx, tn, nodes, cfg)
		if err != nil {
			return nil, err
		}
		res, err := bench.Run(ctx, nodes, streams, cfg)
		fmt.Fprintln(errOut)
		if err != nil {
			return nil, err
		}
		out = append(out, res)
	}
	return out, nil
}

func startChildren(tn *node.Testnet, sub string) (func(), error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	var procs []*exec.Cmd
	stop := func() {
		for _, p := range procs {
			_ = p.Process.Signal(syscall.SIGTERM)
		}
		for _, p := range procs {
			_ = p.Wait()
		}
	}
	for i, nd := range tn.Nodes {
		logFile, err := os.Create(filepath.Join(nd.Home, "node.log"))
		if err != nil {
			stop()
			return nil, err
		}
		p := exec.Command(self, sub, "--home", nd.Home)
		p.Env = append(os.Environ(), fmt.Sprintf("%s_OFFSET=%d", pprofEnv, i+1)) // the bench itself keeps the base port
		p.Stdout, p.Stderr = logFile, logFile
		if err := p.Start(); err != nil {
			stop()
			return nil, err
		}
		procs = append(procs, p)
	}
	return stop, nil
}

func dialWhenReady(ctx context.Context, url string) (*client.Client, error) {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := client.Dial(ctx, url); err == nil {
			if err := c.WaitHeight(ctx, 1, 30*time.Second); err == nil {
				return c, nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return nil, fmt.Errorf("node at %s did not start", url)
}

func operatorSigner(home string) (*client.Signer, error) {
	pass, err := node.KeyringPassphrase(home)
	if err != nil {
		return nil, err
	}
	kr, err := keyring.Open(filepath.Join(home, "keyring"))
	if err != nil {
		return nil, err
	}
	priv, err := kr.Load(node.OperatorKeyName, strings.TrimSpace(pass))
	if err != nil {
		return nil, err
	}
	return client.NewSigner(priv), nil
}

func newKVStoreNodeCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "kvstore-node",
		Short:  "Run CometBFT's kvstore example in a home (the benchmark's yardstick)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n, err := node.StartKVStore(cmd.Context(), homeOf(cmd), cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			waitForSignal()
			if err := n.Stop(); err != nil {
				return err
			}
			n.Wait()
			return nil
		},
	}
}
