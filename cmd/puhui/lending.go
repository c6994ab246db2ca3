package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/query"
)

func newLendingCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "lending", Short: "Loan tools"}
	sch := &cobra.Command{
		Use:   "schedule",
		Short: "Print a loan's repayment schedule and APR as JSON (offline; --request FILE or - for stdin)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			data, err := readInput(cmd, str(cmd, "request"))
			if err != nil {
				return err
			}
			p, err := app.PreviewSchedule(data)
			if err != nil {
				return err
			}
			if p.Invalid != nil {
				return p.Invalid
			}
			s := p.Schedule
			return printOut(cmd, s, func() string { return scheduleText(s) })
		},
	}
	sch.Flags().String("request", "-", "request JSON file, or - for stdin")
	sch.Flags().StringP(flagOutput, "o", "json", "output format: json or text")
	cmd.AddCommand(sch)
	return cmd
}

func readInput(cmd *cobra.Command, path string) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(io.LimitReader(cmd.InOrStdin(), query.MaxScheduleRequestBytes+1))
	}
	return os.ReadFile(path)
}

func scheduleText(s *query.Schedule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%4s  %-10s %14s %14s %14s %16s\n", "#", "due", "principal", "interest", "total", "balance")
	for _, in := range s.Installments {
		fmt.Fprintf(&b, "%4d  %-10s %14s %14s %14s %16s\n", in.N, in.DueDate, in.Principal, in.Interest, in.Total, in.Balance)
	}
	fmt.Fprintf(&b, "total principal %s, total interest %s, APR %s%%", s.TotalPrincipal, s.TotalInterest, s.APRPercent)
	return b.String()
}
