package main

import (
	"context"
	"encoding/json"

	"github.com/spf13/cobra"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
)

// creditQueryCmd holds the credit module's read commands under `puhui query credit`.
func creditQueryCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "credit", Short: "Scorecards, a borrower's consents and the reports given on it"}
	protoList := func(use, short string, args cobra.PositionalArgs, f func(ctx context.Context, c *client.Client, args []string) ([]proto.Message, error)) *cobra.Command {
		return queryCommand(use, short, args, func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) (any, func() string, error) {
			items, err := f(ctx, c, args)
			if err != nil {
				return nil, nil, err
			}
			raw := make([]json.RawMessage, len(items))
			text := ""
			for i, m := range items {
				b, err := query.ProtoJSON(m)
				if err != nil {
					return nil, nil, err
				}
				raw[i] = b
				text += string(b) + "\n"
			}
			if text == "" {
				text = "none"
			}
			return raw, func() string { return text }, nil
		})
	}
	cmd.AddCommand(
		protoList("scorecards", "Every registered scorecard model version", cobra.NoArgs,
			func(ctx context.Context, c *client.Client, _ []string) ([]proto.Message, error) {
				return asMessages(c.Scorecards(ctx))
			}),
		protoList("consents ADDRESS", "A borrower's consents", cobra.ExactArgs(1),
			func(ctx context.Context, c *client.Client, args []string) ([]proto.Message, error) {
				return asMessages(c.Consents(ctx, args[0]))
			}),
		protoList("accesses ADDRESS", "Every report given on a borrower: who, when, why, and the report", cobra.ExactArgs(1),
			func(ctx context.Context, c *client.Client, args []string) ([]proto.Message, error) {
				return asMessages(c.ReportAccesses(ctx, args[0]))
			}),
	)
	return cmd
}

func asMessages[M proto.Message](items []M, err error) ([]proto.Message, error) {
	out := make([]proto.Message, len(items))
	for i, m := range items {
		out[i] = m
	}
	return out, err
}
