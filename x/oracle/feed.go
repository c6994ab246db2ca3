package oracle

import (
	"slices"
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
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
	switch {
	case f == nil:
		return ErrBadFeed.Wrapf("no feed")
	case !ValidFeedID(f.Id):
		return ErrBadFeed.Wrapf("id %q: 2..%d of A-Z, 0-9 and -", f.Id, maxFeedIDLen)
	case len(f.Description) > 4*tx.MaxStringField || len(f.Unit) > 32:
		return ErrBadFeed.Wrapf("description over %d bytes or unit over 32", 4*tx.MaxStringField)
	case f.Decimals > money.MaxScale:
		return ErrBadFeed.Wrapf("decimals %d above %d", f.Decimals, money.MaxScale)
	case f.HeartbeatSeconds <= 0 || f.HeartbeatSeconds > maxHeartbeatSecs:
		return ErrBadFeed.Wrapf("heartbeat_seconds %d: 1..%d", f.HeartbeatSeconds, maxHeartbeatSecs)
	case f.RoundTimeoutSeconds <= 0 || f.RoundTimeoutSeconds > maxTimeoutSecs:
		return ErrBadFeed.Wrapf("round_timeout_seconds %d: 1..%d", f.RoundTimeoutSeconds, maxTimeoutSecs)
	case len(f.Reporters) == 0 || len(f.Reporters) > maxReporters:
		return ErrBadFeed.Wrapf("%d reporters: 1..%d", len(f.Reporters), maxReporters)
	case f.MinSubmissions == 0 || int(f.MinSubmissions) > len(f.Reporters):
		return ErrBadFeed.Wrapf("min_submissions %d: 1..%d (the reporters)", f.MinSubmissions, len(f.Reporters))
	}
	seen := make([]string, 0, len(f.Reporters))
	for _, rep := range f.Reporters {
		if err := tx.ValidateAddress("reporter", rep); err != nil {
			return err
		}
		if slices.Contains(seen, rep) {
			return ErrBadFeed.Wrapf("reporter %s listed twice", rep)
		}
		if !identity.HasRole(r, rep, identity.RoleOracle) {
			return ErrBadFeed.Wrapf("reporter %s is not a member with the oracle role", rep)
		}
		seen = append(seen, rep)
	}
	return nil
}
