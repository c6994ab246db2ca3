package oracle

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "oracle").
var (
	ErrBadFeed         = tx.Register("oracle", 1, "bad_feed")
	ErrFeedExists      = tx.Register("oracle", 2, "feed_exists")
	ErrUnknownFeed     = tx.Register("oracle", 3, "unknown_feed")
	ErrNotReporter     = tx.Register("oracle", 4, "not_reporter")
	ErrWrongRound      = tx.Register("oracle", 5, "wrong_round")
	ErrAlreadyAnswered = tx.Register("oracle", 6, "already_answered")
	ErrStale           = tx.Register("oracle", 7, "stale_answer")
	ErrNoAnswer        = tx.Register("oracle", 8, "no_answer")
	ErrUnknownRound    = tx.Register("oracle", 9, "unknown_round")
)
