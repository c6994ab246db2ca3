package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/query"
)

// newTrustCmd is `puhui trust`: trust tools that need no node.
func newTrustCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "trust", Short: "Trust and charity tools"}
	report := &cobra.Command{
		Use: "report",
		Short: "Compute a trust's period report and its hash offline from its donations and releases " +
			"(--request FILE or - for stdin)",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			data, err := readInput(cmd, str(cmd, "request"))
			if err != nil {
				return err
			}
			r, err := app.TrustReport(data)
			if err != nil {
				return err
			}
			return printOut(cmd, r, func() string { return trustReportText(r) })
		},
	}
	report.Flags().String("request", "-", `request JSON: {"trust_id":"1","asset":"CNY","from":0,"to":1900000000,`+
		`"donations":[…as GET /v1/trusts/1/donations],"releases":[…as GET /v1/trusts/1/releases]}`)
	report.Flags().StringP(flagOutput, "o", "json", "output format: json or text")
	cmd.AddCommand(report)
	return cmd
}

func trustReportText(r query.TrustReport) string {
	return fmt.Sprintf("trust %d %s: opening %d, donations %d, releases %d, fees %d, refunds %d, passed on %d, closing %d "+
		"(minor units); admin %d bps, spending %d bps; hash %s",
		r.TrustID, r.Asset, r.Opening, r.Donations, r.Releases, r.Fees, r.Refunds, r.PassedOn, r.Closing,
		r.AdminRatioBps, r.SpendingBps, r.ReportHash)
}
