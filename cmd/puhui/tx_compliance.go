package main

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// compliance builds one message from its flags and arguments; every regulator action
// takes --reason.
type complianceBuild func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error)

func complianceCmd(use, short string, args cobra.PositionalArgs, build complianceBuild) *cobra.Command {
	cmd := txCommand(use, short, args, func(ctx context.Context, c *client.Client, cmd *cobra.Command, a []string) ([]*txpb.Msg, error) {
		m, err := build(ctx, c, cmd, a)
		if err != nil {
			return nil, err
		}
		return []*txpb.Msg{m}, nil
	})
	cmd.Flags().String("reason", "", "why (every member can read it)")
	return cmd
}

func newTxComplianceCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "compliance", Short: "Monitoring rules, alerts and cases, freeze and debit orders, sanctions (regulator)"}
	cmd.AddCommand(ruleCmds()...)
	cmd.AddCommand(caseCmds()...)
	cmd.AddCommand(orderCmds()...)
	cmd.AddCommand(profileCmds()...)
	return cmd
}

func ruleCmds() []*cobra.Command {
	reg := complianceCmd("register-rule NAME", "Register or replace a CEL monitoring rule evaluated on every movement", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			return tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: args[0], Expression: str(cmd, "expression"), Outcome: str(cmd, "outcome"),
				Code: str(cmd, "code"), Description: str(cmd, "description"), Reason: str(cmd, "reason")}), nil
		})
	reg.Flags().String("expression", "", "CEL over the movement facts, a bool (e.g. the structuring example: "+query.StructuringRule+")")
	reg.Flags().String("outcome", "alert", "alert, or hold (refuse the movement for review)")
	reg.Flags().String("code", "", "the rule's reporting code")
	reg.Flags().String("description", "", "what the rule looks for")
	retire := complianceCmd("retire-rule NAME", "Retire a monitoring rule", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			return tx.Wrap(&txpb.MsgRetireMonitoringRule{Name: args[0], Reason: str(cmd, "reason")}), nil
		})
	return []*cobra.Command{reg, retire}
}

func caseCmds() []*cobra.Command {
	triage := complianceCmd("triage ALERT_ID", "Dismiss an alert (--dismiss) or put it in a case (--open-case [--case ID])", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			id, err := parseID("alert", args[0])
			if err != nil {
				return nil, err
			}
			dismiss, _ := cmd.Flags().GetBool("dismiss")
			open, _ := cmd.Flags().GetBool("open-case")
			if dismiss == open {
				return nil, fmt.Errorf("give exactly one of --dismiss and --open-case")
			}
			decision := "dismiss"
			if open {
				decision = "open_case"
			}
			caseID, _ := cmd.Flags().GetUint64("case")
			return tx.Wrap(&txpb.MsgTriageAlert{AlertId: id, Decision: decision, CaseId: caseID, Reason: str(cmd, "reason")}), nil
		})
	triage.Flags().Bool("dismiss", false, "a false positive")
	triage.Flags().Bool("open-case", false, "investigate it in a case")
	triage.Flags().Uint64("case", 0, "with --open-case: add to this open case instead of a new one")
	confirm := complianceCmd("confirm-case CASE_ID", "Confirm a case as suspicious (its report falls due in 5 business days)", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			id, err := parseID("case", args[0])
			return tx.Wrap(&txpb.MsgConfirmCase{CaseId: id, Reason: str(cmd, "reason")}), err
		})
	closeCase := complianceCmd("close-case CASE_ID", "Close a case as a false positive", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			id, err := parseID("case", args[0])
			return tx.Wrap(&txpb.MsgCloseCase{CaseId: id, Reason: str(cmd, "reason")}), err
		})
	file := complianceCmd("file-report CASE_ID", "File the suspicious-transaction report of a confirmed case", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			id, err := parseID("case", args[0])
			return tx.Wrap(&txpb.MsgFileSuspiciousReport{CaseId: id, Summary: str(cmd, "summary"), Reason: str(cmd, "reason")}), err
		})
	file.Flags().String("summary", "", "the report's summary (the full report stays off chain)")
	follow := complianceCmd("follow-up REPORT_ID", "Add a follow-up to a filed report", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			id, err := parseID("report", args[0])
			return tx.Wrap(&txpb.MsgFollowUpReport{ReportId: id, Note: str(cmd, "note"), Reason: str(cmd, "reason")}), err
		})
	follow.Flags().String("note", "", "the follow-up")
	return []*cobra.Command{triage, confirm, closeCase, file, follow}
}

func orderCmds() []*cobra.Command {
	freeze := complianceCmd("freeze ACCOUNT", "Freeze an amount (--asset, --amount) or the whole account (--whole) by order", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			m := &txpb.MsgIssueFreezeOrder{Account: args[0], Asset: str(cmd, "asset"), Authority: str(cmd, "authority"),
				LegalBasis: str(cmd, "legal-basis"), DocumentNumber: str(cmd, "document"), Reason: str(cmd, "reason")}
			m.WholeAccount, _ = cmd.Flags().GetBool("whole")
			if !m.WholeAccount {
				amount, err := amountOf(ctx, c, m.Asset, str(cmd, "amount"))
				if err != nil {
					return nil, fmt.Errorf("--amount: %w", err)
				}
				m.Amount = amount
			}
			expiry, err := expiryOf(ctx, c, str(cmd, "expiry"))
			m.Expiry = expiry
			return tx.Wrap(m), err
		})
	freeze.Flags().String("asset", "", "asset of the frozen amount")
	freeze.Flags().String("amount", "", "frozen amount as a decimal, e.g. 600.00")
	freeze.Flags().Bool("whole", false, "freeze the whole account")
	freeze.Flags().String("authority", "", "the issuing authority")
	freeze.Flags().String("legal-basis", "", "the legal basis")
	freeze.Flags().String("document", "", "the order's document number")
	freeze.Flags().String("expiry", "", "when the order lapses: a duration from the chain's latest block time (72h) or unix seconds")
	lift := complianceCmd("lift ORDER_ID", "Lift a freeze order before its expiry", cobra.ExactArgs(1),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			id, err := parseID("order", args[0])
			return tx.Wrap(&txpb.MsgLiftFreezeOrder{OrderId: id, Reason: str(cmd, "reason")}), err
		})
	debit := complianceCmd("debit ORDER_ID", "Execute a debit order (扣划): pay out of the frozen account", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			id, err := parseID("order", args[0])
			if err != nil {
				return nil, err
			}
			amount, err := amountOf(ctx, c, str(cmd, "asset"), str(cmd, "amount"))
			if err != nil {
				return nil, fmt.Errorf("--amount: %w", err)
			}
			return tx.Wrap(&txpb.MsgExecuteDebitOrder{OrderId: id, To: str(cmd, "to"), Asset: str(cmd, "asset"), Amount: amount,
				DocumentNumber: str(cmd, "document"), Reason: str(cmd, "reason")}), nil
		})
	debit.Flags().String("to", "", "the account the authority names")
	debit.Flags().String("asset", "", "asset")
	debit.Flags().String("amount", "", "amount as a decimal")
	debit.Flags().String("document", "", "the debit order's document number")
	sanctions := complianceCmd("sanctions", "Update the sanctions list: --salt, --add-address (hashed here), --add and --remove hashes", cobra.NoArgs,
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, _ []string) (*txpb.Msg, error) {
			salt := str(cmd, "salt")
			add, _ := cmd.Flags().GetStringSlice("add")
			remove, _ := cmd.Flags().GetStringSlice("remove")
			addrs, _ := cmd.Flags().GetStringSlice("add-address")
			for _, a := range addrs {
				if salt == "" {
					return nil, fmt.Errorf("--add-address needs the list's --salt")
				}
				add = append(add, query.SanctionsHash(salt, a))
			}
			return tx.Wrap(&txpb.MsgUpdateSanctionsList{Salt: salt, Add: add, Remove: remove, Reason: str(cmd, "reason")}), nil
		})
	sanctions.Flags().String("salt", "", "the list's salt (sets it when given)")
	sanctions.Flags().StringSlice("add", nil, "entries to add: SHA-256(salt || address) in hex")
	sanctions.Flags().StringSlice("add-address", nil, "addresses to list; only their salted hashes are sent")
	sanctions.Flags().StringSlice("remove", nil, "entries to remove")
	return []*cobra.Command{freeze, lift, debit, sanctions}
}

func profileCmds() []*cobra.Command {
	jur := complianceCmd("set-jurisdiction ACCOUNT CODE", "Record an account's jurisdiction (its sponsor or the regulator)", cobra.ExactArgs(2),
		func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			return tx.Wrap(&txpb.MsgSetJurisdiction{Account: args[0], Jurisdiction: args[1], Reason: str(cmd, "reason")}), nil
		})
	net := txCommand("declare-net-assets", "Declare the signer's (a lender's) net assets: the base of large-exposure limits", cobra.NoArgs,
		func(ctx context.Context, c *client.Client, cmd *cobra.Command, _ []string) ([]*txpb.Msg, error) {
			amount, err := amountOf(ctx, c, str(cmd, "asset"), str(cmd, "amount"))
			if err != nil {
				return nil, fmt.Errorf("--amount: %w", err)
			}
			return []*txpb.Msg{tx.Wrap(&txpb.MsgDeclareNetAssets{Asset: str(cmd, "asset"), Amount: amount})}, nil
		})
	net.Flags().String("asset", "", "asset")
	net.Flags().String("amount", "", "net assets as a decimal")
	related := complianceCmd("declare-related-parties GROUP [MEMBER...]",
		"Declare a group of related borrowers (the related-party limit applies to their combined exposure); no members dissolves it (regulator)",
		cobra.MinimumNArgs(1), func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) (*txpb.Msg, error) {
			return tx.Wrap(&txpb.MsgDeclareRelatedParties{Group: args[0], Members: args[1:], Reason: str(cmd, "reason")}), nil
		})
	return []*cobra.Command{jur, net, related}
}

// expiryOf reads --expiry: a duration after the chain's latest block time, or unix seconds.
func expiryOf(ctx context.Context, c *client.Client, v string) (int64, error) {
	if v == "" {
		return 0, fmt.Errorf("--expiry is required")
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return n, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, fmt.Errorf("--expiry %q: a duration (72h) or unix seconds", v)
	}
	st, err := c.Status(ctx)
	if err != nil {
		return 0, err
	}
	return st.BlockTime.Add(d).Unix(), nil
}
