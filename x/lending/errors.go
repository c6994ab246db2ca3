package lending

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "lending").
var (
	ErrBadProduct     = tx.Register("lending", 1, "bad_product")
	ErrUnknownProduct = tx.Register("lending", 2, "unknown_product")
	ErrBadRule        = tx.Register("lending", 3, "bad_rule")
	ErrOutOfBounds    = tx.Register("lending", 4, "terms_out_of_bounds")
	ErrKYCLevel       = tx.Register("lending", 5, "kyc_level_too_low")
	ErrExposure       = tx.Register("lending", 6, "exposure_exceeded")
	ErrUnknownLoan    = tx.Register("lending", 7, "unknown_loan")
	ErrNotLender      = tx.Register("lending", 8, "not_lender")
	ErrWrongStatus    = tx.Register("lending", 9, "wrong_status")
	ErrSelfLoan       = tx.Register("lending", 11, "self_loan")
	ErrNothingOwed    = tx.Register("lending", 12, "nothing_owed")
	ErrOverFunded     = tx.Register("lending", 14, "over_funded")
	ErrBadGroup       = tx.Register("lending", 15, "bad_group")
	ErrUnknownGroup   = tx.Register("lending", 16, "unknown_group")
	ErrNotGroupMember = tx.Register("lending", 17, "not_group_member")
	ErrBadBuckets     = tx.Register("lending", 18, "bad_buckets")
	ErrDebtService    = tx.Register("lending", 19, "debt_service_exceeded")
	ErrCoverRequired  = tx.Register("lending", 20, "cover_required")
)
