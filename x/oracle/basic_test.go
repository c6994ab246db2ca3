package oracle

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The stateless checks pass a well-formed message and refuse a malformed one with its code.
func TestBasicChecks(t *testing.T) {
	a, b := strings.Repeat("a", 40), strings.Repeat("b", 40)
	feed := func(id string, min uint32, reporters ...string) *txpb.Msg {
		return tx.Wrap(&txpb.MsgRegisterFeed{Feed: &txpb.Feed{Id: id, Unit: "mm", Decimals: 1, HeartbeatSeconds: 86400,
			RoundTimeoutSeconds: 3600, MinSubmissions: min, Reporters: reporters}})
	}
	cases := []struct {
		name  string
		check func(*txpb.Msg) error
		msg   *txpb.Msg
		want  *tx.Error // nil: passes
	}{
		{"feed", basicRegisterFeed, feed("RAIN", 2, a, b), nil},
		{"lower-case id", basicRegisterFeed, feed("rain", 1, a), ErrBadFeed},
		{"minimum above the reporters", basicRegisterFeed, feed("RAIN", 3, a, b), ErrBadFeed},
		{"reporter twice", basicRegisterFeed, feed("RAIN", 1, a, a), ErrBadFeed},
		{"malformed reporter", basicRegisterFeed, feed("RAIN", 1, "A"), tx.ErrBadAddress},
		{"observation", basicSubmitObservation, tx.Wrap(&txpb.MsgSubmitObservation{FeedId: "RAIN", RoundId: 1, Value: -3}), nil},
		{"observation of round 0", basicSubmitObservation, tx.Wrap(&txpb.MsgSubmitObservation{FeedId: "RAIN"}), ErrWrongRound},
		{"observation of no feed", basicSubmitObservation, tx.Wrap(&txpb.MsgSubmitObservation{FeedId: "rain", RoundId: 1}), ErrUnknownFeed},
	}
	for _, tc := range cases {
		err := tc.check(tc.msg)
		if tc.want == nil {
			require.NoError(t, err, tc.name)
			continue
		}
		require.Error(t, err, tc.name)
		require.Equal(t, tc.want.ID(), tx.AsError(err).ID(), "%s: %v", tc.name, err)
	}
}
