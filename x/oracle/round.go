package oracle

import (
	"math/big"
	"slices"
	"strconv"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// GetRound reads one round of a feed.
func GetRound(r store.Reader, feed string, id uint64) (*statepb.Round, bool) {
	var rd statepb.Round
	return &rd, core.GetProto(r, RoundKey(feed, id), &rd)
}

// Submit records a reporter's answer to a round. The round is the feed's open round, or the
// next one (which it opens) when the last is final or stale: a reporter cannot answer a
// closed round, nor open a round while one is open.
func Submit(ctx *core.Context, m *txpb.MsgSubmitObservation) error {
	rec, ok := GetFeed(ctx.KV, m.FeedId)
	if !ok {
		return ErrUnknownFeed.Wrapf("feed %q", m.FeedId)
	}
	if !slices.Contains(rec.Feed.Reporters, ctx.Signer) {
		return ErrNotReporter.Wrapf("%s is not a reporter of feed %s", ctx.Signer, m.FeedId)
	}
	rd, err := roundToAnswer(ctx, rec, m.RoundId)
	if err != nil {
		return err
	}
	for _, s := range rd.Submissions {
		if s.Reporter == ctx.Signer {
			return ErrAlreadyAnswered.Wrapf("%s already answered round %d of %s", ctx.Signer, rd.Id, m.FeedId)
		}
	}
	rd.Submissions = append(rd.Submissions, &statepb.Submission{Reporter: ctx.Signer, Value: m.Value, At: ctx.Now(), Height: ctx.Height})
	ctx.Emit("oracle.observation", "feed_id", m.FeedId, "round_id", core.Itoa(int64(rd.Id)), "signer", ctx.Signer,
		"value", core.Itoa(m.Value))
	if len(rd.Submissions) == int(rec.Feed.MinSubmissions) {
		if err := finalise(ctx, rec, rd); err != nil {
			return err
		}
	}
	core.SetProto(ctx.KV, RoundKey(m.FeedId, rd.Id), rd)
	core.SetProto(ctx.KV, FeedKey(m.FeedId), rec)
	return nil
}

// roundToAnswer is the open round a submission names, or the new round it opens.
func roundToAnswer(ctx *core.Context, rec *statepb.FeedRecord, id uint64) (*statepb.Round, error) {
	feed := rec.Feed.Id
	if rec.LastRound > 0 {
		last, _ := GetRound(ctx.KV, feed, rec.LastRound)
		if last.Status == statepb.RoundStatus_ROUND_STATUS_OPEN {
			if id != last.Id {
				return nil, ErrWrongRound.Wrapf("round %d of %s is open; answer it, not round %d", last.Id, feed, id)
			}
			if ctx.Now() >= last.Deadline {
				return nil, ErrWrongRound.Wrapf("round %d of %s timed out at %d", last.Id, feed, last.Deadline)
			}
			return last, nil
		}
	}
	if id != rec.LastRound+1 {
		return nil, ErrWrongRound.Wrapf("round %d of %s: the next round is %d", id, feed, rec.LastRound+1)
	}
	rd := &statepb.Round{FeedId: feed, Id: id, Status: statepb.RoundStatus_ROUND_STATUS_OPEN, OpenedAt: ctx.Now(),
		Deadline: ctx.Now() + rec.Feed.RoundTimeoutSeconds}
	rec.LastRound = id
	scheduler.Add(ctx.KV, rd.Deadline, timeoutKind, timeoutID(feed, id))
	ctx.Emit("oracle.round_opened", "feed_id", feed, "round_id", core.Itoa(int64(id)), "deadline", core.Itoa(rd.Deadline))
	return rd, nil
}

// finalise closes a round that reached its minimum: its answer is the median.
func finalise(ctx *core.Context, rec *statepb.FeedRecord, rd *statepb.Round) error {
	values := make([]int64, len(rd.Submissions))
	for i, s := range rd.Submissions {
		values[i] = s.Value
	}
	med, err := Median(values)
	if err != nil {
		return err
	}
	rd.Status, rd.Answer, rd.HasAnswer, rd.ClosedAt = statepb.RoundStatus_ROUND_STATUS_FINAL, med, true, ctx.Now()
	rec.LastFinalRound = rd.Id
	scheduler.Remove(ctx.KV, rd.Deadline, timeoutKind, timeoutID(rd.FeedId, rd.Id))
	ctx.Emit("oracle.round_final", "feed_id", rd.FeedId, "round_id", core.Itoa(int64(rd.Id)),
		"answer", core.Itoa(med), "submissions", core.Itoa(int64(len(values))))
	return nil
}

// Median is the middle value; for an even count, the mean of the two middle values rounded
// half-even (in the feed's units: {2090, 2100, 2110, 5000} → 2105). The sum of the middle
// pair is taken exactly, so two values near the int64 limits do not wrap.
func Median(values []int64) (int64, error) {
	if len(values) == 0 {
		return 0, ErrNoAnswer.Wrapf("median of no values")
	}
	v := slices.Clone(values)
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2], nil
	}
	sum := new(big.Int).Add(big.NewInt(v[n/2-1]), big.NewInt(v[n/2]))
	q, err := money.QuoBig(sum, big.NewInt(2), money.RoundingHalfEven)
	if err != nil {
		return 0, err
	}
	return q.Int64(), nil // between two int64 values: fits
}

// expireRound is the scheduler handler at a round's deadline: a round still open goes stale
// and carries the previous round's answer forward (none if there is none).
func expireRound(ctx *core.Context, id string) error {
	feed, roundText := parseTimeoutID(id)
	n, err := strconv.ParseUint(roundText, 10, 64)
	if err != nil {
		return err
	}
	rd, ok := GetRound(ctx.KV, feed, n)
	if !ok || rd.Status != statepb.RoundStatus_ROUND_STATUS_OPEN {
		return nil
	}
	rd.Status, rd.ClosedAt = statepb.RoundStatus_ROUND_STATUS_STALE, ctx.Now()
	if prev, ok := GetRound(ctx.KV, feed, n-1); ok && prev.HasAnswer {
		rd.Answer, rd.HasAnswer = prev.Answer, true
	}
	core.SetProto(ctx.KV, RoundKey(feed, n), rd)
	ctx.Emit("oracle.round_stale", "feed_id", feed, "round_id", roundText, "submissions", core.Itoa(int64(len(rd.Submissions))),
		"carried_answer", core.Itoa(rd.Answer), "has_answer", strconv.FormatBool(rd.HasAnswer))
	return nil
}

// ScheduledHandlers are the oracle's scheduler handlers, by kind.
func ScheduledHandlers() map[string]scheduler.Handler {
	return map[string]scheduler.Handler{timeoutKind: expireRound}
}
