package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/cometbft/cometbft/types"
	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/fullnode"
	"github.com/puhui-chain/puhui/node"
)

func addInitFlags(cmd *cobra.Command) {
	cmd.Flags().String("chain-id", node.DefaultChainID, "chain id")
	cmd.Flags().String("moniker", "puhui-node", "node name")
	cmd.Flags().String("member-name", node.DefaultMemberName, "name of the founding member (a bank)")
	cmd.Flags().String("time-zone", node.DefaultTimeZone, "the consortium's IANA time zone (business dates)")
	cmd.Flags().String("genesis", "", "join an existing network: its genesis file")
	cmd.Flags().String("peers", "", "join an existing network: comma-separated node-id@host:port")
	cmd.Flags().Duration("voting-period", 0, "governance voting period of a new chain (default a week)")
}

func initOptions(cmd *cobra.Command) (node.InitOptions, error) {
	s := func(n string) string { v, _ := cmd.Flags().GetString(n); return v }
	period, _ := cmd.Flags().GetDuration("voting-period")
	o := node.InitOptions{
		ChainID: s("chain-id"), Moniker: s("moniker"), MemberName: s("member-name"), TimeZone: s("time-zone"),
		APIListen: s("api-listen"), RPCListen: s("rpc-listen"), P2PListen: s("p2p-listen"), Peers: s("peers"),
		VotingPeriod: period,
	}
	if g := s("genesis"); g != "" {
		doc, err := types.GenesisDocFromFile(g)
		if err != nil {
			return o, err
		}
		o.Genesis, o.ChainID = doc, doc.ChainID
	}
	return o, nil
}

func addListenFlags(cmd *cobra.Command) {
	cmd.Flags().String("api-listen", "", "REST API listen address (default "+node.DefaultAPIListen+")")
	cmd.Flags().String("rpc-listen", "", "CometBFT RPC listen address (default "+node.DefaultRPCListen+")")
	cmd.Flags().String("p2p-listen", "", "P2P listen address (default "+node.DefaultP2PListen+")")
}

func newInitCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Create a node home: keys, genesis with one founding bank, configuration",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			home := homeOf(cmd)
			o, err := initOptions(cmd)
			if err != nil {
				return err
			}
			if err := node.Init(home, o); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "initialised %s\n", home)
			return nil
		},
	}
	addInitFlags(cmd)
	addListenFlags(cmd)
	return cmd
}

// sandboxVotingPeriod is the voting period of the chain `start` creates on a fresh home: its
// one member should not wait a week to admit a second one. `init` keeps the default week.
const sandboxVotingPeriod = 20 * time.Second

func newStartCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "start",
		Short: "Run a node (initialises the home on first run)",
		Args:  cobra.NoArgs,
		RunE:  runStart,
	}
	addInitFlags(cmd)
	addListenFlags(cmd)
	return cmd
}

func runStart(cmd *cobra.Command, _ []string) error {
	home := homeOf(cmd)
	if !node.IsInitialized(home) {
		o, err := initOptions(cmd)
		if err != nil {
			return err
		}
		if !cmd.Flags().Changed("voting-period") && o.Genesis == nil {
			o.VotingPeriod = sandboxVotingPeriod
		}
		if err := node.Init(home, o); err != nil && !errors.Is(err, node.ErrAlreadyInitialized) {
			return err
		}
		fmt.Fprintf(cmd.OutOrStdout(), "initialised %s\n", home)
		if o.Genesis == nil {
			fmt.Fprintf(cmd.OutOrStdout(), "a new single-member chain: governance decides in %s (`puhui init` makes one that votes for a week)\n", o.VotingPeriod)
		}
	}
	s := func(n string) string { v, _ := cmd.Flags().GetString(n); return v }
	ctx := cmd.Context()
	n, err := fullnode.Start(ctx, home, node.Overrides{
		APIListen: s("api-listen"), RPCListen: s("rpc-listen"), P2PListen: s("p2p-listen"), Metrics: true,
	})
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	printNode(out, n, home)
	select {
	case <-signalled():
		fmt.Fprintln(out, "stopping…")
		return n.Stop()
	case <-n.Failed():
		// Exit non-zero so that a supervisor (systemd Restart=on-failure) restarts the node.
		return n.StopAfterFailure(stopAfterFailureTimeout)
	}
}

// stopAfterFailureTimeout bounds a halted node's shutdown: its store may be unable to write.
const stopAfterFailureTimeout = 5 * time.Second

// printNode says where a started node listens.
func printNode(out io.Writer, n *node.Node, home string) {
	fmt.Fprintf(out, "puhui node %q running (chain %s, home %s)\n", n.Comet.Config().Moniker, n.ChainID, home)
	fmt.Fprintf(out, "  console    http://%s/  (explorer, portfolio, daily work; sign in with operator_token)\n", n.APIAddr)
	fmt.Fprintf(out, "  REST API   http://%s  (OpenAPI: /openapi.json, events: /v1/events)\n", n.APIAddr)
	fmt.Fprintf(out, "  metrics    http://%s/metrics\n", n.APIAddr)
	fmt.Fprintf(out, "  RPC        http://%s\n", n.RPCAddr)
	fmt.Fprintf(out, "  P2P        %s\n", n.P2PAddr)
	fmt.Fprintf(out, "  operator   %s (key %q in %s/keyring)\n", n.Operator, node.OperatorKeyName, home)
}

// signalled receives SIGINT or SIGTERM.
func signalled() <-chan os.Signal {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	return sig
}

// waitForSignal blocks until SIGINT or SIGTERM.
func waitForSignal() { <-signalled() }
