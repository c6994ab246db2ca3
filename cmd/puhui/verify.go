package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/cometbft/cometbft/types"
	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
)

func newVerifyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "verify [ADDRESS]",
		Short: "Verify an account's state proofs against the next header and its commit signatures",
		Long: "Fetches ADDRESS with proofs (or reads a saved 'puhui query account --prove -o json' from --file, - for stdin),\n" +
			"then checks each proof against the AppHash in the header of the next height and that the header is signed\n" +
			"by more than 2/3 of the validators' power. With --genesis the validator set must be the genesis one.",
		Args: cobra.MaximumNArgs(1),
		RunE: runVerify,
	}
	addClientFlags(cmd)
	cmd.Flags().String("file", "", "verify a saved account answer instead of fetching one")
	cmd.Flags().String("genesis", "", "genesis file whose validator set is trusted")
	return cmd
}

func runVerify(cmd *cobra.Command, args []string) error {
	ctx, cancel := context.WithTimeout(cmd.Context(), queryTimeout)
	defer cancel()
	c, err := dial(ctx, cmd)
	if err != nil {
		return err
	}
	acc, err := accountToVerify(ctx, cmd, c, args)
	if err != nil {
		return err
	}
	var opts client.VerifyOptions
	if g := str(cmd, "genesis"); g != "" {
		doc, err := types.GenesisDocFromFile(g)
		if err != nil {
			return err
		}
		vals := make([]*types.Validator, 0, len(doc.Validators))
		for _, v := range doc.Validators {
			vals = append(vals, types.NewValidator(v.PubKey, v.Power))
		}
		opts.Trusted = types.NewValidatorSet(vals)
	}
	v, err := c.VerifyAccount(ctx, acc, opts)
	if err != nil {
		return err
	}
	return printOut(cmd, v, func() string {
		return fmt.Sprintf("OK: %d entries of %s at height %d match app hash %s, signed in header %d by %d of %d voting power",
			v.Entries, acc.Address, v.Height, v.AppHash, v.HeaderHeight, v.SignedPower, v.TotalPower)
	})
}

func accountToVerify(ctx context.Context, cmd *cobra.Command, c *client.Client, args []string) (*query.Account, error) {
	file := str(cmd, "file")
	if file == "" {
		if len(args) != 1 {
			return nil, fmt.Errorf("give an ADDRESS or --file")
		}
		return c.Account(ctx, args[0], true)
	}
	var data []byte
	var err error
	if file == "-" {
		data, err = io.ReadAll(cmd.InOrStdin())
	} else {
		data, err = os.ReadFile(file)
	}
	if err != nil {
		return nil, err
	}
	var acc query.Account
	if err := json.Unmarshal(data, &acc); err != nil {
		return nil, fmt.Errorf("%s: not an account answer: %w", file, err)
	}
	return &acc, nil
}
