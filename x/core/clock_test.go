package core

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestClockBusinessTime(t *testing.T) {
	sh, err := Location("Asia/Shanghai")
	require.NoError(t, err)
	origin := time.Date(2026, 1, 5, 1, 0, 0, 0, time.UTC).Unix() // 09:00 in Shanghai
	real := Clock{Zone: sh, Origin: origin, Scale: 1}
	require.Equal(t, "2026-01-05 09:00", real.Business(origin).Format("2006-01-02 15:04"))
	require.Equal(t, "2026-01-05", DateOf(real.Day(origin)))
	// From 16:00 UTC it is the next day in Shanghai.
	require.Equal(t, "2026-01-06", DateOf(real.Day(origin+15*3600)))
	require.Equal(t, "2026-01-05", DateOf(real.Day(origin+15*3600-1)))

	// A sandbox: one business day per 2 s of block time.
	fast := Clock{Zone: sh, Origin: origin, Scale: 43200}
	require.Equal(t, "2026-01-15", DateOf(fast.Day(origin+20)))
	for _, day := range []int64{real.Day(origin) + 1, real.Day(origin) + 400} {
		for _, c := range []Clock{real, fast} {
			at := c.BlockTimeOf(c.StartOfDay(day))
			require.Equal(t, day, c.Day(at), "the block time of a day's start is in that day")
			require.Equal(t, day-1, c.Day(at-1), "and the second before is the day before")
		}
	}
}

func TestZonesComeFromTheEmbeddedDatabase(t *testing.T) {
	for _, name := range []string{"Asia/Shanghai", "Africa/Nairobi", "America/Sao_Paulo", "UTC"} {
		loc, err := Location(name)
		require.NoError(t, err, name)
		require.Equal(t, name, loc.String())
	}
	for _, name := range []string{"", "Local", "Mars/Olympus", "../etc/passwd"} {
		_, err := Location(name)
		require.Error(t, err, name)
	}
	require.NotEmpty(t, zoneinfo)
}
