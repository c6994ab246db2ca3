package lending

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

// shortestTerm finds what a scan from 1 up finds, for every term and threshold, in one
// trial when the term stays, and stops at the first error.
func TestShortestTerm(t *testing.T) {
	for n := 1; n <= 70; n++ {
		for threshold := 1; threshold <= n+2; threshold++ {
			trials := 0
			got, err := shortestTerm(n, func(k int) (bool, error) {
				require.True(t, k >= 1 && k <= n, "trial %d outside [1, %d]", k, n)
				trials++
				return k >= threshold, nil
			})
			require.NoError(t, err)
			require.Equal(t, min(threshold, n), got, "n %d threshold %d", n, threshold)
			if threshold >= n && n > 1 {
				require.Equal(t, 1, trials, "a term that stays")
			}
			if threshold == n-1 && n > 2 {
				require.LessOrEqual(t, trials, 3, "a term shortened by a period")
			}
		}
	}
	boom := errors.New("boom")
	_, err := shortestTerm(10, func(k int) (bool, error) { return false, boom })
	require.ErrorIs(t, err, boom)
}
