package compliance

import (
	"encoding/binary"
	"strconv"

	"github.com/puhui-chain/puhui/x/core"
)

func idBytes(id uint64) string { return string(binary.BigEndian.AppendUint64(nil, id)) }

func idText(id uint64) string { return strconv.FormatUint(id, 10) }

// State keys (exported so that proofs can name them).
func RuleSetKey() []byte                    { return core.Key("cmp", "rules") }
func AlertKey(id uint64) []byte             { return core.Key("cmp", "alert", idBytes(id)) }
func CaseKey(id uint64) []byte              { return core.Key("cmp", "case", idBytes(id)) }
func ReportKey(id uint64) []byte            { return core.Key("cmp", "str", idBytes(id)) }
func LargeValueKey(id uint64) []byte        { return core.Key("cmp", "lvr", idBytes(id)) }
func OrderKey(id uint64) []byte             { return core.Key("cmp", "order", idBytes(id)) }
func CountersKey(addr, asset string) []byte { return core.Key("cmp", "ctr", addr, asset) }
func JurisdictionKey(addr string) []byte    { return core.Key("cmp", "jur", addr) }
func SanctionsKey(hash string) []byte       { return core.Key("cmp", "sanc", hash) }
func NetAssetsKey(lender, asset string) []byte {
	return core.Key("cmp", "net", lender, asset)
}

// Parameters, and related-party groups with each member's group.
var paramsKey = core.Key("cmp", "params")

func RelatedGroupKey(name string) []byte { return core.Key("cmp", "rel", name) }
func relatedOfKey(addr string) []byte    { return core.Key("cmp", "relof", addr) }

// Freeze aggregates: what the screen reads per movement instead of the orders themselves.
func wholeFreezeKey(addr string) []byte         { return core.Key("cmp", "fzw", addr) }
func frozenAmountKey(addr, asset string) []byte { return core.Key("cmp", "fza", addr, asset) }
func debitingKey(addr string) []byte            { return core.Key("cmp", "debiting", addr) }
func sanctionsFreezeKey(addr string) []byte     { return core.Key("cmp", "sfz", addr) }
func ordersOfKey(addr string, id uint64) []byte { return core.Key("cmp", "oa", addr, idBytes(id)) }
func ordersOfPrefix(addr string) []byte         { return core.Key("cmp", "oa", addr, "") }
func exposureMarkKey(b, asset string) []byte    { return core.Key("cmp", "xm", b, asset) }

var (
	saltKey      = core.Key("cmp", "salt")
	alertSeqKey  = core.Key("cmp", "alertseq")
	caseSeqKey   = core.Key("cmp", "caseseq")
	reportSeqKey = core.Key("cmp", "strseq")
	lvrSeqKey    = core.Key("cmp", "lvrseq")
	orderSeqKey  = core.Key("cmp", "orderseq")
	alertPrefix  = core.Key("cmp", "alert", "")
	casePrefix   = core.Key("cmp", "case", "")
	reportPrefix = core.Key("cmp", "str", "")
	lvrPrefix    = core.Key("cmp", "lvr", "")
	orderPrefix  = core.Key("cmp", "order", "")
	netPrefix    = core.Key("cmp", "net", "")
	countsKey    = core.Key("cmp", "counts")
)

// Scheduler kinds.
const (
	freezeStartKind  = "freeze-start"  // a pending order takes effect
	freezeExpiryKind = "freeze-expiry" // an order lapses by itself
	reportDueKind    = "str-due"       // a confirmed case's report falls due
)

// nextID increments a sequence and returns the new value (ids start at 1).
func nextID(ctx *core.Context, key []byte) uint64 {
	id := uint64(core.GetInt64(ctx.KV, key)) + 1
	core.SetInt64(ctx.KV, key, int64(id))
	return id
}
