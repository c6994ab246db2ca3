package escrow

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCompileCondition(t *testing.T) {
	for _, ok := range []string{"now >= 1767225600", "watched_balance >= amount && height > 10"} {
		_, err := CompileCondition(ok)
		require.NoError(t, err, ok)
	}
	for _, bad := range []string{"", "now + 1", "balance('x') > 1", "now >=", string(make([]byte, MaxConditionBytes+1))} {
		_, err := CompileCondition(bad)
		require.ErrorIs(t, err, ErrBadCondition, bad)
	}
}
