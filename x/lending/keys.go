package lending

import (
	"encoding/binary"
	"strconv"

	"github.com/puhui-chain/puhui/x/core"
)

func idBytes(id uint64) string { return string(binary.BigEndian.AppendUint64(nil, id)) }

// State keys (exported so that proofs can name them).
func ProductKey(id uint64) []byte { return core.Key("lend", "prod", idBytes(id)) }
func LoanKey(id uint64) []byte    { return core.Key("lend", "loan", idBytes(id)) }

func byBorrowerKey(borrower string, id uint64) []byte {
	return core.Key("lend", "bb", borrower, idBytes(id))
}
func byLenderKey(lender string, id uint64) []byte { return core.Key("lend", "bl", lender, idBytes(id)) }
func byBorrowerPrefix(borrower string) []byte     { return core.Key("lend", "bb", borrower, "") }
func byLenderPrefix(lender string) []byte         { return core.Key("lend", "bl", lender, "") }

var (
	productSeqKey = core.Key("lend", "prodseq")
	loanSeqKey    = core.Key("lend", "loanseq")
	productPrefix = core.Key("lend", "prod", "")
)

// Scheduler kinds.
const (
	dueKind     = "loan-due"     // collect the next instalment on its due date
	arrearsKind = "loan-arrears" // a business day passed while overdue
)

func idText(id uint64) string { return strconv.FormatUint(id, 10) }
