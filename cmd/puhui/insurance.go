package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/app"
)

func newInsuranceCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "insurance", Short: "Insurance tools"}
	quote := &cobra.Command{
		Use:   "quote",
		Short: "Quote a parametric payout as JSON (offline; --request FILE or - for stdin)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			data, err := readInput(cmd, str(cmd, "request"))
			if err != nil {
				return err
			}
			p, err := app.InsuranceQuote(data)
			if err != nil {
				return err
			}
			if p.Invalid != nil {
				return p.Invalid
			}
			q := p.Quote
			return printOut(cmd, q, func() string {
				return fmt.Sprintf("payout %s of at most %s (fraction %s, ratio %s, %s)", q.Payout, q.MaxPayout, q.Fraction, q.Ratio, q.Direction)
			})
		},
	}
	quote.Flags().String("request", "-", "request JSON file, or - for stdin")
	quote.Flags().StringP(flagOutput, "o", "json", "output format: json or text")
	cmd.AddCommand(quote)
	return cmd
}
