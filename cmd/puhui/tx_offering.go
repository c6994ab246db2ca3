package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func newTxOfferingCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "offering", Short: "Offerings of an issuer's asset: create, pledge, withdraw a pledge, cancel"}

	create := txCommand("create", "Offer units of the signer's asset at a price in a settlement asset (the asset's issuer)", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			asset, settle := str(cmd, "asset"), str(cmd, "settlement-asset")
			m := &txpb.MsgCreateOffering{Asset: asset, SettlementAsset: settle, FeeAccount: str(cmd, "fee-account")}
			var err error
			if m.Price, err = amountOf(ctx, c, settle, str(cmd, "price")); err != nil {
				return nil, fmt.Errorf("--price: %w", err)
			}
			for _, f := range []struct {
				flag string
				into *int64
			}{{"soft-cap", &m.SoftCap}, {"hard-cap", &m.HardCap}, {"min", &m.MinUnits}, {"max", &m.MaxUnits}} {
				if *f.into, err = amountOf(ctx, c, asset, str(cmd, f.flag)); err != nil {
					return nil, fmt.Errorf("--%s: %w", f.flag, err)
				}
			}
			st, err := c.Status(ctx)
			if err != nil {
				return nil, err
			}
			opens, _ := cmd.Flags().GetDuration("opens-in")
			closes, _ := cmd.Flags().GetDuration("closes-in")
			m.OpensAt, m.ClosesAt = st.BlockTime.Add(opens).Unix(), st.BlockTime.Add(closes).Unix()
			m.FeeBps, _ = cmd.Flags().GetUint32("fee-bps")
			return []*txpb.Msg{tx.Wrap(m)}, nil
		})
	create.Flags().String("asset", "", "the offered asset (the signer issues it)")
	create.Flags().String("settlement-asset", "", "what investors pay in")
	create.Flags().String("price", "", "settlement amount per whole unit, as a decimal")
	create.Flags().String("soft-cap", "", "units needed for success, as a decimal")
	create.Flags().String("hard-cap", "", "units at which the offering settles at once, as a decimal")
	create.Flags().String("min", "", "per-investor minimum units, as a decimal")
	create.Flags().String("max", "", "per-investor maximum units, as a decimal")
	create.Flags().Duration("opens-in", 0, "time after the latest block from which pledges are taken")
	create.Flags().Duration("closes-in", 24*time.Hour, "time after the latest block at which the offering settles")
	create.Flags().Uint32("fee-bps", 0, "platform fee on the raised cash, basis points (0..1000)")
	create.Flags().String("fee-account", "", "the platform account that receives the fee")
	required(create, "asset", "settlement-asset", "price", "soft-cap", "hard-cap", "min", "max")

	pledge := txCommand("pledge OFFERING_ID UNITS", "Pledge for units of an open offering (its cost is held until settlement)", cobra.ExactArgs(2),
		func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			o, err := client.Query(ctx, c, query.GetOffering, args[0])
			if err != nil {
				return nil, fmt.Errorf("offering %s: %w", args[0], err)
			}
			units, err := amountOf(ctx, c, o.Terms.Asset, args[1])
			if err != nil {
				return nil, fmt.Errorf("units %q: %w", args[1], err)
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgPledge{OfferingId: o.ID, Units: units})}, nil
		})

	cancel := txCommand("cancel OFFERING_ID", "Cancel an open offering (its issuer): every pledge's hold is released", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("offering id %q: %w", args[0], err)
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgCancelOffering{OfferingId: id, Reason: str(cmd, "reason")})}, nil
		})
	cancel.Flags().String("reason", "", "why, recorded on the offering")

	withdraw := txCommand("withdraw OFFERING_ID", "Take back the signer's pledge to an open offering before it closes (the hold is released)", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("offering id %q: %w", args[0], err)
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgWithdrawPledge{OfferingId: id})}, nil
		})

	cmd.AddCommand(create, pledge, cancel, withdraw)
	return cmd
}

// newOfferingCmd is `puhui offering`: offering tools that need no node.
func newOfferingCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "offering", Short: "Offering tools"}
	quote := &cobra.Command{
		Use:   "quote",
		Short: "Price a pledge as JSON (offline; --request FILE or - for stdin): cost held, platform fee, the issuer's part",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			data, err := readInput(cmd, str(cmd, "request"))
			if err != nil {
				return err
			}
			q, err := app.OfferingQuote(data)
			if err != nil {
				return err
			}
			return printOut(cmd, q, func() string {
				return "cost " + strconv.FormatInt(q.Cost, 10) + ", fee " + strconv.FormatInt(q.Fee, 10) +
					", to the issuer " + strconv.FormatInt(q.ToIssuer, 10) + " (settlement minor units)"
			})
		},
	}
	quote.Flags().String("request", "-", `request JSON file, or - for stdin: {"units":"50000","price":"10000","scale":2,"fee_bps":100}`)
	quote.Flags().StringP(flagOutput, "o", "json", "output format: json or text")
	cmd.AddCommand(quote)
	return cmd
}
