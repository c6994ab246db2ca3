package schedule_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// Golden schedule A (DOMAIN.md): 10,000 at 12%/yr, 12 monthly, annuity, declining.
func TestGoldenA(t *testing.T) {
	want := []row{
		{"788.49", "100.00", "888.49", "9211.51"},
		{"796.37", "92.12", "888.49", "8415.14"},
		{"804.34", "84.15", "888.49", "7610.80"},
		{"812.38", "76.11", "888.49", "6798.42"},
		{"820.51", "67.98", "888.49", "5977.91"},
		{"828.71", "59.78", "888.49", "5149.20"},
		{"837.00", "51.49", "888.49", "4312.20"},
		{"845.37", "43.12", "888.49", "3466.83"},
		{"853.82", "34.67", "888.49", "2613.01"},
		{"862.36", "26.13", "888.49", "1750.65"},
		{"870.98", "17.51", "888.49", "879.67"},
		{"879.67", "8.80", "888.47", "0.00"},
	}
	req := base()
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	require.Len(t, s.Installments, len(want))
	for i, w := range want {
		require.Equal(t, w, rowOf(s.Installments[i]), "row %d", i+1)
	}
	require.Equal(t, "10000.00", s.TotalPrincipal)
	require.Equal(t, "661.86", s.TotalInterest)
	require.Equal(t, int64(66186), s.TotalInterestMinor)
	require.Equal(t, "12.00", s.APRPercent)
	require.Equal(t, "2024-02-01", s.Installments[0].DueDate)
	require.Equal(t, "2025-01-01", s.Installments[11].DueDate)
	require.Equal(t, int64(88849), s.Installments[0].TotalMinor)

	// The wire shape of the brief, field for field; minor units and DueAt stay off the wire.
	require.JSONEq(t,
		`{"n":1,"due_date":"2024-02-01","principal":"788.49","interest":"100.00","total":"888.49","balance":"9211.51"}`,
		mustJSON(t, s.Installments[0]))
}

// Golden schedule B: 10,000 at 12% flat, 12 monthly; APR ≈ 21.46%.
func TestGoldenBFlat(t *testing.T) {
	req := base()
	req.InterestMethod = schedule.MethodFlat
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	for i, in := range s.Installments[:11] {
		require.Equal(t, row{"833.33", "100.00", "933.33", in.Balance}, rowOf(in), "row %d", i+1)
	}
	require.Equal(t, row{"833.37", "100.00", "933.37", "0.00"}, rowOf(s.Installments[11]))
	require.Equal(t, "1200.00", s.TotalInterest)
	require.Equal(t, "10000.00", s.TotalPrincipal)
	require.Equal(t, "21.46", s.APRPercent)
}

// Golden schedule C: 12,000 at 12%/yr, equal principal, 6 monthly.
func TestGoldenCEqualPrincipal(t *testing.T) {
	req := base()
	req.Principal, req.Periods = "12000", 6
	req.Amortization = schedule.AmortizationEqualPrincipal
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	interest := []string{"120.00", "100.00", "80.00", "60.00", "40.00", "20.00"}
	for i, in := range s.Installments {
		require.Equal(t, "2000.00", in.Principal, "row %d", i+1)
		require.Equal(t, interest[i], in.Interest, "row %d", i+1)
	}
	require.Equal(t, "420.00", s.TotalInterest)
	require.Equal(t, "12.00", s.APRPercent)
}

// Golden schedule D: 5,000 at 26%/yr, 20 weekly (r = 0.5%), annuity.
func TestGoldenDWeekly(t *testing.T) {
	req := base()
	req.Principal, req.AnnualRatePercent, req.Periods = "5000", "26", 20
	req.Frequency = schedule.FrequencyWeeks
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	require.Equal(t, row{"238.33", "25.00", "263.33", "4761.67"}, rowOf(s.Installments[0]))
	for i, in := range s.Installments[:19] {
		require.Equal(t, "263.33", in.Total, "row %d", i+1)
	}
	require.Equal(t, row{"262.07", "1.31", "263.38", "0.00"}, rowOf(s.Installments[19]))
	require.Equal(t, "266.65", s.TotalInterest)
	require.Equal(t, "2024-01-08", s.Installments[0].DueDate)
	require.Equal(t, "2024-05-20", s.Installments[19].DueDate)
	require.Equal(t, "26.00", s.APRPercent)
}

// The engine is a function of its request: same input, same bytes.
func TestDeterministic(t *testing.T) {
	req := base()
	req.InterestPeriod = schedule.InterestPeriodDaily
	req.DaysInYear = schedule.DaysInYearActual
	first := mustJSON(t, mustCompute(t, req))
	for range 5 {
		require.Equal(t, first, mustJSON(t, mustCompute(t, req)))
	}
}

// ComputeRows gives the same rows as Compute, without the APR and the strings.
func TestComputeRowsMatchesCompute(t *testing.T) {
	req := schedule.Request{Principal: "10000", AnnualRatePercent: "12", Periods: 12, StartDate: "2024-01-01"}
	full, err := schedule.Compute(req)
	require.NoError(t, err)
	rows, err := schedule.ComputeRows(req)
	require.NoError(t, err)
	require.Equal(t, "12.00", full.APRPercent)
	require.Equal(t, "", rows.APRPercent+rows.TotalInterest+rows.TotalPrincipal)
	require.Len(t, rows.Installments, len(full.Installments))
	for i, in := range full.Installments {
		got := rows.Installments[i]
		require.Equal(t, "", got.Principal+got.Interest+got.Total+got.Balance)
		require.Equal(t, in.DueDate, got.DueDate)
		require.Equal(t, []int64{in.PrincipalMinor, in.InterestMinor, in.TotalMinor, in.BalanceMinor},
			[]int64{got.PrincipalMinor, got.InterestMinor, got.TotalMinor, got.BalanceMinor})
	}
	require.Equal(t, full.TotalInterestMinor, rows.TotalInterestMinor)
}
