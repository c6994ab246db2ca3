package credit

import (
	"encoding/binary"

	"github.com/puhui-chain/puhui/x/core"
)

func u64(v uint64) string { return string(binary.BigEndian.AppendUint64(nil, uint64(v))) }

// State keys (exported so that proofs can name them).
func ScorecardKey(name string, version uint32) []byte {
	return core.Key("credit", "model", name, string(binary.BigEndian.AppendUint32(nil, version)))
}
func scorecardPrefix(name string) []byte { return core.Key("credit", "model", name, "") }

func ConsentKey(borrower, lender, purpose string) []byte {
	return core.Key("credit", "consent", borrower, lender, purpose)
}
func consentPrefix(borrower string) []byte { return core.Key("credit", "consent", borrower, "") }

func AccessKey(borrower string, id uint64) []byte {
	return core.Key("credit", "access", borrower, u64(id))
}
func accessPrefix(borrower string) []byte { return core.Key("credit", "access", borrower, "") }
func accessSeqKey(borrower string) []byte { return core.Key("credit", "accseq", borrower) }

var allScorecards = core.Key("credit", "model", "")

// ScfRecordKey holds what supply-chain finance reported about an account in one asset.
func ScfRecordKey(addr, asset string) []byte { return core.Key("credit", "scf", addr, asset) }
