package oracle

import (
	"strings"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// Bounds of a feed's definition.
const (
	maxReporters     = 31
	maxFeedIDLen     = 12
	maxTimeoutSecs   = 30 * 86400
	maxHeartbeatSecs = 400 * 86400
)

// GetFeed reads a registered feed.
func GetFeed(r store.Reader, id string) (*statepb.FeedRecord, bool) {
	var f statepb.FeedRecord
	return &f, core.GetProto(r, FeedKey(id), &f)
}

// ListFeeds lists every feed, by id.
func ListFeeds(r store.Reader) []*statepb.FeedRecord {
	return core.ListProto[statepb.FeedRecord](r, feedPrefix)
}

// ValidFeedID: 2..12 of A-Z, 0-9 and '-'.
func ValidFeedID(id string) bool {
	return len(id) >= 2 && len(id) <= maxFeedIDLen && strings.Trim(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == ""
}

// RegisterFeed registers a feed (an oracle-role member or governance). Every reporter must be
// a member with the oracle role now; the minimum must be reachable.
func RegisterFeed(ctx *core.Context, m *txpb.MsgRegisterFeed) error {
	f := m.GetFeed()
	if err := CheckFeed(ctx.KV, f); err != nil {
		return err
	}
	if _, ok := GetFeed(ctx.KV, f.Id); ok {
		return ErrFeedExists.Wrapf("feed %s", f.Id)
	}
	core.SetProto(ctx.KV, FeedKey(f.Id), &statepb.FeedRecord{Feed: f, RegisteredBy: ctx.Signer, RegisteredAt: ctx.Now()})
	ctx.Emit("oracle.feed_registered", "feed_id", f.Id, "signer", ctx.Signer, "unit", f.Unit,
		"decimals", core.Itoa(int64(f.Decimals)), "min_submissions", core.Itoa(int64(f.MinSubmissions)),
		"reporters", strings.Join(f.Reporters, ","), "heartbeat_seconds", core.Itoa(f.HeartbeatSeconds))
	return nil
}

// CheckFeed is what can be checked of a feed before it is registered (governance checks it
// when a proposal carrying it is submitted).
func CheckFeed(r store.Reader, f *txpb.Feed) error {
	if err := checkFeedShape(f); err != nil {
		return err
	}
	for _, rep := range f.Reporters {
		if !identity.HasRole(r, rep, identity.RoleOracle) {
			return ErrBadFeed.Wrapf("reporter %s is not a member with the oracle role", rep)
		}
	}
	return nil
}
