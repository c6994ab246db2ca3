package governance

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "governance").
var (
	ErrBadProposal     = tx.Register("governance", 1, "bad_proposal")
	ErrUnknownProposal = tx.Register("governance", 2, "unknown_proposal")
	ErrVotingClosed    = tx.Register("governance", 3, "voting_closed")
	ErrBadVote         = tx.Register("governance", 4, "bad_vote")
	ErrValidatorSet    = tx.Register("governance", 5, "bad_validator_change")
	ErrBadParams       = tx.Register("governance", 6, "bad_params")
)
