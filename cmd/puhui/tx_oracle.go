package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func newTxOracleCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "oracle", Short: "Data feeds and reporters' observations"}

	register := txCommand("register-feed FEED_ID", "Register a data feed answered by reporters (an oracle member)", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			reporters, _ := cmd.Flags().GetStringSlice("reporters")
			for i, r := range reporters {
				reporters[i] = strings.TrimSpace(r)
			}
			decimals, _ := cmd.Flags().GetUint32("decimals")
			minimum, _ := cmd.Flags().GetUint32("min-submissions")
			heartbeat, _ := cmd.Flags().GetInt64("heartbeat-seconds")
			timeout, _ := cmd.Flags().GetInt64("round-timeout-seconds")
			return []*txpb.Msg{{Sum: &txpb.Msg_RegisterFeed{RegisterFeed: &txpb.MsgRegisterFeed{Feed: &txpb.Feed{
				Id: args[0], Description: str(cmd, "description"), Unit: str(cmd, "unit"), Decimals: decimals,
				HeartbeatSeconds: heartbeat, RoundTimeoutSeconds: timeout, MinSubmissions: minimum, Reporters: reporters}}}}}, nil
		})
	register.Flags().String("description", "", "what the feed measures")
	register.Flags().String("unit", "", "unit of the answers, e.g. mm")
	register.Flags().Uint32("decimals", 0, "decimal places of the answers")
	register.Flags().Uint32("min-submissions", 1, "answers that make a round final")
	register.Flags().Int64("heartbeat-seconds", 86400, "consumers refuse an answer older than this")
	register.Flags().Int64("round-timeout-seconds", 3600, "a round not final this long after it opened goes stale")
	register.Flags().StringSlice("reporters", nil, "reporter addresses (oracle members), comma-separated")
	_ = register.MarkFlagRequired("reporters")

	submit := txCommand("submit FEED_ID VALUE", "Answer a feed's round with a value in its unit, e.g. 123.4 (a reporter)", cobra.ExactArgs(2),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			feed, err := client.Query(ctx, c, query.GetFeed, args[0])
			if err != nil {
				return nil, fmt.Errorf("feed %s: %w", args[0], err)
			}
			value, err := money.ParseAmount(args[1], feed.Decimals)
			if err != nil {
				return nil, fmt.Errorf("value %q in %d decimals: %w", args[1], feed.Decimals, err)
			}
			round, _ := cmd.Flags().GetUint64("round")
			if round == 0 {
				if round, err = roundToAnswer(ctx, c, feed); err != nil {
					return nil, err
				}
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_SubmitObservation{SubmitObservation: &txpb.MsgSubmitObservation{
				FeedId: feed.ID, RoundId: round, Value: value}}}}, nil
		})
	submit.Flags().Uint64("round", 0, "round to answer (default: the open round, else the next)")

	cmd.AddCommand(register, submit)
	return cmd
}

// roundToAnswer is the feed's open round, or the next one when none is open.
func roundToAnswer(ctx context.Context, c *client.Client, feed query.Feed) (uint64, error) {
	if feed.LastRound == 0 {
		return 1, nil
	}
	rd, err := client.Query(ctx, c, query.GetRound, feed.ID, strconv.FormatUint(feed.LastRound, 10))
	if err != nil {
		return 0, err
	}
	if rd.Status == "open" {
		return rd.ID, nil
	}
	return feed.LastRound + 1, nil
}
