package ledger

import (
	"encoding/binary"
	"strconv"

	"github.com/puhui-chain/puhui/statekeys"
	"github.com/puhui-chain/puhui/x/core"
)

// State keys (exported so that proofs can name them). Those a proof of an account names are
// statekeys', which the SDK shares.
func AssetKey(code string) []byte          { return core.Key("lg", "asset", code) }
func BalanceKey(addr, asset string) []byte { return statekeys.Balance(addr, asset) }
func HeldKey(addr, asset string) []byte    { return statekeys.Held(addr, asset) }
func FrozenKey(addr string) []byte         { return statekeys.Frozen(addr) }
func HoldKey(id uint64) []byte {
	return core.Key("lg", "hold", string(binary.BigEndian.AppendUint64(nil, id)))
}

var (
	holdSeqKey  = core.Key("lg", "holdseq")
	assetPrefix = core.Key("lg", "asset", "")
)

func balancePrefix(addr string) []byte { return core.Key("lg", "bal", addr, "") }

// holdExpiryKind is the scheduler kind of hold expiries.
const holdExpiryKind = "hold-expiry"

func holdIDString(id uint64) string { return strconv.FormatUint(id, 10) }
