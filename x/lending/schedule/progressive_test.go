package schedule_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// The golden progressive schedules below are Apache Fineract's, from
// fineract-progressive-loan/src/test/java/org/apache/fineract/portfolio/loanproduct/calc/
// ProgressiveEMICalculatorTest.java (apache/fineract at 4198b0bcf9a9, 2024-10-24), where
// the currency has 2 decimals and MoneyHelper rounds HALF_EVEN. Each row is
// {principal, interest, total, balance}; Fineract's checkPeriod gives the EMI, the interest
// due, the principal due and the balance after the period.

func progressive(principal, rate string, periods int, start, year, month string) schedule.Request {
	return schedule.Request{
		Principal: principal, AnnualRatePercent: rate, Periods: periods, StartDate: start,
		Amortization: schedule.AmortizationProgressive, InterestPeriod: schedule.InterestPeriodDaily,
		DaysInYear: year, DaysInMonth: month,
	}
}

func requireRows(t *testing.T, req schedule.Request, want []row) *schedule.Schedule {
	t.Helper()
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	require.Len(t, s.Installments, len(want))
	for i, w := range want {
		require.Equal(t, w, rowOf(s.Installments[i]), "row %d", i+1)
	}
	return s
}

// testEMICalculation_disbursedAmt100_dayInYears360_daysInMonth30_repayEvery1Month:
// 100.00 at 9.4822%, 30-day months, 360-day year, 6 monthly from 2024-01-01; rate factor
// 0.007901833333 every period; EMI 17.13, the last instalment 17.13 as well.
func TestProgressiveFineract360(t *testing.T) {
	req := progressive("100", "9.4822", 6, "2024-01-01", schedule.DaysInYear360, schedule.DaysInMonth30)
	s := requireRows(t, req, []row{
		{"16.34", "0.79", "17.13", "83.66"},
		{"16.47", "0.66", "17.13", "67.19"},
		{"16.60", "0.53", "17.13", "50.59"},
		{"16.73", "0.40", "17.13", "33.86"},
		{"16.86", "0.27", "17.13", "17.00"},
		{"17.00", "0.13", "17.13", "0.00"},
	})
	require.Equal(t, "2.78", s.TotalInterest)
	require.Equal(t, "2024-07-01", s.Installments[5].DueDate)
	// Under 30/360 every rate factor is annual/12, so the progressive schedule is the annuity.
	req.Amortization = schedule.AmortizationEqualInstallments
	require.Equal(t, mustJSON(t, s), mustJSON(t, mustCompute(t, req)))
}

// testEMICalculation_CheckEmiButNewEmiNotBetterThanOriginal: 100.00 at 15.678%, actual
// days over a 365-day year, 6 monthly from 2024-01-01 (31, 29, 31, 30, 31, 30 days; rate
// factors 0.013315561644, 0.012456493151, …); EMI 17.43, the last instalment 17.47.
func TestProgressiveFineractActual365(t *testing.T) {
	req := progressive("100", "15.678", 6, "2024-01-01", schedule.DaysInYear365, schedule.DaysInMonthActual)
	s := requireRows(t, req, []row{
		{"16.10", "1.33", "17.43", "83.90"},
		{"16.38", "1.05", "17.43", "67.52"},
		{"16.53", "0.90", "17.43", "50.99"},
		{"16.77", "0.66", "17.43", "34.22"},
		{"16.97", "0.46", "17.43", "17.25"},
		{"17.25", "0.22", "17.47", "0.00"},
	})
	require.Equal(t, "4.62", s.TotalInterest)
}

// testEMICalculation_disbursedAmt100_dayInYearsActual_daysInMonthActual_repayEvery1Month:
// 100.00 at 9.4822%, actual/actual, 6 monthly from 2023-12-12. The first period crosses the
// year end and Fineract splits it, 19/365 + 12/366 (rate factor 0.008044857759); the others
// are 31/366, 29/366, 31/366, 30/366, 31/366. Fineract's test shortens the due dates of
// periods 3–6 to the 1st of the month, but its rate factor for them is the month's length ×
// actual ÷ calculated days (equal here), so they carry the same factors as the regular
// 12th-of-month dates used here, and the same figures: EMI 17.13 throughout.
func TestProgressiveFineractActualActual(t *testing.T) {
	req := progressive("100", "9.4822", 6, "2023-12-12", schedule.DaysInYearActual, schedule.DaysInMonthActual)
	requireRows(t, req, []row{
		{"16.33", "0.80", "17.13", "83.67"},
		{"16.46", "0.67", "17.13", "67.21"},
		{"16.63", "0.50", "17.13", "50.58"},
		{"16.72", "0.41", "17.13", "33.86"},
		{"16.87", "0.26", "17.13", "16.99"},
		{"16.99", "0.14", "17.13", "0.00"},
	})
}

// testEMICalculation_disbursedAmt100_dayInYears360_daysInMonthDoesntMatter_repayEvery15Days:
// 100.00 at 9.4822%, every 15 days over a 360-day year from 2024-01-01 (rate factor
// 0.003950916667); EMI 16.90, the last instalment 16.89.
func TestProgressiveFineractEvery15Days(t *testing.T) {
	req := progressive("100", "9.4822", 6, "2024-01-01", schedule.DaysInYear360, "")
	req.Frequency, req.Every = schedule.FrequencyDays, ptr(15)
	requireRows(t, req, []row{
		{"16.50", "0.40", "16.90", "83.50"},
		{"16.57", "0.33", "16.90", "66.93"},
		{"16.64", "0.26", "16.90", "50.29"},
		{"16.70", "0.20", "16.90", "33.59"},
		{"16.77", "0.13", "16.90", "16.82"},
		{"16.82", "0.07", "16.89", "0.00"},
	})
}

// testEMICalculation_performance: 100.00 at 7%, 30/360, 12 monthly from 2024-01-01; every
// instalment but the last is 8.65.
func TestProgressiveFineract12Monthly(t *testing.T) {
	s := mustCompute(t, progressive("100", "7", 12, "2024-01-01", schedule.DaysInYear360, schedule.DaysInMonth30))
	for _, in := range s.Installments[:11] {
		require.Equal(t, "8.65", in.Total, "row %d", in.N)
	}
}

// testEMICalculation_disbursedAmt1000_NoInterest_repayEvery1Month: at 0% the instalment is
// P/n, 250.00 × 4.
func TestProgressiveFineractZeroRate(t *testing.T) {
	s := mustCompute(t, progressive("1000", "0", 4, "2024-01-01", schedule.DaysInYearActual, schedule.DaysInMonthActual))
	for _, in := range s.Installments {
		require.Equal(t, row{"250.00", "0.00", "250.00", in.Balance}, rowOf(in), "row %d", in.N)
	}
}

// Progressive amortization is declining-balance interest counted by days; anything else is
// refused, naming the field to fix.
func TestProgressiveInvalidCombinations(t *testing.T) {
	for _, c := range []struct {
		name, field string
		edit        func(*schedule.Request)
	}{
		{"with flat interest", "amortization", func(r *schedule.Request) { r.InterestMethod = schedule.MethodFlat }},
		{"with same_as_repayment", "interest_period", func(r *schedule.Request) {
			r.InterestPeriod = schedule.InterestPeriodSameAsRepayment
		}},
		{"interest_period omitted", "interest_period", func(r *schedule.Request) { r.InterestPeriod = "" }},
		{"wrong case", "amortization", func(r *schedule.Request) { r.Amortization = "Progressive" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := progressive("100", "9.4822", 6, "2024-01-01", "", "")
			c.edit(&req)
			s, err := schedule.Compute(req)
			requireFieldError(t, err, c.field)
			require.Nil(t, s)
			_, err = schedule.FirstInstallment(req)
			requireFieldError(t, err, c.field)
		})
	}
}

// The request as JSON: the preview's field names, parsed strictly.
func TestProgressiveParseRequest(t *testing.T) {
	req, err := schedule.ParseRequest([]byte(`{"principal":"100","annual_rate_percent":"9.4822","periods":6,
		"amortization":"progressive","interest_period":"daily","days_in_year":"360","days_in_month":"30",
		"start_date":"2024-01-01"}`))
	require.NoError(t, err)
	require.Equal(t, "17.13", mustCompute(t, req).Installments[0].Total)
}

// Principal grace: interest only on the full balance, then the instalment solved over the
// remaining periods' own rates; and an instalment in multiples rounds that solution once.
func TestProgressiveGraceAndMultiple(t *testing.T) {
	req := progressive("10000", "12", 12, "2024-01-01", schedule.DaysInYear365, schedule.DaysInMonthActual)
	req.PrincipalGracePeriods = 2
	s := mustCompute(t, req)
	requireInvariants(t, req, s)
	require.Equal(t, row{"0.00", "101.92", "101.92", "10000.00"}, rowOf(s.Installments[0])) // 31 days
	require.Equal(t, row{"0.00", "95.34", "95.34", "10000.00"}, rowOf(s.Installments[1]))   // 29 days
	// The same loan without grace from 2024-03-01 over 10 periods has the same instalment.
	rest := progressive("10000", "12", 10, "2024-03-01", schedule.DaysInYear365, schedule.DaysInMonthActual)
	tail := mustCompute(t, rest)
	for i, in := range tail.Installments {
		require.Equal(t, rowOf(in), rowOf(s.Installments[i+2]), "row %d", i+3)
	}

	req.InstallmentMultiple = "10"
	s = mustCompute(t, req)
	requireInvariants(t, req, s)
	for _, in := range s.Installments[2:11] {
		require.Equal(t, "1060.00", in.Total, "row %d", in.N) // 1,055.7… rounded once to tens
	}
}

// Property: over random progressive requests every schedule holds the invariants, its
// principal parts add back exactly to the principal, no amount is negative, every
// amortising instalment but the last is the one EMI unless the clamp kicks in, and the
// rows-only and first-row entry points agree with Compute.
func TestProgressiveProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 19))
	computed := 0
	for i := range 200 {
		req := randomProgressive(rng)
		s, err := schedule.Compute(req)
		if err != nil {
			var fe *schedule.FieldError
			require.True(t, errors.As(err, &fe), "#%d %+v: %v", i, req, err)
			require.Contains(t, []string{"installment_multiple", "principal"}, fe.Field, "#%d %+v: %v", i, req, err)
			continue
		}
		computed++
		requireProgressive(t, req, s)
		rows, err := schedule.ComputeRows(req)
		require.NoError(t, err)
		first, err := schedule.FirstInstallment(req)
		require.NoError(t, err)
		require.Equal(t, rows.Installments[0], first)
		require.Equal(t, s.TotalInterestMinor, rows.TotalInterestMinor)
	}
	require.Greater(t, computed, 180)
}

func randomProgressive(rng *rand.Rand) schedule.Request {
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	scale := rng.IntN(5)
	periods := 1 + rng.IntN(120)
	if rng.IntN(10) == 0 {
		periods = 1 + rng.IntN(1200)
	}
	req := schedule.Request{
		Principal:         decimalString(1+rng.Int64N(1_000_000_000_000), scale),
		AnnualRatePercent: decimalString(rng.Int64N(600_000), 4),
		Periods:           periods,
		Frequency:         pick("", "days", "weeks", "months"),
		Every:             ptr(1 + rng.IntN(4)),
		Amortization:      schedule.AmortizationProgressive,
		InterestPeriod:    schedule.InterestPeriodDaily,
		DaysInYear:        pick("", "360", "365", "actual"),
		DaysInMonth:       pick("", "30", "actual"),
		Rounding:          pick("", "half_even", "half_up", "down", "up", "ceiling", "floor"),
		Scale:             ptr(scale),
		StartDate:         fmt.Sprintf("%04d-%02d-%02d", 1990+rng.IntN(60), 1+rng.IntN(12), 1+rng.IntN(31)),
	}
	if _, err := time.Parse("2006-01-02", req.StartDate); err != nil {
		req.StartDate = req.StartDate[:8] + "28"
	}
	if rng.IntN(3) == 0 {
		req.PrincipalGracePeriods = rng.IntN(periods)
	}
	if rng.IntN(5) == 0 {
		req.AnnualRatePercent = pick("0", "1000", "0.0001")
	}
	if rng.IntN(4) == 0 {
		req.InstallmentMultiple = decimalString(1+rng.Int64N(1000), scale)
	}
	return req
}

// requireProgressive is requireInvariants plus what the progressive mode promises.
func requireProgressive(t testing.TB, req schedule.Request, s *schedule.Schedule) {
	t.Helper()
	requireInvariants(t, req, s)
	var emi int64 = -1
	last := len(s.Installments) - 1
	for k, in := range s.Installments {
		require.GreaterOrEqual(t, in.TotalMinor, int64(0), "row %d", in.N)
		if k == last || k < req.PrincipalGracePeriods || in.PrincipalMinor == 0 || in.BalanceMinor == 0 {
			continue
		}
		if emi < 0 {
			emi = in.TotalMinor
		}
		require.Equal(t, emi, in.TotalMinor, "row %d: the progressive instalment", in.N)
	}
}

// Fuzz: no input makes the progressive mode panic, return a broken schedule, or fail other
// than with a FieldError.
func FuzzProgressive(f *testing.F) {
	f.Add(int64(10000), uint32(94822), uint16(6), uint8(2), uint8(1), uint8(0), uint16(0), int64(0))
	f.Add(int64(1), uint32(10_000_000), uint16(1200), uint8(0), uint8(2), uint8(3), uint16(1199), int64(7))
	f.Fuzz(func(t *testing.T, principal int64, rate uint32, periods uint16, freq, year, mode uint8, grace uint16, days int64) {
		if principal <= 0 || periods == 0 || periods > schedule.MaxPeriods || int(grace) >= int(periods) {
			t.Skip()
		}
		start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(uint64(days)%36500))
		req := schedule.Request{
			Principal: decimalString(principal, 2), AnnualRatePercent: decimalString(int64(rate%100_000_001), 5),
			Periods: int(periods), Frequency: []string{"days", "weeks", "months"}[freq%3],
			Amortization: schedule.AmortizationProgressive, InterestPeriod: schedule.InterestPeriodDaily,
			DaysInYear: []string{"360", "365", "actual"}[year%3], DaysInMonth: []string{"30", "actual"}[year/3%2],
			Rounding:              []string{"half_even", "half_up", "down", "up", "ceiling", "floor"}[mode%6],
			PrincipalGracePeriods: int(grace), StartDate: start.Format("2006-01-02"),
		}
		s, err := schedule.Compute(req)
		if err != nil {
			var fe *schedule.FieldError
			require.True(t, errors.As(err, &fe), "%+v: %v", req, err)
			return
		}
		requireProgressive(t, req, s)
	})
}
