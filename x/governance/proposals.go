package governance

import (
	"strconv"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// MaxTextBytes bounds a proposal's title and description.
const MaxTextBytes = 2048

// GetProposal reads a proposal.
func GetProposal(r store.Reader, id uint64) (*statepb.Proposal, bool) {
	var p statepb.Proposal
	return &p, core.GetProto(r, ProposalKey(id), &p)
}

// ListProposals returns every proposal, oldest first.
func ListProposals(r store.Reader) []*statepb.Proposal {
	return core.ListProto[statepb.Proposal](r, proposalPrefix)
}

// Submit opens a proposal for voting; the proposer must be a member.
func Submit(ctx *core.Context, m *txpb.MsgSubmitProposal) error {
	if len(m.Title) == 0 || len(m.Title) > tx.MaxStringField || len(m.Description) > MaxTextBytes {
		return ErrBadProposal.Wrapf("title 1..%d bytes, description at most %d", tx.MaxStringField, MaxTextBytes)
	}
	if err := validateAction(ctx.KV, m.Action); err != nil {
		return err
	}
	id := uint64(core.GetInt64(ctx.KV, seqKey)) + 1
	core.SetInt64(ctx.KV, seqKey, int64(id))
	ends := ctx.Now() + Params(ctx.KV).VotingPeriodSeconds
	core.SetProto(ctx.KV, ProposalKey(id), &statepb.Proposal{
		Id: id, Proposer: ctx.Signer, Title: m.Title, Description: m.Description, Action: m.Action,
		SubmittedAt: ctx.Now(), VotingEndsAt: ends, Status: statepb.ProposalStatus_PROPOSAL_STATUS_VOTING,
	})
	scheduler.Add(ctx.KV, ends, tallyKind, strconv.FormatUint(id, 10))
	ctx.Emit("governance.proposal_submitted", "proposal_id", strconv.FormatUint(id, 10), "proposer", ctx.Signer,
		"action", actionName(m.Action), "voting_ends_at", core.Itoa(ends))
	return nil
}

// Vote records (or changes) a member's vote while voting is open.
func Vote(ctx *core.Context, m *txpb.MsgVote) error {
	p, ok := GetProposal(ctx.KV, m.ProposalId)
	if !ok {
		return ErrUnknownProposal.Wrapf("proposal %d", m.ProposalId)
	}
	if p.Status != statepb.ProposalStatus_PROPOSAL_STATUS_VOTING || ctx.Now() >= p.VotingEndsAt {
		return ErrVotingClosed.Wrapf("proposal %d", m.ProposalId)
	}
	if m.Option < txpb.VoteOption_VOTE_OPTION_YES || m.Option > txpb.VoteOption_VOTE_OPTION_ABSTAIN {
		return ErrBadVote.Wrapf("option must be yes, no or abstain")
	}
	if !identity.IsMember(ctx.KV, ctx.Signer) {
		return identity.ErrNotMember.Wrapf("%s", ctx.Signer)
	}
	ctx.KV.Set(voteKey(m.ProposalId, ctx.Signer), []byte{byte(m.Option)})
	ctx.Emit("governance.vote", "proposal_id", strconv.FormatUint(m.ProposalId, 10), "voter", ctx.Signer,
		"option", m.Option.String())
	return nil
}

// Tally counts the votes of current members.
func Tally(r store.Reader, id uint64) (yes, no, abstain uint32) {
	prefix := votePrefix(id)
	store.IteratePrefix(r, prefix, func(k, v []byte) bool {
		if !identity.IsMember(r, string(k[len(prefix):])) {
			return true // a member removed since voting no longer counts
		}
		switch txpb.VoteOption(v[0]) {
		case txpb.VoteOption_VOTE_OPTION_YES:
			yes++
		case txpb.VoteOption_VOTE_OPTION_NO:
			no++
		case txpb.VoteOption_VOTE_OPTION_ABSTAIN:
			abstain++
		}
		return true
	})
	return yes, no, abstain
}

// Passes applies the threshold: yes votes must exceed numerator/denominator of all members.
func Passes(yes, members uint32, p *statepb.GovParams) bool {
	return uint64(yes)*uint64(p.ThresholdDenominator) > uint64(p.ThresholdNumerator)*uint64(members)
}

// tally is the scheduler handler at the end of a voting period.
func tally(ctx *core.Context, idText string) error {
	id, err := strconv.ParseUint(idText, 10, 64)
	if err != nil {
		return err
	}
	p, ok := GetProposal(ctx.KV, id)
	if !ok || p.Status != statepb.ProposalStatus_PROPOSAL_STATUS_VOTING {
		return nil
	}
	p.Yes, p.No, p.Abstain = Tally(ctx.KV, id)
	p.Members = uint32(identity.CountMembers(ctx.KV))
	p.Status = statepb.ProposalStatus_PROPOSAL_STATUS_REJECTED
	if Passes(p.Yes, p.Members, Params(ctx.KV)) {
		p.Status = statepb.ProposalStatus_PROPOSAL_STATUS_PASSED
		if err := executeAtomically(ctx, p.Action); err != nil {
			p.Status = statepb.ProposalStatus_PROPOSAL_STATUS_FAILED
			p.ResultLog = err.Error()
		}
	}
	core.SetProto(ctx.KV, ProposalKey(id), p)
	ctx.Emit("governance.proposal_closed", "proposal_id", idText, "status", p.Status.String(),
		"yes", core.Itoa(int64(p.Yes)), "no", core.Itoa(int64(p.No)), "abstain", core.Itoa(int64(p.Abstain)),
		"members", core.Itoa(int64(p.Members)), "log", p.ResultLog)
	return nil
}

// executeAtomically applies a passed action: all of it or, if the action no longer fits the
// state (say the member was already removed), none of it.
func executeAtomically(ctx *core.Context, a *txpb.ProposalAction) error {
	return core.Tentative(ctx, func(c *core.Context) error { return execute(c, a) })
}

// ScheduledHandlers are governance's scheduler handlers, by kind.
func ScheduledHandlers() map[string]scheduler.Handler {
	return map[string]scheduler.Handler{tallyKind: tally}
}
