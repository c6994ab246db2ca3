package scorecard

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// DOMAIN.md: 600 points at odds 50:1 with PDO 20.
var domain = Scaling{BaseScore: 600, BaseOdds: 50, PDO: 20}

func TestScalingDomainNumbers(t *testing.T) {
	factor, offset, err := domain.FactorOffset()
	require.NoError(t, err)
	require.Equal(t, "28.8539", factor)
	require.Equal(t, "487.1229", offset)
	for p, want := range map[string]string{"0.02": "599.42", "0.05": "572.08", "0.10": "550.52", "0.20": "527.12"} {
		got, err := domain.ScoreForPD(p)
		require.NoError(t, err)
		require.Equal(t, want, got, "P(bad) %s", p)
	}
}

func TestPDForScoreInvertsScoreForPD(t *testing.T) {
	pd, err := domain.PDForScore(600, 4)
	require.NoError(t, err)
	require.Equal(t, "0.0196", pd, "odds 50:1 is a PD of 1/51")
	pd, err = domain.PDForScore(550, 4)
	require.NoError(t, err)
	require.Equal(t, "0.1016", pd, "550 is just under the 10% score 550.52 (checked with Python's decimal)")
	pd, err = domain.PDForScore(620, 6)
	require.NoError(t, err)
	require.Equal(t, "0.009901", pd, "20 more points double the odds: 1/101")
}

func TestScalingRejectsBadInput(t *testing.T) {
	for _, p := range []string{"0", "1", "-0.1", "1.5", "x", ""} {
		_, err := domain.ScoreForPD(p)
		require.Error(t, err, p)
	}
	require.Error(t, Scaling{BaseScore: 600, BaseOdds: 0, PDO: 20}.Validate())
	require.NoError(t, domain.Validate())
}
