package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func newTxGovernanceCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "governance", Aliases: []string{"gov"}, Short: "Propose and vote on consortium changes (members only)"}
	propose := func(use, short string, args cobra.PositionalArgs,
		action func(cmd *cobra.Command, args []string) (*txpb.ProposalAction, error)) *cobra.Command {
		c := txCommand(use, short, args, func(_ context.Context, _ *client.Client, cmd *cobra.Command, args []string) ([]*txpb.Msg, error) {
			a, err := action(cmd, args)
			if err != nil {
				return nil, err
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_SubmitProposal{SubmitProposal: &txpb.MsgSubmitProposal{
				Title: str(cmd, "title"), Description: str(cmd, "description"), Action: a}}}}, nil
		})
		c.Flags().String("title", "", "proposal title")
		c.Flags().String("description", "", "proposal description")
		_ = c.MarkFlagRequired("title")
		return c
	}
	addMember := propose("propose-add-member PUBKEY_HEX", "Propose admitting a member with its operator key", cobra.ExactArgs(1),
		func(cmd *cobra.Command, args []string) (*txpb.ProposalAction, error) {
			pub, err := hex.DecodeString(args[0])
			if err != nil {
				return nil, fmt.Errorf("public key must be hex: %w", err)
			}
			return &txpb.ProposalAction{Action: &txpb.ProposalAction_AddMember{AddMember: &txpb.ActionAddMember{
				Name: str(cmd, "name"), PubKey: pub, Roles: splitRoles(str(cmd, "roles"))}}}, nil
		})
	addMember.Flags().String("name", "", "member name")
	addMember.Flags().String("roles", "bank", "comma-separated roles")
	removeMember := propose("propose-remove-member ADDRESS", "Propose ending a membership", cobra.ExactArgs(1),
		func(_ *cobra.Command, args []string) (*txpb.ProposalAction, error) {
			return &txpb.ProposalAction{Action: &txpb.ProposalAction_RemoveMember{RemoveMember: &txpb.ActionRemoveMember{Address: args[0]}}}, nil
		})
	setRoles := propose("propose-roles ADDRESS", "Propose a member's new roles", cobra.ExactArgs(1),
		func(cmd *cobra.Command, args []string) (*txpb.ProposalAction, error) {
			return &txpb.ProposalAction{Action: &txpb.ProposalAction_SetRoles{SetRoles: &txpb.ActionSetRoles{
				Address: args[0], Roles: splitRoles(str(cmd, "roles"))}}}, nil
		})
	setRoles.Flags().String("roles", "", "comma-separated roles")
	validator := propose("propose-validator CONSENSUS_PUBKEY_HEX", "Propose adding a validator, changing its power, or removing it (--power 0)",
		cobra.ExactArgs(1), func(cmd *cobra.Command, args []string) (*txpb.ProposalAction, error) {
			pub, err := hex.DecodeString(args[0])
			if err != nil {
				return nil, fmt.Errorf("consensus key must be hex (puhui show-node): %w", err)
			}
			power, _ := cmd.Flags().GetInt64("power")
			return &txpb.ProposalAction{Action: &txpb.ProposalAction_SetValidator{SetValidator: &txpb.ActionSetValidator{PubKey: pub, Power: power}}}, nil
		})
	validator.Flags().Int64("power", 10, "voting power (0 removes the validator)")
	params := propose("propose-params", "Propose new governance parameters", cobra.NoArgs,
		func(cmd *cobra.Command, _ []string) (*txpb.ProposalAction, error) {
			period, _ := cmd.Flags().GetDuration("voting-period")
			num, den, err := parseFraction(str(cmd, "threshold"))
			if err != nil {
				return nil, err
			}
			return &txpb.ProposalAction{Action: &txpb.ProposalAction_SetParams{SetParams: &txpb.ActionSetParams{
				VotingPeriodSeconds: int64(period / time.Second), ThresholdNumerator: num, ThresholdDenominator: den}}}, nil
		})
	params.Flags().Duration("voting-period", 7*24*time.Hour, "voting period")
	params.Flags().String("threshold", "2/3", "share of all members whose yes votes must be exceeded")
	msg := propose("propose-msg FILE|-", "Propose any message governance may send (a module's parameters, a scorecard, …), given as JSON",
		cobra.ExactArgs(1), func(cmd *cobra.Command, args []string) (*txpb.ProposalAction, error) {
			m, err := readProposedMsg(cmd.InOrStdin(), args[0])
			if err != nil {
				return nil, err
			}
			return &txpb.ProposalAction{Action: &txpb.ProposalAction_Msg{Msg: m}}, nil
		})
	msg.Long = `The message is the JSON form of one transaction message, named by its field in the
Msg oneof of proto/puhui/tx/v1/tx.proto, for example
  {"set_compliance_params": {"params": {"cash_units": "30000", ...}, "reason": "..."}}
When the proposal passes, the message is executed with governance as its signer; a message
whose route does not admit governance is refused when the proposal is submitted.`
	vote := txCommand("vote PROPOSAL_ID yes|no|abstain", "Vote on a proposal (a vote can be changed while voting is open)", cobra.ExactArgs(2),
		func(_ context.Context, _ *client.Client, _ *cobra.Command, args []string) ([]*txpb.Msg, error) {
			id, err := parseID("proposal", args[0])
			if err != nil {
				return nil, err
			}
			opt, ok := txpb.VoteOption_value["VOTE_OPTION_"+strings.ToUpper(args[1])]
			if !ok || opt == 0 {
				return nil, fmt.Errorf("vote must be yes, no or abstain")
			}
			return []*txpb.Msg{{Sum: &txpb.Msg_Vote{Vote: &txpb.MsgVote{ProposalId: id, Option: txpb.VoteOption(opt)}}}}, nil
		})
	cmd.AddCommand(addMember, removeMember, setRoles, validator, params, msg, vote, waitProposalCmd())
	return cmd
}

// waitProposalCmd waits for a proposal's voting period to end and prints the outcome; it
// fails unless the proposal passed and its action was applied.
func waitProposalCmd() *cobra.Command {
	cmd := queryCommand("wait PROPOSAL_ID", "Wait until a proposal is decided, print the outcome (fails unless it passed)", cobra.ExactArgs(1),
		func(ctx context.Context, c *client.Client, _ *cobra.Command, args []string) (any, func() string, error) {
			id, err := parseID("proposal", args[0])
			if err != nil {
				return nil, nil, err
			}
			for {
				p, err := c.Proposal(ctx, id)
				if err != nil {
					return nil, nil, err
				}
				if p.Status != "voting" {
					if p.Status != "passed" {
						return nil, nil, fmt.Errorf("proposal %d %s: %s", id, p.Status, proposalText(*p))
					}
					return p, func() string { return proposalText(*p) }, nil
				}
				select {
				case <-ctx.Done():
					return nil, nil, fmt.Errorf("proposal %d still voting (ends %s): %w", id, unixText(p.VotingEndsAt), ctx.Err())
				case <-time.After(time.Second):
				}
			}
		})
	cmd.Flags().Duration("timeout", 2*time.Minute, "how long to wait")
	return cmd
}

func splitRoles(s string) []string {
	var out []string
	for _, r := range strings.Split(s, ",") {
		if r = strings.TrimSpace(r); r != "" {
			out = append(out, r)
		}
	}
	return out
}

func parseFraction(s string) (uint32, uint32, error) {
	a, b, ok := strings.Cut(s, "/")
	num, err1 := strconv.ParseUint(a, 10, 32)
	den, err2 := strconv.ParseUint(b, 10, 32)
	if !ok || err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("threshold %q: want N/D, e.g. 2/3", s)
	}
	return uint32(num), uint32(den), nil
}

// maxProposedMsgBytes bounds a proposed message's JSON (a transaction is at most 1 MiB).
const maxProposedMsgBytes = 1 << 20

// readProposedMsg reads one transaction message as JSON from a file or, for "-", stdin.
func readProposedMsg(stdin io.Reader, path string) (*txpb.Msg, error) {
	in := stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		in = f
	}
	raw, err := io.ReadAll(io.LimitReader(in, maxProposedMsgBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > maxProposedMsgBytes {
		return nil, fmt.Errorf("the message is over %d bytes", maxProposedMsgBytes)
	}
	var m txpb.Msg
	if err := protojson.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("the message: %w", err)
	}
	if m.Sum == nil {
		return nil, fmt.Errorf("the message names no message: want one field of Msg, e.g. {\"set_compliance_params\": {...}}")
	}
	return &m, nil
}
