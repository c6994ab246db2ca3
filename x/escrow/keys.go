package escrow

import (
	"encoding/binary"

	"github.com/puhui-chain/puhui/x/core"
)

// The three kinds of record, as they appear in keys, indexes and scheduler ids.
const (
	kindEscrow = "e"
	kindSwap   = "s"
	kindHtlc   = "h"
)

// RecordKey is an escrow's, swap's or HTLC's record (ids are 8 bytes big-endian, per kind).
func RecordKey(kind string, id uint64) []byte { return core.Key("esc", kind, idBytes(id)) }

func recordPrefix(kind string) []byte { return core.Key("esc", kind, "") }

func seqKey(kind string) []byte { return core.Key("esc", "seq", kind) }

// partyKey indexes a record under each of its parties, for the account view.
func partyKey(addr, kind string, id uint64) []byte {
	return core.Key("esc", "by", addr, kind, idBytes(id))
}

func partyPrefix(addr string) []byte { return core.Key("esc", "by", addr, "") }

func idBytes(id uint64) string { return string(binary.BigEndian.AppendUint64(nil, id)) }

// Scheduler kinds.
const (
	releaseKind    = "escrow-release"
	refundKind     = "escrow-refund"
	swapExpiryKind = "swap-expiry"
	htlcExpiryKind = "htlc-expiry"
)

// Record states.
const (
	StatusOpen      = "open"
	StatusReleased  = "released"
	StatusRefunded  = "refunded"
	StatusAccepted  = "accepted"
	StatusCancelled = "cancelled"
	StatusExpired   = "expired"
	StatusLocked    = "locked"
	StatusClaimed   = "claimed"
	StatusReclaimed = "reclaimed"
)

// Times.
const (
	// MaxTermSecs bounds how far ahead a refund time or expiry may lie (a year).
	MaxTermSecs = 366 * 86400
	// ReclaimWindowSecs is how long after an HTLC's expiry the sender has to reclaim it
	// before the scheduler returns it anyway.
	ReclaimWindowSecs = 30 * 86400
	// holdGraceSecs: a record's hold expires by itself this long after the record's own last
	// deadline, a backstop the scheduler's handlers always come before.
	holdGraceSecs = 30 * 86400
)

// nextID takes a kind's next id.
func nextID(ctx *core.Context, kind string) uint64 {
	id := uint64(core.GetInt64(ctx.KV, seqKey(kind))) + 1
	core.SetInt64(ctx.KV, seqKey(kind), int64(id))
	return id
}

// index files a record under its parties.
func index(ctx *core.Context, kind string, id uint64, parties ...string) {
	for _, p := range parties {
		ctx.KV.Set(partyKey(p, kind, id), []byte{1})
	}
}

func decodeID(b []byte) uint64 { return binary.BigEndian.Uint64(b) }
