package docs

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "docs").
var (
	ErrBadKey          = tx.Register("docs", 1, "bad_encryption_key")
	ErrBadDocument     = tx.Register("docs", 2, "bad_document")
	ErrDuplicate       = tx.Register("docs", 3, "document_exists")
	ErrUnknownDocument = tx.Register("docs", 4, "unknown_document")
	ErrNotOwner        = tx.Register("docs", 5, "not_owner")
	ErrNoEncryptionKey = tx.Register("docs", 6, "no_encryption_key")
	ErrNoGrant         = tx.Register("docs", 7, "no_grant")
	ErrBadGrant        = tx.Register("docs", 8, "bad_grant")
)
