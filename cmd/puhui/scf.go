package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/query"
)

// newSCFCmd is `puhui scf`: supply-chain tools that need no node.
func newSCFCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "scf", Short: "Supply-chain finance tools"}
	quote := &cobra.Command{
		Use:   "quote",
		Short: "Price a certificate's discount as JSON (offline; --request FILE or - for stdin): days, interest, proceeds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			data, err := readInput(cmd, str(cmd, "request"))
			if err != nil {
				return err
			}
			q, err := app.QuoteDiscount(data)
			if err != nil {
				return err
			}
			return printOut(cmd, q, func() string { return quoteText(q) })
		},
	}
	quote.Flags().String("request", "-", `request JSON file, or - for stdin: {"face":"300000.00","annual_rate_percent":"3.6",`+
		`"start_date":"2025-10-02","maturity_date":"2025-12-31","day_count_basis":360}`)
	quote.Flags().StringP(flagOutput, "o", "json", "output format: json or text")
	cmd.AddCommand(quote)
	return cmd
}

func quoteText(q query.ScfQuote) string {
	return fmt.Sprintf("%d days, interest %s, proceeds %s", q.Days, q.Interest, q.Proceeds)
}
