package assets

import (
	"encoding/binary"

	"github.com/puhui-chain/puhui/x/core"
)

// State keys, all under "as".
func RulesKey(asset string) []byte             { return core.Key("as", "rules", asset) }
func HolderRulesKey(asset, addr string) []byte { return core.Key("as", "hr", asset, addr) }
func HolderKey(asset, addr string) []byte      { return core.Key("as", "h", asset, addr) }
func AllowKey(asset, addr string) []byte       { return core.Key("as", "allow", asset, addr) }
func ApprovalKey(asset, from, to string) []byte {
	return core.Key("as", "appr", asset, from, to)
}
func ActionKey(id uint64) []byte              { return core.Key("as", "act", u64(id)) }
func DistributionKey(id uint64) []byte        { return core.Key("as", "dist", u64(id)) }
func PayoutKey(id uint64, addr string) []byte { return core.Key("as", "pay", u64(id), addr) }

func holderPrefix(asset string) []byte         { return core.Key("as", "h", asset, "") }
func approvalPrefix(asset, from string) []byte { return core.Key("as", "appr", asset, from, "") }
func payoutPrefix(id uint64) []byte            { return core.Key("as", "pay", u64(id), "") }
func openKey(id uint64) []byte                 { return core.Key("as", "open", u64(id)) }
func snapKey(id uint64, addr string) []byte    { return core.Key("as", "snap", u64(id), addr) }
func snapPrefix(id uint64) []byte              { return core.Key("as", "snap", u64(id), "") }

// rankKey orders a distribution's entries by remainder (largest first), then holding
// (largest first), then address (lowest first): the largest-remainder order.
func rankKey(id uint64, remainder, balance int64, addr string) []byte {
	b := binary.BigEndian.AppendUint64(nil, ^uint64(remainder))
	b = binary.BigEndian.AppendUint64(b, ^uint64(balance))
	return core.Key("as", "rank", u64(id), string(b)+addr)
}
func rankPrefix(id uint64) []byte { return core.Key("as", "rank", u64(id), "") }

var (
	rulesPrefix   = core.Key("as", "rules", "")
	openPrefix    = core.Key("as", "open", "")
	actionSeqKey  = core.Key("as", "actseq")
	distSeqKey    = core.Key("as", "distseq")
	agentMoveKey  = core.Key("as", "agentmove")
	distPrefixKey = core.Key("as", "dist", "")
)

func u64(v uint64) string { return string(binary.BigEndian.AppendUint64(nil, v)) }

// present is the value of set-membership keys (an empty value would be a deletion).
var present = []byte{1}
