package oracle

import (
	"fmt"
	"slices"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
)

// CheckInvariants: every feed's rounds are numbered 1..last without gaps, open in time
// order, only the last may be open; a final round has exactly the minimum of submissions
// from distinct reporters of the feed and its answer is their median; the feed's last final
// round is the highest final one. It scans every round: for tests and audits.
func CheckInvariants(r store.Reader) error {
	for _, rec := range ListFeeds(r) {
		if err := checkFeed(r, rec); err != nil {
			return fmt.Errorf("feed %s: %w", rec.Feed.Id, err)
		}
	}
	return nil
}

func checkFeed(r store.Reader, rec *statepb.FeedRecord) error {
	var prevOpened int64
	var lastFinal uint64
	for id := uint64(1); id <= rec.LastRound; id++ {
		rd, ok := GetRound(r, rec.Feed.Id, id)
		if !ok {
			return fmt.Errorf("round %d missing (last %d)", id, rec.LastRound)
		}
		if rd.OpenedAt < prevOpened {
			return fmt.Errorf("round %d opened before round %d", id, id-1)
		}
		prevOpened = rd.OpenedAt
		if rd.Status == statepb.RoundStatus_ROUND_STATUS_OPEN && id != rec.LastRound {
			return fmt.Errorf("round %d open but not the last", id)
		}
		var seen []string
		values := make([]int64, 0, len(rd.Submissions))
		for _, s := range rd.Submissions {
			if slices.Contains(seen, s.Reporter) {
				return fmt.Errorf("round %d: %s answered twice", id, s.Reporter)
			}
			seen = append(seen, s.Reporter)
			values = append(values, s.Value)
		}
		if rd.Status == statepb.RoundStatus_ROUND_STATUS_FINAL {
			lastFinal = id
			med, err := Median(values)
			if len(values) != int(rec.Feed.MinSubmissions) || err != nil || med != rd.Answer || !rd.HasAnswer {
				return fmt.Errorf("round %d: final with %d answers and answer %d", id, len(values), rd.Answer)
			}
		}
	}
	if r.Get(RoundKey(rec.Feed.Id, rec.LastRound+1)) != nil {
		return fmt.Errorf("a round beyond the last %d", rec.LastRound)
	}
	if lastFinal != rec.LastFinalRound {
		return fmt.Errorf("last final round %d, recorded %d", lastFinal, rec.LastFinalRound)
	}
	return nil
}
