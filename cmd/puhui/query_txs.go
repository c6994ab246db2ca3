package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
)

// maxTxArgs bounds one `query tx` call: each hash is one query within the query timeout.
const maxTxArgs = 5000

// txQueryCmd looks committed transactions up by hash. With one hash the JSON answer is the
// transaction; with several, a list in argument order. Any hash not committed fails the
// command, naming it.
func txQueryCmd() *cobra.Command {
	return queryCommand("tx HASH...", "Committed transactions by hash", cobra.RangeArgs(1, maxTxArgs),
		func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) (any, func() string, error) {
			out := make([]*client.TxResult, 0, len(args))
			for _, h := range args {
				r, err := c.Tx(ctx, h)
				if err != nil {
					return nil, nil, fmt.Errorf("transaction %s: %w", h, err)
				}
				out = append(out, r)
			}
			text := func() string {
				lines := make([]string, len(out))
				for i, r := range out {
					lines[i] = txText(r, newScales(ctx, c))
				}
				return strings.Join(lines, "\n")
			}
			if len(out) == 1 {
				return out[0], text, nil
			}
			return out, text, nil
		})
}

// accountTxsCmd lists the transactions that touched an account, newest first.
func accountTxsCmd() *cobra.Command {
	cmd := queryCommand("account-txs ADDRESS", "Committed transactions that touched an account, newest first", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) (any, func() string, error) {
			after, _ := cmd.Flags().GetString("after")
			l, err := c.AccountTxs(ctx, args[0], after)
			if err != nil {
				return nil, nil, err
			}
			return l, func() string { return accountTxsText(l) }, nil
		})
	cmd.Flags().String("after", "", "continue a listing: the previous page's next")
	return cmd
}

func accountTxsText(l *query.AccountTxs) string {
	lines := []string{fmt.Sprintf("account %s: %d transactions", l.Address, len(l.Txs))}
	for _, t := range l.Txs {
		status := "ok"
		if t.Code != 0 {
			status = fmt.Sprintf("FAILED %s/%d", t.Codespace, t.Code)
		}
		lines = append(lines, fmt.Sprintf("  %d.%d %s %s", t.Height, t.Index, t.Hash, status))
	}
	if l.Next != "" {
		lines = append(lines, "  more: --after "+l.Next)
	}
	return strings.Join(lines, "\n")
}
