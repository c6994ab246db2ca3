package insurance

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestQuoteOfTheIssue(t *testing.T) {
	p, err := Quote([]byte(`{"sum_insured":"10000.00","trigger":"0.75","exit":"0.10","max_payout_fraction":"0.90","index":"1.0","reference":"2.0","direction":"below"}`))
	require.NoError(t, err)
	require.Nil(t, p.Invalid)
	require.Equal(t, "3461.54", p.Quote.Payout)
	require.Equal(t, "9000.00", p.Quote.MaxPayout)
	require.Equal(t, "0.500000", p.Quote.Ratio)
	require.Equal(t, "0.346154", p.Quote.Fraction)
}

// payoutOf is the payout of 10,000.00 under terms for an index given as num/den.
func payoutOf(t *testing.T, terms Terms, num, den int64) int64 {
	t.Helper()
	require.NoError(t, terms.Check())
	p, err := terms.Payout(1_000_000, big.NewInt(num), big.NewInt(den))
	require.NoError(t, err)
	return p
}

func TestParametricPayoutInBothDirections(t *testing.T) {
	below := Terms{Direction: DirectionBelow, TriggerMicro: 750_000, ExitMicro: 100_000, MaxPayoutPPM: 900_000}
	require.Equal(t, int64(0), payoutOf(t, below, 75, 100))       // at the trigger
	require.Equal(t, int64(0), payoutOf(t, below, 2, 1))          // safe side
	require.Equal(t, int64(900_000), payoutOf(t, below, 10, 100)) // at the exit: the maximum
	require.Equal(t, int64(900_000), payoutOf(t, below, 0, 1))    // beyond
	// in between: 0.5 → 0.9 × 0.25 / 0.65 = 0.3461538… → 3461.54
	require.Equal(t, int64(346_154), payoutOf(t, below, 1, 2))
	// 0.425, half way: 0.45 exactly → 4500.00
	require.Equal(t, int64(450_000), payoutOf(t, below, 425, 1000))

	above := Terms{Direction: DirectionAbove, TriggerMicro: 300_000_000, ExitMicro: 500_000_000, MaxPayoutPPM: 1_000_000}
	require.Equal(t, int64(0), payoutOf(t, above, 300, 1))
	require.Equal(t, int64(1_000_000), payoutOf(t, above, 500, 1))
	require.Equal(t, int64(1_000_000), payoutOf(t, above, 900, 1))
	// 333.3 mm: (33.3/200) = 0.1665 → 1665.00
	require.Equal(t, int64(166_500), payoutOf(t, above, 3333, 10))
	// 333.33… mm: a sixth of the way → 1666.666… → 1666.67
	require.Equal(t, int64(166_667), payoutOf(t, above, 1000, 3))
}

func TestTermsInTheWrongOrderAreRefused(t *testing.T) {
	for _, terms := range []Terms{
		{Direction: DirectionBelow, TriggerMicro: 100_000, ExitMicro: 750_000, MaxPayoutPPM: 900_000},
		{Direction: DirectionAbove, TriggerMicro: 750_000, ExitMicro: 100_000, MaxPayoutPPM: 900_000},
		{Direction: DirectionBelow, TriggerMicro: 750_000, ExitMicro: 100_000, MaxPayoutPPM: 1_000_001},
		{Direction: DirectionBelow, TriggerMicro: 750_000, ExitMicro: 100_000, MaxPayoutPPM: 0},
		{Direction: "sideways", TriggerMicro: 750_000, ExitMicro: 100_000, MaxPayoutPPM: 1},
	} {
		require.ErrorIs(t, terms.Check(), ErrBadProduct, "%+v", terms)
	}
}

func TestBadQuotesNameTheField(t *testing.T) {
	cases := map[string]string{
		`{"sum_insured":"10000.00","trigger":"0.10","exit":"0.75","max_payout_fraction":"0.9","index":"1"}`:            "trigger",
		`{"sum_insured":"10000.00","trigger":"0.75","exit":"0.10","max_payout_fraction":"1.5","index":"1"}`:            "max_payout_fraction",
		`{"sum_insured":"10000.001","trigger":"0.75","exit":"0.10","max_payout_fraction":"0.9","index":"1"}`:           "sum_insured",
		`{"sum_insured":"10000.00","trigger":"0.75","exit":"0.10","max_payout_fraction":"0.9","index":"x"}`:            "index",
		`{"sum_insured":"10000.00","trigger":"0.75","exit":"0.10","max_payout_fraction":"0.9","index":"1","colour":1}`: "colour",
		`{"sum_insured":"1","sum_insured":"2"}`: "sum_insured",
		`[1]`:                                   "request",
		`{"sum_insured":"10000.00","trigger":"0.75","exit":"0.10","max_payout_fraction":"0.9","index":"1","reference":"0"}`: "reference",
	}
	for body, field := range cases {
		p, err := Quote([]byte(body))
		require.NoError(t, err)
		require.NotNil(t, p.Invalid, body)
		require.Equal(t, field, p.Invalid.Field, body)
	}
}

func FuzzQuoteRequest(f *testing.F) {
	f.Add([]byte(`{"sum_insured":"10000.00","trigger":"0.75","exit":"0.10","max_payout_fraction":"0.90","index":"1.0","reference":"2.0","direction":"below"}`))
	f.Add([]byte(`{"sum_insured":"1","trigger":"1","exit":"2","max_payout_fraction":"1","index":"1.5","direction":"above","scale":0}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Quote(data)
		if err != nil {
			t.Fatalf("an error (not an answer) for %q: %v", data, err)
		}
		if (p.Quote == nil) == (p.Invalid == nil) {
			t.Fatalf("exactly one of quote and invalid for %q", data)
		}
		if p.Quote != nil && len(p.Quote.Payout) > len(p.Quote.MaxPayout) {
			t.Fatalf("payout %s above the maximum %s", p.Quote.Payout, p.Quote.MaxPayout)
		}
	})
}
