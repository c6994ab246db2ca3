package oracle

import (
	"slices"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The oracle's stateless checks (module.Route.Basic), refused before the mempool. That a
// reporter holds the oracle role, and which round is open, need state: the handlers judge them.

func basicRegisterFeed(m *txpb.Msg) error { return checkFeedShape(m.GetRegisterFeed().GetFeed()) }

// checkFeedShape is everything about a feed that needs no state.
func checkFeedShape(f *txpb.Feed) error {
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
	for i, rep := range f.Reporters {
		if err := tx.ValidateAddress("reporter", rep); err != nil {
			return err
		}
		if slices.Contains(f.Reporters[:i], rep) {
			return ErrBadFeed.Wrapf("reporter %s listed twice", rep)
		}
	}
	return nil
}

// basicSubmitObservation: no feed has a malformed id, and rounds are numbered from 1.
func basicSubmitObservation(m *txpb.Msg) error {
	x := m.GetSubmitObservation()
	if !ValidFeedID(x.GetFeedId()) {
		return ErrUnknownFeed.Wrapf("feed %q: ids are 2..%d of A-Z, 0-9 and -", x.GetFeedId(), maxFeedIDLen)
	}
	if x.GetRoundId() == 0 {
		return ErrWrongRound.Wrapf("round_id is required (rounds start at 1)")
	}
	return nil
}
