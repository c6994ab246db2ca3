package oracle

import (
	"errors"
	"strconv"
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
)

// feedView is a feed as the query answers it, with its latest answer as a consumer sees it
// at now.
func feedView(r store.Reader, rec *statepb.FeedRecord, now int64) query.Feed {
	f := rec.Feed
	v := query.Feed{ID: f.Id, Description: f.Description, Unit: f.Unit, Decimals: f.Decimals,
		HeartbeatSeconds: f.HeartbeatSeconds, RoundTimeoutSeconds: f.RoundTimeoutSeconds, MinSubmissions: f.MinSubmissions,
		Reporters: f.Reporters, RegisteredBy: rec.RegisteredBy, RegisteredAt: rec.RegisteredAt,
		LastRound: rec.LastRound, LastFinalRound: rec.LastFinalRound, LatestStatus: "none"}
	rd, err := Latest(r, f.Id, now)
	switch {
	case err == nil:
		v.LatestStatus = "fresh"
	case errors.Is(err, ErrStale):
		v.LatestStatus = "stale"
	}
	if rd != nil && rd.HasAnswer {
		v.Latest, v.LatestRound = money.FormatMinor(rd.Answer, f.Decimals), rd.Id
	}
	return v
}

func roundView(rd *statepb.Round, decimals uint32) query.Round {
	v := query.Round{FeedID: rd.FeedId, ID: rd.Id, Status: roundStatus(rd.Status), OpenedAt: rd.OpenedAt,
		Deadline: rd.Deadline, ClosedAt: rd.ClosedAt, Submissions: make([]query.Submission, len(rd.Submissions))}
	if rd.HasAnswer {
		v.Answer = money.FormatMinor(rd.Answer, decimals)
	}
	for i, s := range rd.Submissions {
		v.Submissions[i] = query.Submission{Reporter: s.Reporter, Value: money.FormatMinor(s.Value, decimals), At: s.At, Height: s.Height}
	}
	return v
}

func roundStatus(s statepb.RoundStatus) string {
	return strings.ToLower(strings.TrimPrefix(s.String(), "ROUND_STATUS_"))
}

// roundsView lists a feed's last rounds, newest first, at most query.MaxRoundsListed.
func roundsView(r store.Reader, rec *statepb.FeedRecord) []query.Round {
	out := []query.Round{}
	for id := rec.LastRound; id > 0 && len(out) < query.MaxRoundsListed; id-- {
		rd, _ := GetRound(r, rec.Feed.Id, id)
		out = append(out, roundView(rd, rec.Feed.Decimals))
	}
	return out
}

// roundOf answers "<feed>/<round>".
func roundOf(r store.Reader, arg string) (query.Round, error) {
	feed, idText, _ := strings.Cut(arg, "/")
	id, err := strconv.ParseUint(idText, 10, 64)
	rec, ok := GetFeed(r, feed)
	if !ok {
		return query.Round{}, ErrUnknownFeed.Wrapf("feed %q", feed)
	}
	rd, found := GetRound(r, feed, id)
	if err != nil || !found {
		return query.Round{}, ErrUnknownRound.Wrapf("round %q of %s", idText, feed)
	}
	return roundView(rd, rec.Feed.Decimals), nil
}

func feedOrError(r store.Reader, id string) (*statepb.FeedRecord, error) {
	rec, ok := GetFeed(r, id)
	if !ok {
		return nil, ErrUnknownFeed.Wrapf("feed %q", id)
	}
	return rec, nil
}
