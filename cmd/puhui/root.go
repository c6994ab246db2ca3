package main

import (
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
)

// Flag names shared by several commands.
const (
	flagHome   = "home"
	flagNode   = "node"
	flagOutput = "output"
	flagFrom   = "from"
)

// DefaultNode is the CometBFT RPC address of a local node.
const DefaultNode = "http://127.0.0.1:26657"

func defaultHome() string {
	if h := os.Getenv("PUHUI_HOME"); h != "" {
		return h
	}
	dir, err := os.UserHomeDir()
	if err != nil {
		return ".puhui"
	}
	return filepath.Join(dir, ".puhui")
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "puhui",
		Short:         "Puhui: a permissioned ledger for inclusive finance",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().String(flagHome, defaultHome(), "node home directory (PUHUI_HOME)")
	root.AddCommand(newInitCmd(), newStartCmd(), newKeysCmd(), newTxCmd(), newQueryCmd(), newVerifyCmd(),
		newVersionCmd(), newBenchCmd(), newTestnetCmd(), newShowNodeCmd(), newKVStoreNodeCmd(), newLendingCmd(), newDemoCmd(),
		newCreditCmd(), newDocsCmd(), newSCFCmd(), newInsuranceCmd(), newComplianceCmd(), newAssetsCmd(), newTrustCmd(),
		newOfferingCmd(), exportCmd(), newReindexCmd())
	return root
}

func homeOf(cmd *cobra.Command) string {
	h, _ := cmd.Flags().GetString(flagHome)
	return h
}

func defaultNode() string {
	if n := os.Getenv("PUHUI_NODE"); n != "" {
		return n
	}
	return DefaultNode
}

// addClientFlags adds --node and -o to a command that talks to a node.
func addClientFlags(cmd *cobra.Command) {
	cmd.Flags().String(flagNode, defaultNode(), "CometBFT RPC address of a node (PUHUI_NODE)")
	addOutputFlag(cmd)
}

func addOutputFlag(cmd *cobra.Command) {
	cmd.Flags().StringP(flagOutput, "o", "text", "output format: text or json")
}
