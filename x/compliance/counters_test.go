package compliance

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/x/core"
)

func TestCountersRoundTripAndWindow(t *testing.T) {
	var c Counters
	for day := int64(100); day < 110; day++ {
		c.advance(day)
		c.record(day, outDomestic, 10, day%2 == 0)
		c.touch(day)
	}
	back, err := DecodeCounters(c.Encode())
	require.NoError(t, err)
	require.Equal(t, c, back)
	count, near, in, out := back.Week(109)
	require.Equal(t, uint32(7), count, "days 103..109")
	require.Equal(t, uint32(3), near, "104, 106, 108")
	require.Equal(t, int64(0), in)
	require.Equal(t, int64(70), out)
	require.Equal(t, int64(10), back.DayOut(), "the daily sums restart each day")
	require.Equal(t, int64(100), back.FirstDay)
}

func TestAddBusinessDaysSkipsWeekends(t *testing.T) {
	// 2026-01-06 is a Tuesday (day 20459); five business days on is Tuesday 2026-01-13.
	require.Equal(t, "2026-01-13", dateOf(AddBusinessDays(20459, 5)))
	// From a Friday (2026-01-09) one business day is the Monday.
	require.Equal(t, "2026-01-12", dateOf(AddBusinessDays(20462, 1)))
}

func TestNearThresholdBand(t *testing.T) {
	require.True(t, nearThreshold(4_900_000, 5_000_000))
	require.True(t, nearThreshold(4_500_000, 5_000_000))
	require.False(t, nearThreshold(4_499_999, 5_000_000))
	require.False(t, nearThreshold(5_000_000, 5_000_000))
	require.Equal(t, int64(5_000_000), thresholdMinor(DefaultParams().CashUnits, 2))
	require.Equal(t, int64(9223372036854775807), thresholdMinor(DefaultParams().LegalPersonUnits, 18), "unreachable, not wrapped")
}

func FuzzDecodeCounters(f *testing.F) {
	var c Counters
	c.advance(5)
	c.record(5, cashIn, 7, true)
	f.Add(c.Encode())
	f.Add([]byte{})
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := DecodeCounters(b)
		if err != nil {
			return
		}
		if len(b) != 0 && !bytes.Equal(c.Encode(), b) {
			t.Fatalf("decode/encode does not round-trip")
		}
	})
}

func dateOf(day int64) string { return core.DateOf(day) }
