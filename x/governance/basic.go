package governance

import (
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/identity"
)

// Governance's stateless checks (module.Route.Basic), refused before the mempool. A
// proposal's message action is held to its own route's Basic through the router.

func basicSubmitProposal(m *txpb.Msg) error {
	x := m.GetSubmitProposal()
	if len(x.GetTitle()) == 0 || len(x.GetTitle()) > tx.MaxStringField || len(x.GetDescription()) > MaxTextBytes {
		return ErrBadProposal.Wrapf("title 1..%d bytes, description at most %d", tx.MaxStringField, MaxTextBytes)
	}
	return basicAction(x.GetAction())
}

func basicAction(a *txpb.ProposalAction) error {
	switch x := a.GetAction().(type) {
	case *txpb.ProposalAction_AddMember:
		m := x.AddMember
		if len(m.PubKey) != tx.PubKeySize || len(m.Name) == 0 || len(m.Name) > tx.MaxStringField || len(m.Roles) == 0 {
			return ErrBadProposal.Wrapf("add_member needs a name, a 32-byte pub_key and roles")
		}
		return basicRoles(m.Roles)
	case *txpb.ProposalAction_RemoveMember:
		return tx.ValidateAddress("address", x.RemoveMember.Address)
	case *txpb.ProposalAction_SetRoles:
		if err := tx.ValidateAddress("address", x.SetRoles.Address); err != nil {
			return err
		}
		return basicRoles(x.SetRoles.Roles)
	case *txpb.ProposalAction_SetValidator:
		v := x.SetValidator
		if len(v.PubKey) != tx.PubKeySize || v.Power < 0 || v.Power > MaxValidatorPower {
			return ErrValidatorSet.Wrapf("set_validator needs a 32-byte pub_key and power 0..%d", MaxValidatorPower)
		}
	case *txpb.ProposalAction_SetParams:
		return ValidateParams(paramsOf(x.SetParams))
	case *txpb.ProposalAction_RegisterScorecard, *txpb.ProposalAction_Msg:
		m := actionMsg(a)
		if tx.MsgType(m) == "" {
			return ErrBadProposal.Wrapf("proposal message is empty")
		}
		return router.ValidateBasic(m)
	default:
		return ErrBadProposal.Wrapf("proposal has no action")
	}
	return nil
}

func basicRoles(names []string) error {
	for _, role := range names {
		if !identity.ValidMemberRole(identity.Role(role)) {
			return identity.ErrBadRole.Wrapf("unknown role %q", role)
		}
	}
	return nil
}

func basicVote(m *txpb.Msg) error {
	x := m.GetVote()
	if x.GetOption() < txpb.VoteOption_VOTE_OPTION_YES || x.GetOption() > txpb.VoteOption_VOTE_OPTION_ABSTAIN {
		return ErrBadVote.Wrapf("option must be yes, no or abstain")
	}
	return tx.RequireID("proposal_id", x.GetProposalId())
}
