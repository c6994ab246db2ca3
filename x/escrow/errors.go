package escrow

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "escrow"). The codes are part of consensus: never renumber.
var (
	ErrBadEscrow       = tx.Register("escrow", 1, "bad_escrow")
	ErrBadCondition    = tx.Register("escrow", 2, "bad_condition")
	ErrUnknown         = tx.Register("escrow", 3, "unknown_escrow")
	ErrNotOpen         = tx.Register("escrow", 4, "not_open")
	ErrNotAuthorised   = tx.Register("escrow", 5, "not_authorised")
	ErrNotYet          = tx.Register("escrow", 6, "not_yet")
	ErrConditionFalse  = tx.Register("escrow", 7, "condition_not_met")
	ErrBadSwap         = tx.Register("escrow", 8, "bad_swap")
	ErrExpired         = tx.Register("escrow", 9, "expired")
	ErrBadHtlc         = tx.Register("escrow", 10, "bad_htlc")
	ErrWrongPreimage   = tx.Register("escrow", 11, "wrong_preimage")
	ErrUnknownAccount  = tx.Register("escrow", 12, "unknown_account")
	ErrSelfCounterpart = tx.Register("escrow", 13, "self_counterparty")
)
