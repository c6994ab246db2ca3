package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/oracle"
)

// oracleWorld is a chain with four reporters, an insurer, a bank, a regulator and two
// farmers holding CNY.
type oracleWorld struct {
	c                        *apptest.Chain
	reporters                []*apptest.Key
	insurer, bank, regulator *apptest.Key
	alice, bob               *apptest.Key
}

func newOracleWorld(t testing.TB) *oracleWorld {
	w := &oracleWorld{insurer: apptest.NewKey("insurer"), bank: apptest.NewKey("bank"), regulator: apptest.NewKey("regulator"),
		alice: apptest.NewKey("alice"), bob: apptest.NewKey("bob")}
	members := []apptest.Member{{Key: w.insurer, Name: "Insurer", Roles: []string{"insurer"}},
		{Key: w.bank, Name: "Bank", Roles: []string{"bank"}}, {Key: w.regulator, Name: "Regulator", Roles: []string{"regulator"}}}
	for i := range 4 {
		k := apptest.NewKey("reporter-" + string(rune('a'+i)))
		w.reporters = append(w.reporters, k)
		members = append(members, apptest.Member{Key: k, Name: "Reporter " + string(rune('A'+i)), Roles: []string{"oracle"}})
	}
	w.c = apptest.NewChain(t, members...)
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterAccount(w.alice.PubKey(), 2), apptest.RegisterAccount(w.bob.PubKey(), 2),
		apptest.RegisterAsset("CNY", 2, 0), apptest.Mint("CNY", w.alice.Address, 1_000_000), apptest.Mint("CNY", w.bob.Address, 1_000_000),
		apptest.Mint("CNY", w.insurer.Address, 100_000_000), apptest.Mint("CNY", w.bank.Address, 100_000_000)))
	return w
}

func (w *oracleWorld) reporterAddrs(n int) []string {
	var out []string
	for _, k := range w.reporters[:n] {
		out = append(out, k.Address)
	}
	return out
}

func registerFeed(f *txpb.Feed) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_RegisterFeed{RegisterFeed: &txpb.MsgRegisterFeed{Feed: f}}}
}

func observe(feed string, round uint64, value int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_SubmitObservation{SubmitObservation: &txpb.MsgSubmitObservation{FeedId: feed, RoundId: round, Value: value}}}
}

// rainFeed: rainfall in mm at one decimal, a day's heartbeat, rounds time out after an hour.
func rainFeed(id string, min uint32, reporters []string) *txpb.Feed {
	return &txpb.Feed{Id: id, Description: "seasonal rainfall", Unit: "mm", Decimals: 1, HeartbeatSeconds: 86400,
		RoundTimeoutSeconds: 3600, MinSubmissions: min, Reporters: reporters}
}

// mustFail runs msg by signer and expects the coded error with nothing changed but the nonce,
// and not even the nonce when the message fails its stateless check.
func mustFail(t *testing.T, c *apptest.Chain, signer *apptest.Key, msg *txpb.Msg, want *tx.Error) {
	t.Helper()
	before := dump(c.State())
	res := c.Exec(signer.Sign(msg))
	require.Equal(t, want.Codespace, res.Codespace, res.Log)
	require.Equal(t, want.Code, res.Code, res.Log)
	require.Equal(t, refusedKeys(res, signer, msg), changedKeys(before, dump(c.State())), res.Log)
}

func (w *oracleWorld) round(t *testing.T, feed string, id uint64) *statepb.Round {
	rd, ok := oracle.GetRound(w.c.State(), feed, id)
	require.True(t, ok)
	return rd
}

func TestOracleMedianQuorumAndStaleness(t *testing.T) {
	w := newOracleWorld(t)
	w.c.MustExec(t, w.reporters[0].Sign(registerFeed(rainFeed("RAIN-FOUR", 4, w.reporterAddrs(4))),
		registerFeed(rainFeed("RAIN-THREE", 3, w.reporterAddrs(4)))))

	// {2090, 2100, 2110, 5000} with a minimum of four: the mean of the middle pair.
	for i, v := range []int64{2090, 2100, 2110, 5000} {
		w.c.MustExec(t, w.reporters[i].Sign(observe("RAIN-FOUR", 1, v)))
	}
	rd := w.round(t, "RAIN-FOUR", 1)
	require.Equal(t, statepb.RoundStatus_ROUND_STATUS_FINAL, rd.Status)
	require.Equal(t, int64(2105), rd.Answer)
	require.Len(t, rd.Submissions, 4)
	require.Equal(t, w.reporters[3].Address, rd.Submissions[3].Reporter)

	// With a minimum of three the round is final at the third answer, with 2100; a fourth
	// answer to the closed round is refused, as is a second answer by the same reporter.
	w.c.MustExec(t, w.reporters[0].Sign(observe("RAIN-THREE", 1, 2090)))
	mustFail(t, w.c, w.reporters[0], observe("RAIN-THREE", 1, 2095), oracle.ErrAlreadyAnswered)
	w.c.MustExec(t, w.reporters[1].Sign(observe("RAIN-THREE", 1, 2100)))
	require.Equal(t, statepb.RoundStatus_ROUND_STATUS_OPEN, w.round(t, "RAIN-THREE", 1).Status)
	w.c.MustExec(t, w.reporters[2].Sign(observe("RAIN-THREE", 1, 2110)))
	rd = w.round(t, "RAIN-THREE", 1)
	require.Equal(t, statepb.RoundStatus_ROUND_STATUS_FINAL, rd.Status)
	require.Equal(t, int64(2100), rd.Answer)
	mustFail(t, w.c, w.reporters[3], observe("RAIN-THREE", 1, 5000), oracle.ErrWrongRound)
	mustFail(t, w.c, w.reporters[3], observe("RAIN-THREE", 3, 5000), oracle.ErrWrongRound)
	latest, err := oracle.Latest(w.c.State(), "RAIN-THREE", w.c.Time.Unix())
	require.NoError(t, err)
	require.Equal(t, int64(2100), latest.Answer)

	// A non-reporter's observation is refused: by role (the insurer), and by the feed's list.
	mustFail(t, w.c, w.insurer, observe("RAIN-THREE", 2, 1), tx.ErrUnauthorized)
	w.c.MustExec(t, w.reporters[0].Sign(registerFeed(rainFeed("RAIN-ONE", 1, w.reporterAddrs(1)))))
	mustFail(t, w.c, w.reporters[1], observe("RAIN-ONE", 1, 1), oracle.ErrNotReporter)

	// A round with too few answers goes stale at its deadline and carries 2100 forward;
	// consumers refuse it.
	w.c.MustExec(t, w.reporters[0].Sign(observe("RAIN-THREE", 2, 900)))
	w.c.Time = w.c.Time.Add(3601 * 1e9)
	_, err = w.c.Block()
	require.NoError(t, err)
	rd = w.round(t, "RAIN-THREE", 2)
	require.Equal(t, statepb.RoundStatus_ROUND_STATUS_STALE, rd.Status)
	require.Equal(t, int64(2100), rd.Answer)
	_, err = oracle.Latest(w.c.State(), "RAIN-THREE", w.c.Time.Unix())
	require.ErrorIs(t, err, oracle.ErrStale)

	// A fresh final answer in the next round; after a heartbeat it is too old.
	for i, v := range []int64{10, 20, 30} {
		w.c.MustExec(t, w.reporters[i].Sign(observe("RAIN-THREE", 3, v)))
	}
	latest, err = oracle.Latest(w.c.State(), "RAIN-THREE", w.c.Time.Unix())
	require.NoError(t, err)
	require.Equal(t, int64(20), latest.Answer)
	_, err = oracle.Latest(w.c.State(), "RAIN-THREE", w.c.Time.Unix()+86401)
	require.ErrorIs(t, err, oracle.ErrStale)
	require.NoError(t, oracle.CheckInvariants(w.c.State()))
}

func TestOracleFeedRegistrationIsChecked(t *testing.T) {
	w := newOracleWorld(t)
	bad := []*txpb.Feed{
		rainFeed("rain", 1, w.reporterAddrs(1)),                                       // lower case id
		rainFeed("RAIN", 3, w.reporterAddrs(2)),                                       // minimum above the reporters
		rainFeed("RAIN", 1, []string{w.bank.Address}),                                 // not an oracle member
		rainFeed("RAIN", 1, []string{w.reporters[0].Address, w.reporters[0].Address}), // twice
	}
	for _, f := range bad {
		mustFail(t, w.c, w.reporters[0], registerFeed(f), oracle.ErrBadFeed)
	}
	mustFail(t, w.c, w.bank, registerFeed(rainFeed("RAIN", 1, w.reporterAddrs(1))), tx.ErrUnauthorized)
	w.c.MustExec(t, w.reporters[0].Sign(registerFeed(rainFeed("RAIN", 1, w.reporterAddrs(1)))))
	mustFail(t, w.c, w.reporters[1], registerFeed(rainFeed("RAIN", 1, w.reporterAddrs(1))), oracle.ErrFeedExists)
}
