package governance

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// Router executes a passed proposal's message as any message is executed: by its module's
// handler, with the governance authority as signer. The application provides it.
type Router interface {
	// CheckAction refuses a message no route admits from governance, and whatever the
	// route can check before execution.
	CheckAction(r store.Reader, m *txpb.Msg) error
	// ValidateBasic runs the stateless check the message's route declares.
	ValidateBasic(m *txpb.Msg) error
	// ExecuteAction runs the message with ctx.Signer set to the governance authority.
	ExecuteAction(ctx *core.Context, m *txpb.Msg) error
}

// router is the application's router (Use).
var router Router

// Use wires the application's router; the application calls it once, when it builds its
// modules.
func Use(r Router) { router = r }

// actionMsg is the message a proposal executes, for the actions that are messages: a
// proposal of the generic kind, and the scorecard registrations proposed before it existed.
func actionMsg(a *txpb.ProposalAction) *txpb.Msg {
	switch x := a.GetAction().(type) {
	case *txpb.ProposalAction_Msg:
		return x.Msg
	case *txpb.ProposalAction_RegisterScorecard:
		return &txpb.Msg{Sum: &txpb.Msg_RegisterScorecard{RegisterScorecard: x.RegisterScorecard}}
	}
	return nil
}

func roles(names []string) []identity.Role {
	out := make([]identity.Role, len(names))
	for i, n := range names {
		out[i] = identity.Role(n)
	}
	return out
}

func actionName(a *txpb.ProposalAction) string {
	switch a.GetAction().(type) {
	case *txpb.ProposalAction_AddMember:
		return "add_member"
	case *txpb.ProposalAction_RemoveMember:
		return "remove_member"
	case *txpb.ProposalAction_SetRoles:
		return "set_roles"
	case *txpb.ProposalAction_SetValidator:
		return "set_validator"
	case *txpb.ProposalAction_SetParams:
		return "set_params"
	case *txpb.ProposalAction_RegisterScorecard, *txpb.ProposalAction_Msg:
		return tx.MsgType(actionMsg(a))
	}
	return ""
}

// validateAction checks what can be checked at submission (the stateless part, basicAction,
// and then what needs state), so that a malformed proposal is refused at once instead of
// failing after a week of voting.
func validateAction(r store.Reader, a *txpb.ProposalAction) error {
	if err := basicAction(a); err != nil {
		return err
	}
	switch x := a.GetAction().(type) {
	case *txpb.ProposalAction_RemoveMember:
		if !identity.IsMember(r, x.RemoveMember.Address) {
			return identity.ErrNotMember.Wrapf("%s", x.RemoveMember.Address)
		}
	case *txpb.ProposalAction_SetRoles:
		if !identity.IsMember(r, x.SetRoles.Address) {
			return identity.ErrNotMember.Wrapf("%s", x.SetRoles.Address)
		}
	case *txpb.ProposalAction_RegisterScorecard, *txpb.ProposalAction_Msg:
		return router.CheckAction(r, actionMsg(a))
	}
	return nil
}

func paramsOf(a *txpb.ActionSetParams) *statepb.GovParams {
	return &statepb.GovParams{VotingPeriodSeconds: a.VotingPeriodSeconds,
		ThresholdNumerator: a.ThresholdNumerator, ThresholdDenominator: a.ThresholdDenominator}
}

func execute(ctx *core.Context, a *txpb.ProposalAction) error {
	switch x := a.GetAction().(type) {
	case *txpb.ProposalAction_AddMember:
		_, err := identity.AddMember(ctx, x.AddMember.Name, x.AddMember.PubKey, roles(x.AddMember.Roles))
		return err
	case *txpb.ProposalAction_RemoveMember:
		return identity.RemoveMember(ctx, x.RemoveMember.Address)
	case *txpb.ProposalAction_SetRoles:
		return identity.SetRoles(ctx, x.SetRoles.Address, roles(x.SetRoles.Roles))
	case *txpb.ProposalAction_SetValidator:
		return setValidator(ctx, x.SetValidator.PubKey, x.SetValidator.Power)
	case *txpb.ProposalAction_SetParams:
		if err := SetParams(ctx.KV, paramsOf(x.SetParams)); err != nil {
			return err
		}
		ctx.Emit("governance.params_set", "voting_period_seconds", core.Itoa(x.SetParams.VotingPeriodSeconds))
		return nil
	case *txpb.ProposalAction_RegisterScorecard, *txpb.ProposalAction_Msg:
		return router.ExecuteAction(ctx, actionMsg(a))
	}
	return ErrBadProposal.Wrapf("proposal has no action")
}
