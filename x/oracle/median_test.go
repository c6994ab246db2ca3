package oracle

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMedian(t *testing.T) {
	cases := []struct {
		in   []int64
		want int64
	}{
		{[]int64{2090, 2100, 2110, 5000}, 2105},
		{[]int64{5000, 2110, 2090}, 2110},
		{[]int64{2090, 2100, 2110}, 2100},
		{[]int64{1, 2}, 2},    // 1.5 → 2 (half to even)
		{[]int64{2, 3}, 2},    // 2.5 → 2
		{[]int64{-3, -2}, -2}, // −2.5 → −2
		{[]int64{math.MaxInt64, math.MaxInt64 - 1}, math.MaxInt64 - 1},
		{[]int64{7}, 7},
	}
	for _, c := range cases {
		got, err := Median(c.in)
		require.NoError(t, err)
		require.Equal(t, c.want, got, "%v", c.in)
	}
	_, err := Median(nil)
	require.ErrorIs(t, err, ErrNoAnswer)
}
