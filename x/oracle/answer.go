package oracle

import (
	"sort"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Latest is the feed's current answer for a consumer: the last closed round's answer, refused
// when that round is stale or closed longer than the feed's heartbeat before now.
func Latest(r store.Reader, feed string, now int64) (*statepb.Round, error) {
	rec, ok := GetFeed(r, feed)
	if !ok {
		return nil, ErrUnknownFeed.Wrapf("feed %q", feed)
	}
	id := rec.LastRound
	if rd, ok := GetRound(r, feed, id); ok && rd.Status == statepb.RoundStatus_ROUND_STATUS_OPEN {
		id--
	}
	rd, ok := GetRound(r, feed, id)
	switch {
	case !ok:
		return nil, ErrNoAnswer.Wrapf("feed %s has no closed round", feed)
	case rd.Status == statepb.RoundStatus_ROUND_STATUS_STALE:
		return rd, ErrStale.Wrapf("round %d of %s timed out: its answer is carried forward", rd.Id, feed)
	case now-rd.ClosedAt > rec.Feed.HeartbeatSeconds:
		return rd, ErrStale.Wrapf("round %d of %s answered at %d, older than the heartbeat of %ds", rd.Id, feed, rd.ClosedAt, rec.Feed.HeartbeatSeconds)
	}
	return rd, nil
}

// Period is what a consumer computes an index from: the final answers of the rounds opened
// in a period, in round order, closed by a fresh final answer.
type Period struct {
	Values   []int64 // final answers, in the feed's units × 10^Decimals
	Decimals uint32
	Closing  uint64 // the round whose answer closes the period
	Ready    bool   // false: wait for a round still open, or for a fresh final answer
}

// PeriodAnswers collects the final answers of the rounds opened in [start, end]. The period
// is closed by its last round if that round is final and answered within the heartbeat of
// end; otherwise (stale, too old, none) the consumer must wait for the first final round
// opened after end, whose answer then closes the period. A round still open that would
// decide it leaves the period not ready. Cost: the rounds in the period, found by binary
// search (rounds open in time order).
func PeriodAnswers(r store.Reader, feed string, start, end int64) (Period, error) {
	rec, ok := GetFeed(r, feed)
	if !ok {
		return Period{}, ErrUnknownFeed.Wrapf("feed %q", feed)
	}
	p := Period{Decimals: rec.Feed.Decimals}
	first := uint64(sort.Search(int(rec.LastRound), func(i int) bool {
		rd, _ := GetRound(r, feed, uint64(i)+1)
		return rd.OpenedAt >= start
	})) + 1
	var last *statepb.Round
	r.Iterate(RoundKey(feed, first), store.PrefixEnd(roundPrefix(feed)), func(_, v []byte) bool {
		var rd statepb.Round
		core.MustUnmarshal(v, &rd)
		if rd.OpenedAt > end {
			return closeAfter(&p, &rd)
		}
		if rd.Status == statepb.RoundStatus_ROUND_STATUS_FINAL {
			p.Values = append(p.Values, rd.Answer)
		}
		last = &rd
		if rd.Status == statepb.RoundStatus_ROUND_STATUS_OPEN {
			return false // undecided: not ready
		}
		if rd.Status == statepb.RoundStatus_ROUND_STATUS_FINAL && rd.ClosedAt >= end-rec.Feed.HeartbeatSeconds {
			p.Closing, p.Ready = rd.Id, true
		} else {
			p.Closing, p.Ready = 0, false
		}
		return true
	})
	if last != nil && last.Status == statepb.RoundStatus_ROUND_STATUS_OPEN {
		p.Ready = false
	}
	return p, nil
}

// closeAfter handles a round opened after the period: if the period is not yet closed, the
// first final such round closes it. It returns whether to keep looking.
func closeAfter(p *Period, rd *statepb.Round) bool {
	if p.Ready {
		return false
	}
	switch rd.Status {
	case statepb.RoundStatus_ROUND_STATUS_FINAL:
		p.Values = append(p.Values, rd.Answer)
		p.Closing, p.Ready = rd.Id, true
		return false
	case statepb.RoundStatus_ROUND_STATUS_OPEN:
		return false
	}
	return true // stale: wait for a later one
}

// Feeds is the oracle as consumers see it through the interfaces they declare (insurance's
// Feeds). It holds no state.
type Feeds struct{}

func (Feeds) FeedExists(r store.Reader, id string) bool { _, ok := GetFeed(r, id); return ok }

func (Feeds) LastFinalRound(r store.Reader, id string) uint64 {
	rec, _ := GetFeed(r, id)
	return rec.GetLastFinalRound()
}

func (Feeds) PeriodAnswers(r store.Reader, id string, start, end int64) ([]int64, uint32, uint64, bool, error) {
	p, err := PeriodAnswers(r, id, start, end)
	return p.Values, p.Decimals, p.Closing, p.Ready, err
}
