package main

import (
	"context"
	"fmt"
	"reflect"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
)

// newCreditReportCmd reads the report given at one access, signed with the --from key: the
// node answers only the borrower, and the lender that obtained it while its consent is live.
func newCreditReportCmd() *cobra.Command {
	cmd := queryCommand("report BORROWER ACCESS_ID", "The report given at one access (--from: the borrower or the consented lender)",
		cobra.ExactArgs(2), func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) (any, func() string, error) {
			id, err := strconv.ParseInt(args[1], 10, 64)
			if err != nil || id < 1 {
				return nil, nil, fmt.Errorf("ACCESS_ID: a number from 1, got %q", args[1])
			}
			signer, err := loadSigner(cmd)
			if err != nil {
				return nil, nil, err
			}
			r, err := c.CreditReport(ctx, signer, args[0], id)
			if err != nil {
				return nil, nil, err
			}
			sc := newScales(ctx, c)
			return r, func() string { return viewText(reflect.ValueOf(r.Report), sc) }, nil
		})
	cmd.Flags().String(flagFrom, "", "name of the reading key in the keyring")
	cmd.Flags().String(flagKeyringDir, "", "keyring directory (default HOME/keyring)")
	_ = cmd.MarkFlagRequired(flagFrom)
	return cmd
}
