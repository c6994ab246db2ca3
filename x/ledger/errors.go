package ledger

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
)

// Errors (codespace "ledger").
var (
	ErrUnknownAsset      = tx.Register("ledger", 1, "unknown_asset")
	ErrAssetExists       = tx.Register("ledger", 2, "asset_exists")
	ErrBadAssetCode      = money.ErrBadAssetCode // ledger/3, registered by money
	ErrBadScale          = tx.Register("ledger", 4, "bad_scale")
	ErrNotIssuer         = tx.Register("ledger", 5, "not_issuer")
	ErrInsufficientFunds = tx.Register("ledger", 6, "insufficient_funds")
	ErrMaxSupply         = tx.Register("ledger", 7, "max_supply_exceeded")
	ErrFrozen            = tx.Register("ledger", 8, "account_frozen")
	ErrUnknownRecipient  = tx.Register("ledger", 9, "unknown_recipient")
	ErrUnknownHold       = tx.Register("ledger", 10, "unknown_hold")
	ErrNotBeneficiary    = tx.Register("ledger", 11, "not_beneficiary")
	ErrBadExpiry         = tx.Register("ledger", 12, "bad_expiry")
	ErrSelfTransfer      = tx.Register("ledger", 13, "self_transfer")
	ErrBadName           = tx.Register("ledger", 14, "bad_name")
	ErrTooManyPayouts    = tx.Register("ledger", 15, "too_many_payouts")
	ErrCaptureExceeds    = tx.Register("ledger", 16, "capture_exceeds_hold")
)
