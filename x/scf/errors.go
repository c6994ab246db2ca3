package scf

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "scf"). The codes are part of consensus: never renumber.
var (
	ErrBadParams       = tx.Register("scf", 1, "bad_params")
	ErrBadLine         = tx.Register("scf", 2, "bad_line")
	ErrUnknownLine     = tx.Register("scf", 3, "unknown_line")
	ErrNotLineBank     = tx.Register("scf", 4, "not_line_bank")
	ErrLineClosed      = tx.Register("scf", 5, "line_closed")
	ErrLineExceeded    = tx.Register("scf", 6, "line_exceeded")
	ErrLimitBelowUsed  = tx.Register("scf", 7, "limit_below_used")
	ErrBadDocument     = tx.Register("scf", 8, "bad_document")
	ErrUnknownDocument = tx.Register("scf", 9, "unknown_document")
	ErrDuplicate       = tx.Register("scf", 10, "document_already_registered")
	ErrDocumentUsed    = tx.Register("scf", 11, "document_already_used")
	ErrNotParty        = tx.Register("scf", 12, "not_document_party")
	ErrBadCertificate  = tx.Register("scf", 13, "bad_certificate")
	ErrUnknownCert     = tx.Register("scf", 14, "unknown_certificate")
	ErrTermTooLong     = tx.Register("scf", 15, "term_too_long")
	ErrNotIssuer       = tx.Register("scf", 16, "not_issuer")
	ErrNotReceiver     = tx.Register("scf", 17, "not_receiver")
	ErrNotHolder       = tx.Register("scf", 18, "not_holder")
	ErrWrongState      = tx.Register("scf", 19, "wrong_state")
	ErrBadSplit        = tx.Register("scf", 20, "bad_split")
	ErrBelowMinimum    = tx.Register("scf", 21, "part_below_minimum")
	ErrOfferPending    = tx.Register("scf", 22, "offer_pending")
	ErrNoOffer         = tx.Register("scf", 23, "no_offer")
	ErrMatured         = tx.Register("scf", 24, "matured")
	ErrBadRate         = tx.Register("scf", 25, "bad_rate")
	ErrNotFunder       = tx.Register("scf", 26, "not_funder")
	ErrBadParty        = tx.Register("scf", 27, "bad_party")
)
