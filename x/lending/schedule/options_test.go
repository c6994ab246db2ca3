package schedule_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// 1,234.50 × 1% = 12.345: exactly half a cent, where the rounding modes part ways
// (DOMAIN.md: HALF_EVEN 12.34, HALF_UP 12.35).
func TestRoundingModesOnHalfCent(t *testing.T) {
	want := map[string]string{
		schedule.RoundingHalfEven: "12.34", schedule.RoundingHalfUp: "12.35",
		schedule.RoundingDown: "12.34", schedule.RoundingUp: "12.35",
		schedule.RoundingCeiling: "12.35", schedule.RoundingFloor: "12.34",
	}
	for _, mode := range []string{"half_even", "half_up", "down", "up", "ceiling", "floor"} {
		t.Run(mode, func(t *testing.T) {
			req := base()
			req.Principal, req.Periods, req.Rounding = "1234.50", 2, mode
			req.Amortization = schedule.AmortizationEqualPrincipal
			s := mustCompute(t, req)
			requireInvariants(t, req, s)
			require.Equal(t, want[mode], s.Installments[0].Interest)
			require.Equal(t, "617.25", s.Installments[0].Principal)
		})
	}
}

// An empty rounding means HALF_EVEN: the default must be banker's rounding.
func TestRoundingDefaultIsHalfEven(t *testing.T) {
	req := base()
	req.Principal, req.Periods = "1234.50", 2
	req.Amortization = schedule.AmortizationEqualPrincipal
	require.Equal(t, "12.34", mustCompute(t, req).Installments[0].Interest)
}

// EMI 888.49 rounded to a multiple of 10 (HALF_EVEN) is 890.00; the last instalment absorbs
// the difference.
func TestInstallmentMultiple(t *testing.T) {
	req := base()
	req.InstallmentMultiple = "10"
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	require.Equal(t, row{"790.00", "100.00", "890.00", "9210.00"}, rowOf(s.Installments[0]))
	for i, in := range s.Installments[:11] {
		require.Equal(t, "890.00", in.Total, "row %d", i+1)
	}
	require.Equal(t, row{"862.19", "8.62", "870.81", "0.00"}, rowOf(s.Installments[11]))
	require.Equal(t, "660.81", s.TotalInterest)

	// Rounding to the multiple uses the request's mode: DOWN gives 880.
	req.Rounding = schedule.RoundingDown
	s = mustCompute(t, req)
	requireInvariants(t, req, s)
	require.Equal(t, "880.00", s.Installments[0].Total)
	require.Greater(t, s.Installments[11].TotalMinor, int64(88000), "last absorbs the shortfall")
}

func TestInstallmentMultipleRoundingToZeroIsRejected(t *testing.T) {
	req := base()
	req.Principal, req.InstallmentMultiple = "50", "1000"
	_, err := schedule.Compute(req)
	requireFieldError(t, err, "installment_multiple")
}

// Principal grace: interest-only rows, then amortisation over the remaining periods.
func TestPrincipalGraceEqualPrincipal(t *testing.T) {
	req := base()
	req.Principal, req.Periods, req.PrincipalGracePeriods = "12000", 6, 2
	req.Amortization = schedule.AmortizationEqualPrincipal
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	want := []row{
		{"0.00", "120.00", "120.00", "12000.00"},
		{"0.00", "120.00", "120.00", "12000.00"},
		{"3000.00", "120.00", "3120.00", "9000.00"},
		{"3000.00", "90.00", "3090.00", "6000.00"},
		{"3000.00", "60.00", "3060.00", "3000.00"},
		{"3000.00", "30.00", "3030.00", "0.00"},
	}
	for i, w := range want {
		require.Equal(t, w, rowOf(s.Installments[i]), "row %d", i+1)
	}
	require.Equal(t, "540.00", s.TotalInterest)
	require.Equal(t, "12.00", s.APRPercent)
}

// Annuity with 2 grace periods: the EMI is computed over the 10 amortising periods.
func TestPrincipalGraceAnnuity(t *testing.T) {
	req := base()
	req.PrincipalGracePeriods = 2
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	require.Equal(t, row{"0.00", "100.00", "100.00", "10000.00"}, rowOf(s.Installments[0]))
	require.Equal(t, row{"0.00", "100.00", "100.00", "10000.00"}, rowOf(s.Installments[1]))
	require.Equal(t, row{"955.82", "100.00", "1055.82", "9044.18"}, rowOf(s.Installments[2]))
	require.Equal(t, row{"1045.37", "10.45", "1055.82", "0.00"}, rowOf(s.Installments[11]))
	require.Equal(t, "758.20", s.TotalInterest)
}

// Flat with grace: principal 0 in grace, spread over n−g; interest I/n in every period.
func TestPrincipalGraceFlat(t *testing.T) {
	req := base()
	req.InterestMethod, req.PrincipalGracePeriods = schedule.MethodFlat, 4
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	for i, in := range s.Installments {
		require.Equal(t, "100.00", in.Interest, "row %d", i+1)
		if i < 4 {
			require.Equal(t, "0.00", in.Principal)
		} else {
			require.Equal(t, "1250.00", in.Principal)
		}
	}
}

// Daily interest: 30/360 charges a month as 30/360 of a year; actual/365 charges January's
// 31 days and February 2024's 29 days; actual/actual uses 366 in the leap year 2024.
func TestDailyInterestDayCounts(t *testing.T) {
	cases := []struct {
		name, year, month string
		interest          [3]string
	}{
		{"30/360", "360", "30", [3]string{"100.00", "66.67", "33.33"}},
		{"actual/365", "365", "actual", [3]string{"101.92", "63.56", "33.97"}},
		{"actual/actual", "actual", "actual", [3]string{"101.64", "63.39", "33.88"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := base()
			req.Periods, req.Amortization = 3, schedule.AmortizationEqualPrincipal
			req.InterestPeriod, req.DaysInYear, req.DaysInMonth = schedule.InterestPeriodDaily, c.year, c.month
			s := mustCompute(t, req)
			requireInvariants(t, req, s)
			for i := range 3 {
				require.Equal(t, c.interest[i], s.Installments[i].Interest, "row %d", i+1)
			}
		})
	}
}

// Annuity with daily interest: the EMI comes from the periodic rate (888.49), each period's
// interest from its days; the last instalment takes what remains.
func TestDailyInterestAnnuity(t *testing.T) {
	req := base()
	req.InterestPeriod = schedule.InterestPeriodDaily
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	require.Equal(t, row{"786.57", "101.92", "888.49", "9213.43"}, rowOf(s.Installments[0]))
	for _, in := range s.Installments[:11] {
		require.Equal(t, "888.49", in.Total)
	}
	// Under 30/360 the daily amount equals the periodic one, so schedule A comes back.
	req.DaysInYear, req.DaysInMonth = schedule.DaysInYear360, schedule.DaysInMonth30
	s = mustCompute(t, req)
	require.Equal(t, "661.86", s.TotalInterest)
}

// Month-end start dates clamp to each month's last day and do not drift.
func TestDueDatesMonthEndClamping(t *testing.T) {
	req := base()
	req.StartDate, req.Periods = "2024-01-31", 13
	s := mustCompute(t, req)
	want := []string{
		"2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31", "2024-06-30", "2024-07-31",
		"2024-08-31", "2024-09-30", "2024-10-31", "2024-11-30", "2024-12-31", "2025-01-31",
		"2025-02-28",
	}
	for i, w := range want {
		require.Equal(t, w, s.Installments[i].DueDate, "row %d", i+1)
		require.Equal(t, w, s.Installments[i].DueAt.Format("2006-01-02"))
		require.Equal(t, "UTC", s.Installments[i].DueAt.Location().String())
		require.Zero(t, s.Installments[i].DueAt.Hour())
	}

	req.StartDate, req.Periods, req.Every = "2023-11-30", 2, ptr(3) // quarterly
	s = mustCompute(t, req)
	require.Equal(t, "2024-02-29", s.Installments[0].DueDate)
	require.Equal(t, "2024-05-30", s.Installments[1].DueDate)
}

func TestDueDatesDaysAndWeeks(t *testing.T) {
	req := base()
	req.StartDate, req.Periods, req.Frequency, req.Every = "2024-02-27", 3, schedule.FrequencyDays, ptr(2)
	s := mustCompute(t, req)
	require.Equal(t, []string{"2024-02-29", "2024-03-02", "2024-03-04"},
		[]string{s.Installments[0].DueDate, s.Installments[1].DueDate, s.Installments[2].DueDate})

	req.Frequency, req.Every = schedule.FrequencyWeeks, ptr(2)
	s = mustCompute(t, req)
	require.Equal(t, "2024-03-12", s.Installments[0].DueDate)
}

// Omitted optional fields equal their explicit defaults.
func TestDefaultsEqualExplicitValues(t *testing.T) {
	explicit := schedule.Request{
		Principal: "10000", AnnualRatePercent: "12", Periods: 12,
		Frequency: "months", Every: ptr(1), InterestMethod: "declining_balance",
		Amortization: "equal_installments", InterestPeriod: "same_as_repayment",
		DaysInYear: "365", DaysInMonth: "actual", Rounding: "half_even", Scale: ptr(2),
		PrincipalGracePeriods: 0, StartDate: "2024-01-01",
	}
	require.Equal(t, mustJSON(t, mustCompute(t, base())), mustJSON(t, mustCompute(t, explicit)))
}

// Scale 0 (no minor unit) and a larger scale format with exactly scale decimals.
func TestScaleFormatting(t *testing.T) {
	req := base()
	req.Scale = ptr(0)
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	require.Equal(t, row{"788", "100", "888", "9212"}, rowOf(s.Installments[0])) // EMI 888.4878… → 888
	require.Equal(t, "10000", s.TotalPrincipal)

	req.Scale, req.Principal = ptr(4), "10000.0001"
	s = mustCompute(t, req)
	requireInvariants(t, req, s)
	require.Equal(t, "10000.0001", s.TotalPrincipal)
	require.Equal(t, "100.0000", s.Installments[0].Interest)
}

// Zero rate: no interest, EMI = P/n, APR 0.
func TestZeroRate(t *testing.T) {
	req := base()
	req.AnnualRatePercent = "0"
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	require.Equal(t, row{"833.33", "0.00", "833.33", "9166.67"}, rowOf(s.Installments[0]))
	require.Equal(t, "833.37", s.Installments[11].Total)
	require.Equal(t, "0.00", s.TotalInterest)
	require.Equal(t, "0.00", s.APRPercent)
}

// An upward rounding mode on a tiny loan could allocate more principal than is owed before
// the last period; the engine clamps instead of driving the balance negative.
func TestTinyLoanUpwardRoundingNeverOverAllocates(t *testing.T) {
	for _, method := range []string{schedule.MethodFlat, schedule.MethodDecliningBalance} {
		req := base()
		req.Principal, req.Rounding, req.InterestMethod = "0.05", schedule.RoundingUp, method
		req.Amortization = schedule.AmortizationEqualPrincipal
		s := mustCompute(t, req)
		requireInvariants(t, req, s)
		require.Equal(t, "0.01", s.Installments[0].Principal)
		require.Equal(t, "0.00", s.Installments[11].Balance)
	}
}

// APR of a weekly annuity and of a fortnightly-every-2-weeks loan annualise by 52/every.
func TestAPREveryScaling(t *testing.T) {
	req := base()
	req.Frequency, req.Every, req.AnnualRatePercent, req.Periods = schedule.FrequencyWeeks, ptr(2), "26", 10
	require.Equal(t, "26.00", mustCompute(t, req).APRPercent)
}
