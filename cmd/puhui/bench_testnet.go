package main

import (
	"context"
	"fmt"
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
	KVStore    *bench.Result `json:"cometbft_kvstore"`
	Ratio      float64       `json:"puhui_over_kvstore"`
}

// runTestnetBench measures Puhui on n local validator processes, then CometBFT's kvstore
// example on n nodes with the same consensus settings, in one run on the same machine.
func runTestnetBench(cmd *cobra.Command, cfg bench.Config, n int) error {
	ctx := cmd.Context()
	dir, err := os.MkdirTemp("", "puhui-bench-net-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	errOut := cmd.ErrOrStderr()
	cfg.Progress = progressPrinter(errOut)

	fmt.Fprintf(errOut, "puhui: %d validators, %d accounts, pre-signing %d transfers…\n", n, cfg.Accounts, cfg.MaxTxs)
	puhuiRes, err := benchNetwork(ctx, filepath.Join(dir, "puhui"), n, "start", func(ctx context.Context, tn *node.Testnet, nodes []*client.Client) ([]bench.Stream, error) {
		funder, err := operatorSigner(tn.Nodes[0].Home)
		if err != nil {
			return nil, err
		}
		accts, err := bench.Setup(ctx, nodes[0], funder, cfg)
		if err != nil {
			return nil, err
		}
		return bench.AccountStreams(accts, n), nil
	}, cfg)
	fmt.Fprintln(errOut)
	if err != nil {
		return err
	}
	fmt.Fprintf(errOut, "cometbft kvstore: %d validators, same settings…\n", n)
	kvRes, err := benchNetwork(ctx, filepath.Join(dir, "kvstore"), n, "kvstore-node", func(context.Context, *node.Testnet, []*client.Client) ([]bench.Stream, error) {
		return bench.KVStreams(cfg.Accounts, n, cfg.MaxTxs/cfg.Accounts), nil
	}, cfg)
	fmt.Fprintln(errOut)
	if err != nil {
		return err
	}
	out := testnetBenchResult{Validators: n, Puhui: puhuiRes, KVStore: kvRes}
	if kvRes.TPS > 0 {
		out.Ratio = puhuiRes.TPS / kvRes.TPS
	}
	return printOut(cmd, out, func() string {
		return fmt.Sprintf("%d validators on this machine:\n  puhui    %.0f signed transfers/s, p50 %.0f ms, p99 %.0f ms\n"+
			"  kvstore  %.0f tx/s, p50 %.0f ms, p99 %.0f ms\n  ratio    %.2f", n, puhuiRes.TPS, puhuiRes.P50Millis, puhuiRes.P99Millis,
			kvRes.TPS, kvRes.P50Millis, kvRes.P99Millis, out.Ratio)
	})
}

// benchNetwork writes a testnet layout, runs its nodes as child processes (`puhui <sub>
// --home …`), prepares the streams and runs the workload.
func benchNetwork(ctx context.Context, out string, n int, sub string,
	prepare func(context.Context, *node.Testnet, []*client.Client) ([]bench.Stream, error), cfg bench.Config) (*bench.Result, error) {
	tn, err := node.NewTestnet(out, n, "puhui-bench", node.DefaultTimeZone, 0)
	if err != nil {
		return nil, err
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
	streams, err := prepare(ctx, tn, nodes)
	if err != nil {
		return nil, err
	}
	return bench.Run(ctx, nodes, streams, cfg)
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
	for _, nd := range tn.Nodes {
		logFile, err := os.Create(filepath.Join(nd.Home, "node.log"))
		if err != nil {
			stop()
			return nil, err
		}
		p := exec.Command(self, sub, "--home", nd.Home)
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
