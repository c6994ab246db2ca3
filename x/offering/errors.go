package offering

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "offering"). The codes are part of consensus: never renumber.
var (
	ErrBadOffering     = tx.Register("offering", 1, "bad_offering")
	ErrNotIssuer       = tx.Register("offering", 2, "not_issuer")
	ErrUnknownOffering = tx.Register("offering", 3, "unknown_offering")
	ErrNotOpen         = tx.Register("offering", 4, "offering_not_open")
	ErrBelowMinimum    = tx.Register("offering", 5, "below_investor_minimum")
	ErrAboveMaximum    = tx.Register("offering", 6, "above_investor_maximum")
	ErrAboveHardCap    = tx.Register("offering", 7, "above_hard_cap")
	ErrInexactCost     = tx.Register("offering", 8, "inexact_cost")
	ErrAlreadyPledged  = tx.Register("offering", 9, "already_pledged")
	ErrTooManyPledges  = tx.Register("offering", 10, "too_many_pledges")
	ErrIssuerPledge    = tx.Register("offering", 11, "issuer_cannot_pledge")
	ErrInvariant       = tx.Register("offering", 12, "offering_invariant")
	ErrNoLivePledge    = tx.Register("offering", 13, "no_live_pledge")
)
