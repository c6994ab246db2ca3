package app_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/governance"
	"github.com/puhui-chain/puhui/x/identity"
)

const votingPeriod = 60 // seconds

type govWorld struct {
	c       *apptest.Chain
	members []*apptest.Key
}

func newGovWorld(t *testing.T) *govWorld {
	w := &govWorld{members: []*apptest.Key{apptest.NewKey("gov-a"), apptest.NewKey("gov-b"), apptest.NewKey("gov-c")}}
	var ms []apptest.Member
	for i, k := range w.members {
		ms = append(ms, apptest.Member{Key: k, Name: string(rune('A' + i)), Roles: []string{"bank"}})
	}
	w.c = apptest.NewChainWith(t, func(g *app.Genesis) {
		g.Governance = &app.GovernanceGenesis{VotingPeriodSeconds: votingPeriod, ThresholdNumerator: 2, ThresholdDenominator: 3}
	}, ms...)
	_, err := w.c.Block() // commit genesis
	require.NoError(t, err)
	return w
}

// closeVoting runs empty blocks until the voting period has passed.
func (w *govWorld) closeVoting(t *testing.T) {
	for end := w.c.Time.Add(votingPeriod * time.Second); !w.c.Time.After(end); {
		_, err := w.c.Block()
		require.NoError(t, err)
	}
}

func (w *govWorld) proposal(t *testing.T, id uint64) *statepb.Proposal {
	p, ok := governance.GetProposal(w.c.State(), id)
	require.True(t, ok)
	return p
}

func TestGovernanceAddsAMemberWithMoreThanTwoThirds(t *testing.T) {
	w := newGovWorld(t)
	newcomer := apptest.NewKey("gov-newcomer")
	w.c.MustExec(t, w.members[0].Sign(apptest.Propose("admit MFI", apptest.AddMemberAction("MFI", newcomer.PubKey(), "mfi"))))
	w.c.MustExec(t, w.members[0].Sign(apptest.Vote(1, txpb.VoteOption_VOTE_OPTION_YES)))
	w.c.MustExec(t, w.members[1].Sign(apptest.Vote(1, txpb.VoteOption_VOTE_OPTION_YES)))
	require.False(t, identity.IsMember(w.c.State(), newcomer.Address), "nothing happens before the period ends")

	// 2 of 3 is not more than 2/3.
	w.closeVoting(t)
	p := w.proposal(t, 1)
	require.Equal(t, statepb.ProposalStatus_PROPOSAL_STATUS_REJECTED, p.Status)
	require.Equal(t, uint32(2), p.Yes)
	require.Equal(t, uint32(3), p.Members)

	// Voting is closed now.
	res := w.c.Exec(w.members[2].Sign(apptest.Vote(1, txpb.VoteOption_VOTE_OPTION_YES)))
	require.Equal(t, governance.ErrVotingClosed.Code, res.Code)

	// Again, with all three.
	w.c.MustExec(t, w.members[1].Sign(apptest.Propose("admit MFI again", apptest.AddMemberAction("MFI", newcomer.PubKey(), "mfi"))))
	for _, m := range w.members {
		w.c.MustExec(t, m.Sign(apptest.Vote(2, txpb.VoteOption_VOTE_OPTION_YES)))
	}
	w.c.MustExec(t, w.members[2].Sign(apptest.Vote(2, txpb.VoteOption_VOTE_OPTION_NO))) // a vote may change
	w.c.MustExec(t, w.members[2].Sign(apptest.Vote(2, txpb.VoteOption_VOTE_OPTION_YES)))
	w.closeVoting(t)
	require.Equal(t, statepb.ProposalStatus_PROPOSAL_STATUS_PASSED, w.proposal(t, 2).Status)
	require.True(t, identity.HasRole(w.c.State(), newcomer.Address, identity.RoleMFI))
	// The new member can now act as one.
	w.c.MustExec(t, newcomer.Sign(apptest.RegisterAccount(apptest.NewKey("gov-borrower").PubKey(), 1)))
}

func TestGovernanceChangesValidators(t *testing.T) {
	w := newGovWorld(t)
	val := apptest.NewKey("gov-validator").PubKey()
	passWithAll := func(id uint64) *statepb.Proposal {
		for _, m := range w.members {
			w.c.MustExec(t, m.Sign(apptest.Vote(id, txpb.VoteOption_VOTE_OPTION_YES)))
		}
		w.closeVoting(t)
		return w.proposal(t, id)
	}
	w.c.MustExec(t, w.members[0].Sign(apptest.Propose("add validator", apptest.SetValidatorAction(val, 10))))
	var sawUpdate bool
	for _, m := range w.members {
		w.c.MustExec(t, m.Sign(apptest.Vote(1, txpb.VoteOption_VOTE_OPTION_YES)))
	}
	for end := w.c.Time.Add(votingPeriod * time.Second); !w.c.Time.After(end); {
		res, err := w.c.Block()
		require.NoError(t, err)
		for _, u := range res.ValidatorUpdates {
			require.Equal(t, val, u.PubKeyBytes)
			require.Equal(t, int64(10), u.Power)
			sawUpdate = true
		}
	}
	require.True(t, sawUpdate, "the passed proposal must reach CometBFT as a validator update")
	require.Equal(t, statepb.ProposalStatus_PROPOSAL_STATUS_PASSED, w.proposal(t, 1).Status)

	// Removing it works once; the set can never become empty.
	w.c.MustExec(t, w.members[0].Sign(apptest.Propose("remove validator", apptest.SetValidatorAction(val, 0))))
	require.Equal(t, statepb.ProposalStatus_PROPOSAL_STATUS_PASSED, passWithAll(2).Status)
	w.c.MustExec(t, w.members[0].Sign(apptest.Propose("remove it again", apptest.SetValidatorAction(val, 0))))
	p := passWithAll(3)
	require.Equal(t, statepb.ProposalStatus_PROPOSAL_STATUS_FAILED, p.Status, "a passed proposal that no longer applies fails, changing nothing")
	require.Contains(t, p.ResultLog, "not a validator")
	require.Len(t, governance.Validators(w.c.State()), 1, "only the genesis validator is left")

	w.c.MustExec(t, w.members[0].Sign(apptest.Propose("remove the last", apptest.SetValidatorAction(apptest.GenesisValidator.PubKey(), 0))))
	p = passWithAll(4)
	require.Equal(t, statepb.ProposalStatus_PROPOSAL_STATUS_FAILED, p.Status)
	require.Contains(t, p.ResultLog, "cannot become empty")
}

func TestGovernanceRefusesBadProposalsAtOnce(t *testing.T) {
	w := newGovWorld(t)
	cases := map[string]struct {
		msg  *txpb.Msg
		want *tx.Error
	}{
		"no action":  {apptest.Propose("empty", &txpb.ProposalAction{}), governance.ErrBadProposal},
		"bad role":   {apptest.Propose("x", apptest.AddMemberAction("X", apptest.NewKey("x").PubKey(), "pirate")), identity.ErrBadRole},
		"short key":  {apptest.Propose("x", apptest.SetValidatorAction([]byte{1, 2}, 10)), governance.ErrValidatorSet},
		"non-member": {apptest.Propose("x", apptest.RemoveMemberAction(apptest.NewKey("nobody").Address)), identity.ErrNotMember},
		"no title":   {apptest.Propose("", apptest.RemoveMemberAction(w.members[1].Address)), governance.ErrBadProposal},
		"bad params": {apptest.Propose("x", &txpb.ProposalAction{Action: &txpb.ProposalAction_SetParams{SetParams: &txpb.ActionSetParams{
			VotingPeriodSeconds: 60, ThresholdNumerator: 3, ThresholdDenominator: 3}}}), governance.ErrBadParams},
		"unknown proposal": {apptest.Vote(99, txpb.VoteOption_VOTE_OPTION_YES), governance.ErrUnknownProposal},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			before := dump(w.c.State())
			res := w.c.Exec(w.members[0].Sign(tc.msg))
			require.Equal(t, tc.want.Code, res.Code, res.Log)
			require.Equal(t, tc.want.Codespace, res.Codespace, res.Log)
			require.Equal(t, refusedKeys(res, w.members[0], tc.msg), changedKeys(before, dump(w.c.State())))
		})
	}
	// A removed member's vote no longer counts, and the last member cannot be removed.
	w.c.MustExec(t, w.members[0].Sign(apptest.Propose("remove C", apptest.RemoveMemberAction(w.members[2].Address))))
	for _, m := range w.members {
		w.c.MustExec(t, m.Sign(apptest.Vote(1, txpb.VoteOption_VOTE_OPTION_YES)))
	}
	w.closeVoting(t)
	require.False(t, identity.IsMember(w.c.State(), w.members[2].Address))
	require.True(t, identity.AccountExists(w.c.State(), w.members[2].Address), "the account stays")
}
