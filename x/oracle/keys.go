package oracle

import (
	"encoding/binary"
	"strings"

	"github.com/puhui-chain/puhui/x/core"
)

// State keys (exported so that proofs can name them).
func FeedKey(id string) []byte { return core.Key("orc", "feed", id) }

// RoundKey orders a feed's rounds by id (8 bytes big-endian).
func RoundKey(feed string, round uint64) []byte {
	return core.Key("orc", "round", feed, string(binary.BigEndian.AppendUint64(nil, round)))
}

func roundPrefix(feed string) []byte { return core.Key("orc", "round", feed, "") }

var feedPrefix = core.Key("orc", "feed", "")

// timeoutKind is the scheduler kind that closes a round at its deadline; its id is
// "<feed>/<round>" with '/' replaced, since kinds and ids are joined by the scheduler.
const timeoutKind = "oracle-round-timeout"

func timeoutID(feed string, round uint64) string { return feed + ":" + core.Itoa(int64(round)) }

func parseTimeoutID(id string) (string, string) {
	i := strings.LastIndexByte(id, ':')
	if i < 0 {
		return id, ""
	}
	return id[:i], id[i+1:]
}
