package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
)

// newComplianceCmd is `puhui compliance`: compliance tools that ask a node but sign nothing.
func newComplianceCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "compliance", Short: "Compliance tools: would a movement be held?"}
	check := queryCommand("check", "Screen a proposed movement as JSON (--request FILE or - for stdin): refusal, alerts, large-value reports; changes nothing",
		cobra.NoArgs, func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) (any, func() string, error) {
			data, err := readInput(cmd, str(cmd, "request"))
			if err != nil {
				return nil, nil, err
			}
			var req query.ComplianceCheckRequest
			if err := json.Unmarshal(data, &req); err != nil {
				return nil, nil, fmt.Errorf("request: %w", err)
			}
			v, err := c.CheckMovement(ctx, req)
			if err != nil {
				return nil, nil, err
			}
			return v, func() string { return checkText(v) }, nil
		})
	check.Flags().String("request", "-", `request JSON file, or - for stdin: {"kind":"transfer","from":"ADDRESS","to":"ADDRESS",`+
		`"asset":"CNY","amount":"500000.00"}`)
	cmd.AddCommand(check)
	return cmd
}

func checkText(v *query.ComplianceCheck) string {
	var b strings.Builder
	if v.Allowed {
		b.WriteString("allowed by screening")
	} else {
		fmt.Fprintf(&b, "refused: %s (%s)", v.Refusal.Code, v.Refusal.Reason)
	}
	for _, a := range v.Alerts {
		fmt.Fprintf(&b, "\nalert: rule %s, code %s, %s", a.Rule, a.Code, a.Outcome)
	}
	for _, l := range v.LargeValue {
		fmt.Fprintf(&b, "\nlarge-value report: %s %s %s, day total %d ≥ %d (minor units)", l.Account, l.Criterion, l.Direction, l.DayTotal, l.Threshold)
	}
	for _, a := range v.SanctionsFreeze {
		fmt.Fprintf(&b, "\nsanctions list: %s would be frozen at once", a)
	}
	return b.String()
}
