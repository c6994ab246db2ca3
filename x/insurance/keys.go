package insurance

import (
	"encoding/binary"
	"strconv"

	"github.com/puhui-chain/puhui/x/core"
)

func idBytes(id uint64) string { return string(binary.BigEndian.AppendUint64(nil, id)) }

func idText(id uint64) string { return strconv.FormatUint(id, 10) }

// State keys (exported so that proofs can name them).
func ProductKey(id uint64) []byte                { return core.Key("ins", "prod", idBytes(id)) }
func PolicyKey(id uint64) []byte                 { return core.Key("ins", "pol", idBytes(id)) }
func ClaimKey(id uint64) []byte                  { return core.Key("ins", "claim", idBytes(id)) }
func PoolKey(insurer, asset string) []byte       { return core.Key("ins", "pool", insurer, asset) }
func poolsOfPrefix(insurer string) []byte        { return core.Key("ins", "pool", insurer, "") }
func byInsuredKey(addr string, id uint64) []byte { return core.Key("ins", "bi", addr, idBytes(id)) }
func byLoanKey(loan, id uint64) []byte           { return core.Key("ins", "bl", idBytes(loan), idBytes(id)) }
func byLoanPrefix(loan uint64) []byte            { return core.Key("ins", "bl", idBytes(loan), "") }
func byInsuredPrefix(addr string) []byte         { return core.Key("ins", "bi", addr, "") }

// waitingKey marks a product whose index could not yet be fixed; waitingPolicyKey lists its
// policies that fell due meanwhile.
func waitingKey(product uint64) []byte { return core.Key("ins", "wait", idBytes(product)) }
func waitingPolicyKey(product, policy uint64) []byte {
	return core.Key("ins", "wpol", idBytes(product), idBytes(policy))
}
func waitingPoliciesPrefix(product uint64) []byte {
	return core.Key("ins", "wpol", idBytes(product), "")
}

var (
	productSeqKey = core.Key("ins", "prodseq")
	policySeqKey  = core.Key("ins", "polseq")
	claimSeqKey   = core.Key("ins", "claimseq")
	productPrefix = core.Key("ins", "prod", "")
	policyPrefix  = core.Key("ins", "pol", "")
	poolPrefix    = core.Key("ins", "pool", "")
	waitingPrefix = core.Key("ins", "wait", "")
)

// Scheduler kinds.
const (
	settleKind   = "insurance-settle"    // a parametric policy's risk period ended
	expireKind   = "insurance-expire"    // an indemnity policy's cover ended
	claimDueKind = "insurance-claim-due" // a claim's decision deadline
	retryDelay   = 86400                 // a payout that could not be made (a frozen account) is retried a day later
)

func decodeID(b []byte) uint64 { return binary.BigEndian.Uint64(b) }
