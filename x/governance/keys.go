package governance

import (
	"encoding/binary"
	"encoding/hex"

	"github.com/puhui-chain/puhui/x/core"
)

var (
	paramsKey       = core.Key("gov", "params")
	seqKey          = core.Key("gov", "seq")
	proposalPrefix  = core.Key("gov", "p", "")
	validatorPrefix = core.Key("gov", "val", "")
	updatePrefix    = core.Key("gov", "valupd", "")
)

func idBytes(id uint64) string { return string(binary.BigEndian.AppendUint64(nil, id)) }

// ProposalKey is the state key of a proposal.
func ProposalKey(id uint64) []byte { return core.Key("gov", "p", idBytes(id)) }

func votePrefix(id uint64) []byte            { return core.Key("gov", "v", idBytes(id), "") }
func voteKey(id uint64, voter string) []byte { return core.Key("gov", "v", idBytes(id), voter) }

// ValidatorKey is the state key of a validator's power, by consensus public key.
func ValidatorKey(pubKey []byte) []byte { return core.Key("gov", "val", hex.EncodeToString(pubKey)) }

func updateKey(pubKey []byte) []byte { return core.Key("gov", "valupd", hex.EncodeToString(pubKey)) }

const tallyKind = "gov-tally"
