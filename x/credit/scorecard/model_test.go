package scorecard

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

func newcomer() map[string]int64 {
	return map[string]int64{FactKYCLevel: 2, FactLoansCompleted: 0, FactOnTimeRatioBps: -1, FactMaxDPD12M: 0,
		FactLoansDefaulted: 0, FactExposure: 0, FactInflowMonths12: 0, FactDebtServiceRatio: -1}
}

func TestDefaultModelScoresANewcomer(t *testing.T) {
	m := Default()
	require.NoError(t, m.Validate(Facts()))
	r, err := m.Score(newcomer())
	require.NoError(t, err)
	require.Equal(t, int64(285+40+60+60+20+50+30+5+10), r.Score)
	require.Equal(t, "C", r.Band)
	pd, _ := m.Scaling.PDForScore(r.Score, 4)
	require.Equal(t, pd, r.PD)
	require.Len(t, r.InputsHash, 32)
	// A thin file loses points for what it has not done yet, ranked by points lost.
	require.Equal(t, []string{"H01", "C01", "C02", "P01"}, codes(r.Reasons))
	require.Equal(t, []int64{35, 30, 30, 20}, lostPoints(r.Reasons))

	// Paid through the chain every month, no debt: cash flow lifts the thin file to band A.
	salaried := newcomer()
	salaried[FactInflowMonths12], salaried[FactDebtServiceRatio] = 12, 0
	s, err := m.Score(salaried)
	require.NoError(t, err)
	require.Equal(t, int64(620), s.Score)
	require.Equal(t, "A", s.Band)
}

// The reasons for a low score name what actually lowered it.
func TestReasonsNameWhatLoweredTheScore(t *testing.T) {
	f := newcomer()
	f[FactMaxDPD12M], f[FactLoansDefaulted], f[FactOnTimeRatioBps] = 45, 1, 6000
	f[FactExposure], f[FactLoansCompleted] = 3_000_000, 2
	r, err := Default().Score(f)
	require.NoError(t, err)
	require.Equal(t, "E", r.Band)
	require.Equal(t, []string{"P01", "D01", "D02", "E01"}, codes(r.Reasons), "at most four, largest loss first")
	require.Equal(t, []int64{60, 55, 50, 40}, lostPoints(r.Reasons))
	better, _ := Default().Score(newcomer())
	require.Greater(t, better.Score, r.Score)
	require.NotEqual(t, better.InputsHash, r.InputsHash)
}

func TestModelValidationRefusesBadModels(t *testing.T) {
	for name, breakIt := range map[string]func(*Model){
		"overlapping bins":   func(m *Model) { m.Characteristics[0].Bins[1].Max = 8500 },
		"gap between bins":   func(m *Model) { m.Characteristics[1].Bins[2].Min = 9 },
		"open end missing":   func(m *Model) { m.Characteristics[2].Bins[2].Max = 100 },
		"unknown fact":       func(m *Model) { m.Characteristics[3].Fact = "shoe_size" },
		"fact twice":         func(m *Model) { m.Characteristics[4].Fact = FactKYCLevel },
		"no reason":          func(m *Model) { m.Characteristics[5].Reason.Code = "" },
		"no characteristics": func(m *Model) { m.Characteristics = nil },
		"bands out of order": func(m *Model) { m.Bands[1].MinScore = 700 },
		"bad scaling":        func(m *Model) { m.Scaling.PDO = 0 },
		"no version":         func(m *Model) { m.Version = 0 },
	} {
		m := Default()
		breakIt(m)
		err := m.Validate(Facts())
		require.True(t, errors.Is(err, ErrInvalid), "%s: %v", name, err)
	}
	f := newcomer()
	delete(f, FactMaxDPD12M)
	_, err := Default().Score(f)
	require.ErrorIs(t, err, ErrInvalid, "a missing characteristic input is refused")
}

func codes(rs []ScoredReason) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Code)
	}
	return out
}

func lostPoints(rs []ScoredReason) []int64 {
	var out []int64
	for _, r := range rs {
		out = append(out, r.PointsLost)
	}
	return out
}
