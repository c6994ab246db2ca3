package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/app"
)

func newAssetsCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "assets", Short: "Issued-asset tools"}
	quote := &cobra.Command{
		Use:   "quote-distribution",
		Short: "Compute a distribution's payouts by largest remainder, offline (--request FILE or - for stdin: {\"amount\":…,\"holdings\":[{\"holder\":…,\"balance\":…}]})",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			data, err := readInput(cmd, str(cmd, "request"))
			if err != nil {
				return err
			}
			q, err := app.DistributionQuote(data)
			if err != nil {
				return err
			}
			return printOut(cmd, q, func() string {
				var b strings.Builder
				for _, p := range q.Payouts {
					fmt.Fprintf(&b, "%s\t%d\n", p.Holder, p.Amount)
				}
				return strings.TrimRight(b.String(), "\n")
			})
		},
	}
	quote.Flags().String("request", "-", "request JSON file, or - for stdin")
	quote.Flags().StringP(flagOutput, "o", "json", "output format: json or text")
	cmd.AddCommand(quote)
	return cmd
}
