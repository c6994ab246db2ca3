package compliance

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "compliance").
var (
	ErrBadRule        = tx.Register("compliance", 1, "bad_rule")
	ErrUnknownRule    = tx.Register("compliance", 2, "unknown_rule")
	ErrHeldForReview  = tx.Register("compliance", 3, "held_for_review")
	ErrUnknownAlert   = tx.Register("compliance", 4, "unknown_alert")
	ErrUnknownCase    = tx.Register("compliance", 5, "unknown_case")
	ErrBadTransition  = tx.Register("compliance", 6, "bad_transition")
	ErrUnknownReport  = tx.Register("compliance", 7, "unknown_report")
	ErrBadOrder       = tx.Register("compliance", 8, "bad_order")
	ErrUnknownOrder   = tx.Register("compliance", 9, "unknown_order")
	ErrFrozen         = tx.Register("compliance", 10, "frozen_by_order")
	ErrSanctioned     = tx.Register("compliance", 11, "sanctioned")
	ErrBadSanctions   = tx.Register("compliance", 12, "bad_sanctions_entry")
	ErrBadReason      = tx.Register("compliance", 13, "bad_reason")
	ErrNotSponsor     = tx.Register("compliance", 14, "not_sponsor")
	ErrBadField       = tx.Register("compliance", 15, "bad_field")
	ErrTooManyRules   = tx.Register("compliance", 16, "too_many_rules")
	ErrDebitExceeds   = tx.Register("compliance", 17, "debit_exceeds_order")
	ErrUnknownAccount = tx.Register("compliance", 18, "unknown_account")
	ErrBadParams      = tx.Register("compliance", 19, "bad_params")
	ErrBadGroup       = tx.Register("compliance", 20, "bad_related_group")
)
