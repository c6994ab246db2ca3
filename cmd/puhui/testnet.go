package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/node"
)

func newTestnetCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "testnet",
		Short: "Write a local multi-validator network (DIR/node0 …, DIR/testnet.json)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n, _ := cmd.Flags().GetInt("validators")
			period, _ := cmd.Flags().GetDuration("voting-period")
			tn, err := node.NewTestnet(str(cmd, "out"), n, str(cmd, "chain-id"), str(cmd, "time-zone"), period)
			if err != nil {
				return err
			}
			return printOut(cmd, tn, func() string {
				s := fmt.Sprintf("testnet %s with %d validators in %s", tn.ChainID, len(tn.Nodes), str(cmd, "out"))
				for _, nd := range tn.Nodes {
					s += fmt.Sprintf("\n  %s  api %s  rpc %s  p2p %s  member %s", nd.Name, nd.APIURL, nd.RPCURL, nd.P2PAddress, nd.MemberAddress)
				}
				return s + "\nrun all: puhui testnet start --out " + str(cmd, "out")
			})
		},
	}
	cmd.Flags().Int("validators", 4, "number of validator nodes")
	cmd.Flags().String("out", "testnet", "output directory")
	cmd.Flags().String("chain-id", "puhui-testnet", "chain id")
	cmd.Flags().String("time-zone", node.DefaultTimeZone, "the consortium's IANA time zone")
	cmd.Flags().Duration("voting-period", 0, "governance voting period (default a week)")
	addOutputFlag(cmd)
	start := &cobra.Command{
		Use:   "start",
		Short: "Run every node of a testnet as a child process (logs in DIR/nodeK/node.log); Ctrl-C stops them all",
		Args:  cobra.NoArgs,
		RunE:  runTestnetStart,
	}
	start.Flags().String("out", "testnet", "testnet directory")
	cmd.AddCommand(start)
	return cmd
}

func runTestnetStart(cmd *cobra.Command, _ []string) error {
	tn, err := node.LoadTestnet(str(cmd, "out"))
	if err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	var procs []*exec.Cmd
	var wg sync.WaitGroup
	for _, nd := range tn.Nodes {
		logFile, err := os.OpenFile(filepath.Join(nd.Home, "node.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		defer logFile.Close()
		p := exec.Command(self, "start", "--home", nd.Home)
		p.Stdout, p.Stderr = logFile, logFile
		if err := p.Start(); err != nil {
			stopAll(procs)
			return fmt.Errorf("%s: %w", nd.Name, err)
		}
		procs = append(procs, p)
		fmt.Fprintf(cmd.OutOrStdout(), "%s started (pid %d): api %s rpc %s\n", nd.Name, p.Process.Pid, nd.APIURL, nd.RPCURL)
		wg.Add(1)
		go func(name string, p *exec.Cmd) {
			defer wg.Done()
			if err := p.Wait(); err != nil {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s exited: %v (see its node.log)\n", name, err)
			}
		}(nd.Name, p)
	}
	waitForSignal()
	fmt.Fprintln(cmd.OutOrStdout(), "stopping all nodes…")
	stopAll(procs)
	wg.Wait()
	return nil
}

func stopAll(procs []*exec.Cmd) {
	for _, p := range procs {
		if p.Process != nil {
			_ = p.Process.Signal(syscall.SIGTERM)
		}
	}
}
