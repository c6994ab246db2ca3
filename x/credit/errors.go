package credit

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "credit").
var (
	ErrBadScorecard     = tx.Register("credit", 1, "bad_scorecard")
	ErrUnknownScorecard = tx.Register("credit", 2, "unknown_scorecard")
	ErrStaleVersion     = tx.Register("credit", 3, "stale_version")
	ErrBadConsent       = tx.Register("credit", 4, "bad_consent")
	ErrNoConsent        = tx.Register("credit", 5, "no_consent")
	ErrNotBorrower      = tx.Register("credit", 6, "not_borrower")
	ErrUnknownLender    = tx.Register("credit", 7, "unknown_lender")
	ErrUnknownAccess    = tx.Register("credit", 8, "unknown_access")
	ErrNotReader        = tx.Register("credit", 9, "not_report_reader")
)
