package offering

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func TestCostIsExactOrRefused(t *testing.T) {
	c, err := Cost(333_33, 100_00, 2) // 333.33 notes at 100.00: 33,333.00
	require.NoError(t, err)
	require.Equal(t, int64(33_333_00), c)
	_, err = Cost(10_01, 100_50, 2) // 10.01 notes at 100.50 = 1,006.005: half a fen
	require.ErrorIs(t, err, ErrInexactCost)
	c, err = Cost(600, 100, 0)
	require.NoError(t, err)
	require.Equal(t, int64(60_000), c)
	_, err = Cost(1<<62, 1<<62, 0)
	require.Error(t, err, "an overflow is an error, never a wrap")
}

func TestFeeRoundsDown(t *testing.T) {
	f, err := Fee(12_345, 100) // 1% of 123.45 = 1.2345
	require.NoError(t, err)
	require.Equal(t, int64(123), f)
	f, err = Fee(12_345, 0)
	require.NoError(t, err)
	require.Zero(t, f)
}

func TestQuoteRequest(t *testing.T) {
	q, err := QuoteRequest([]byte(`{"units":"600","price":"100","scale":0,"fee_bps":100}`))
	require.NoError(t, err)
	require.Equal(t, int64(60_000), q.Cost)
	require.Equal(t, int64(600), q.Fee)
	require.Equal(t, int64(59_400), q.ToIssuer)
	for _, bad := range []string{`{"units":"600","price":"100","scale":0,"fee":1}`, `{"units":"0","price":"100"}`,
		`{"units":"5","price":"1","scale":1}`, `{"units":"600","price":"100","max_units":"500"}`, `{} {}`} {
		_, err := QuoteRequest([]byte(bad))
		var coded *tx.Error
		require.ErrorAs(t, err, &coded, bad)
	}
}

func TestCheckTerms(t *testing.T) {
	good := func() *txpb.MsgCreateOffering {
		return &txpb.MsgCreateOffering{Asset: "NOTE", SettlementAsset: "CNY", Price: 100, SoftCap: 10, HardCap: 20,
			MinUnits: 1, MaxUnits: 20, OpensAt: 1, ClosesAt: 100}
	}
	require.NoError(t, checkTerms(good()))
	for name, f := range map[string]func(*txpb.MsgCreateOffering){
		"hard below soft":     func(m *txpb.MsgCreateOffering) { m.HardCap = 5 },
		"max above hard":      func(m *txpb.MsgCreateOffering) { m.MaxUnits = 21 },
		"closes before opens": func(m *txpb.MsgCreateOffering) { m.ClosesAt = 1 },
		"fee without account": func(m *txpb.MsgCreateOffering) { m.FeeBps = 10 },
		"fee too high": func(m *txpb.MsgCreateOffering) {
			m.FeeBps, m.FeeAccount = 1001, "00000000000000000000000000000000000000aa"
		},
		"same assets": func(m *txpb.MsgCreateOffering) { m.SettlementAsset = "NOTE" },
	} {
		m := good()
		f(m)
		require.Error(t, checkTerms(m), name)
	}
}
