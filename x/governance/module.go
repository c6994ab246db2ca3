package governance

import (
	"encoding/json"
	"fmt"
	"strings"

	"google.golang.org/protobuf/encoding/protojson"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
)

// Module is governance as the application plugs it in; r executes passed proposals'
// messages.
func Module(r Router) module.Module {
	Use(r)
	return module.Module{
		Name:     "governance",
		Prefixes: [][]byte{core.Key("gov", "")},
		Routes: []module.Route{
			module.Handle("submit_proposal", identity.MemberRoles, (*txpb.Msg).GetSubmitProposal, Submit).Validated(basicSubmitProposal),
			module.Handle("vote", identity.MemberRoles, (*txpb.Msg).GetVote, Vote).Validated(basicVote),
		},
		Scheduled: ScheduledHandlers(),
		Queries: []module.Query{
			module.Answer(query.ListProposals, func(q module.QueryContext, _ string) ([]query.Proposal, error) {
				out := []query.Proposal{}
				for _, p := range ListProposals(q.State) {
					out = append(out, ProposalView(q.State, p))
				}
				return out, nil
			}),
			module.Answer(query.GetProposal, func(q module.QueryContext, arg string) (query.Proposal, error) {
				p, ok := GetProposal(q.State, query.ID(arg))
				if !ok {
					return query.Proposal{}, ErrUnknownProposal.Wrapf("proposal %s", arg)
				}
				return ProposalView(q.State, p), nil
			}),
			module.Answer(query.ListValidators, func(q module.QueryContext, _ string) ([]query.Validator, error) {
				out := []query.Validator{}
				for _, v := range Validators(q.State) {
					out = append(out, query.Validator{PubKey: v.PubKey, Power: v.Power})
				}
				return out, nil
			}),
		},
		Invariants: []module.Invariant{{Name: "governance/proposals", Check: CheckInvariants}},
	}
}

// ProposalView shows a proposal; while voting is open the tally is the current one.
func ProposalView(s store.Reader, p *statepb.Proposal) query.Proposal {
	var action map[string]any
	if b, err := protojson.Marshal(p.Action); err == nil {
		_ = json.Unmarshal(b, &action)
	}
	v := query.Proposal{ID: p.Id, Proposer: p.Proposer, Title: p.Title, Description: p.Description, Action: action,
		SubmittedAt: p.SubmittedAt, VotingEndsAt: p.VotingEndsAt, Yes: p.Yes, No: p.No, Abstain: p.Abstain,
		Members: p.Members, ResultLog: p.ResultLog,
		Status: strings.ToLower(strings.TrimPrefix(p.Status.String(), "PROPOSAL_STATUS_"))}
	if p.Status == statepb.ProposalStatus_PROPOSAL_STATUS_VOTING {
		v.Yes, v.No, v.Abstain = Tally(s, p.Id)
		v.Members = uint32(identity.CountMembers(s))
	}
	return v
}

// CheckInvariants: proposal ids run 1..seq without gaps; a closed proposal's recorded tally
// never counts more voters than members it recorded; every validator's power is within
// bounds; the parameters are valid.
func CheckInvariants(r store.Reader) error {
	seq := uint64(core.GetInt64(r, seqKey))
	var n uint64
	var err error
	store.IteratePrefix(r, proposalPrefix, func(_, v []byte) bool {
		var p statepb.Proposal
		core.MustUnmarshal(v, &p)
		n++
		switch {
		case p.Id != n:
			err = fmt.Errorf("proposal %d found where %d was expected", p.Id, n)
		case p.Status != statepb.ProposalStatus_PROPOSAL_STATUS_VOTING && uint64(p.Yes)+uint64(p.No)+uint64(p.Abstain) > uint64(p.Members):
			err = fmt.Errorf("proposal %d: %d votes recorded for %d members", p.Id, p.Yes+p.No+p.Abstain, p.Members)
		}
		return err == nil
	})
	if err != nil {
		return err
	}
	if n != seq {
		return fmt.Errorf("%d proposals stored, sequence at %d", n, seq)
	}
	for _, v := range Validators(r) {
		if v.Power <= 0 || v.Power > MaxValidatorPower {
			return fmt.Errorf("validator %x with power %d", v.PubKey, v.Power)
		}
	}
	return ValidateParams(Params(r))
}
