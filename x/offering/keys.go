package offering

import (
	"encoding/binary"

	"github.com/puhui-chain/puhui/x/core"
)

// State keys (exported so that proofs can name them). Ids are 8 bytes big-endian, so that
// key order is id order.
func OfferingKey(id uint64) []byte { return core.Key("off", "o", idBytes(id)) }

// PledgeKey orders an offering's pledges by investor address.
func PledgeKey(id uint64, investor string) []byte {
	return core.Key("off", "p", idBytes(id), investor)
}

func pledgePrefix(id uint64) []byte { return core.Key("off", "p", idBytes(id), "") }

var (
	offeringPrefix = core.Key("off", "o", "")
	seqKey         = core.Key("off", "seq")
)

func idBytes(id uint64) string { return string(binary.BigEndian.AppendUint64(nil, id)) }

// closeKind is the scheduler kind that settles an offering at its closing time.
const closeKind = "offering-close"

// Offering and pledge states.
const (
	StatusOpen      = "open"
	StatusSucceeded = "succeeded"
	StatusFailed    = "failed"
	StatusCancelled = "cancelled"

	PledgePledged   = "pledged"
	PledgeAllotted  = "allotted"
	PledgeRefunded  = "refunded"
	PledgeExcluded  = "excluded"
	PledgeWithdrawn = "withdrawn"
)
