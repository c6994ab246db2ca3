package insurance

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "insurance").
var (
	ErrBadProduct     = tx.Register("insurance", 1, "bad_product")
	ErrUnknownProduct = tx.Register("insurance", 2, "unknown_product")
	ErrSaleClosed     = tx.Register("insurance", 3, "sale_closed")
	ErrCapacity       = tx.Register("insurance", 4, "capacity_exceeded")
	ErrUnknownPolicy  = tx.Register("insurance", 5, "unknown_policy")
	ErrNotInsured     = tx.Register("insurance", 6, "not_insured")
	ErrNotInsurer     = tx.Register("insurance", 7, "not_insurer")
	ErrWrongStatus    = tx.Register("insurance", 8, "wrong_status")
	ErrBadAmount      = tx.Register("insurance", 9, "bad_amount")
	ErrDeadline       = tx.Register("insurance", 10, "deadline_passed")
	ErrUnknownClaim   = tx.Register("insurance", 11, "unknown_claim")
	ErrBadLoan        = tx.Register("insurance", 12, "bad_loan")
	ErrBadQuote       = tx.Register("insurance", 13, "bad_quote")
	ErrSelfCover      = tx.Register("insurance", 14, "self_cover")
	ErrUnknownPool    = tx.Register("insurance", 15, "unknown_pool")
)
