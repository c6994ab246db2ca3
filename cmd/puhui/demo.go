package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/demo"
	"github.com/puhui-chain/puhui/fullnode"
	"github.com/puhui-chain/puhui/node"
)

func newDemoCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "A sandbox: one node playing a consortium on a fast clock, with loans in every state",
		Long: "demo starts a single node whose business day passes every --day of block time, seeds a bank, an MFI,\n" +
			"a regulator, a KYC provider, borrowers and investors (their keys in the demo home's keyring: --from amina),\n" +
			"three loan products and loans in every state, then keeps running while the loans live their lives.\n" +
			"Without --home it uses a new temporary directory.",
		Args: cobra.NoArgs,
		RunE: runDemo,
	}
	cmd.Flags().Duration("day", 2*time.Second, "block time per business day")
	cmd.Flags().Bool("keep", false, "keep the temporary home when the demo stops")
	addListenFlags(cmd)
	return cmd
}

func runDemo(cmd *cobra.Command, _ []string) error {
	home := homeOf(cmd)
	s := func(n string) string { v, _ := cmd.Flags().GetString(n); return v }
	listen := map[string]string{"api-listen": s("api-listen"), "rpc-listen": s("rpc-listen"), "p2p-listen": s("p2p-listen")}
	if !cmd.Flags().Changed(flagHome) && os.Getenv("PUHUI_HOME") == "" {
		// A throwaway home: it goes when the demo stops (unless --keep), and it listens on
		// free loopback ports, so that it runs beside a node started from the README.
		dir, err := os.MkdirTemp("", "puhui-demo-")
		if err != nil {
			return err
		}
		home = dir
		if keep, _ := cmd.Flags().GetBool("keep"); !keep {
			defer func() {
				if err := os.RemoveAll(dir); err == nil {
					fmt.Fprintf(cmd.OutOrStdout(), "removed %s (--keep keeps it)\n", dir)
				}
			}()
		}
		free, err := node.FreePorts(3)
		if err != nil {
			return err
		}
		for i, flag := range []string{"api-listen", "rpc-listen", "p2p-listen"} {
			if listen[flag] == "" {
				listen[flag] = free[i]
			}
		}
	}
	s = func(n string) string { return listen[n] }
	day, _ := cmd.Flags().GetDuration("day")
	fresh := !node.IsInitialized(home)
	if fresh {
		if err := node.Init(home, node.InitOptions{ChainID: "puhui-demo", MemberName: "Yangtze Bank",
			APIListen: s("api-listen"), RPCListen: s("rpc-listen"), P2PListen: s("p2p-listen"),
			AdjustGenesis: demo.Genesis(day)}); err != nil {
			return err
		}
	}
	n, err := fullnode.Start(cmd.Context(), home, node.Overrides{APIListen: s("api-listen"), RPCListen: s("rpc-listen"),
		P2PListen: s("p2p-listen"), Metrics: true})
	if err != nil {
		return err
	}
	defer n.Stop()
	out := cmd.OutOrStdout()
	printNode(out, n, home)
	sc, err := demo.Load(home, client.New(n.Client, n.ChainID), out)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if fresh {
		if err := sc.Seed(ctx); err != nil {
			return err
		}
		fmt.Fprintf(out, "demo: a business day passes every %s. In another terminal:\n", day)
		fmt.Fprintf(out, "  export PUHUI_HOME=%s PUHUI_NODE=http://%s\n", home, n.RPCAddr)
		fmt.Fprintf(out, "  export PUHUI_PASSPHRASE=\"$(cat $PUHUI_HOME/config/keyring-passphrase)\"\n")
		fmt.Fprintf(out, "  puhui keys list; puhui query loan 1; puhui query portfolio %s\n", sc.Inst.MFI.Address())
		fmt.Fprintf(out, "  curl -s http://%s/v1/lending/loans/1\n", n.APIAddr)
		fmt.Fprintf(out, "  curl -s http://%s/v1/scf/graphs/2   # the supply chain, tier by tier\n", n.APIAddr)
		fmt.Fprintf(out, "  puhui query oracle rounds %s; puhui query insurance policies %s\n", demo.DemoFeed, sc.People["zara"].Address())
	}
	go func() {
		if err := sc.Run(ctx); err != nil {
			fmt.Fprintf(out, "demo: %v\n", err)
		}
	}()
	waitForSignal()
	fmt.Fprintln(out, "stopping…")
	cancel()
	return n.Stop()
}
