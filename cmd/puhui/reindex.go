package main

import (
	"fmt"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/node"
)

func newReindexCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "reindex",
		Short: "Rebuild a stopped node's transaction index from its blocks and their stored results",
		Long: "The node writes each block's transaction index entries with the block's state, so it never\n" +
			"needs this after a crash; a node also fills any gap at start. reindex clears the index and\n" +
			"rebuilds it from the block store, for a damaged index or to check one. The node must be stopped.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			height, err := node.Reindex(homeOf(cmd), log)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "transaction index rebuilt through height %d\n", height)
			return nil
		},
	}
}
