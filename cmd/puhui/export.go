package main

import (
	"fmt"
	"os"
	"time"

	cmtjson "github.com/cometbft/cometbft/libs/json"
	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/node"
)

func exportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the stopped node's last committed state as a genesis file for a new chain",
		Long: "export reads the state the node in --home committed last and writes a genesis file whose app_state " +
			"carries every state key and value, filed by module, with the state's validators and initial height one " +
			"above the exported height. A chain started from it begins with the exported state root: this is how a " +
			"consortium moves to a new binary across a breaking change. Stop the node first.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			home := homeOf(cmd)
			out, _ := cmd.Flags().GetString("out")
			chainID, _ := cmd.Flags().GetString("chain-id")
			doc, err := node.Export(home, chainID, time.Now())
			if err != nil {
				return err
			}
			b, err := cmtjson.MarshalIndent(doc, "", "  ")
			if err != nil {
				return err
			}
			if out == "" {
				_, err = fmt.Fprintln(cmd.OutOrStdout(), string(b))
				return err
			}
			return os.WriteFile(out, append(b, '\n'), 0o644)
		},
	}
	cmd.Flags().String("out", "", "file to write (default: standard output)")
	cmd.Flags().String("chain-id", "", "chain id of the new chain (default: the exported chain's)")
	return cmd
}
