package schedule

import (
	"errors"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/cockroachdb/apd/v3"
	"github.com/stretchr/testify/require"
)

// factorText is a rate factor as Fineract's tests print it: 12 decimals, HALF_EVEN.
func factorText(t *testing.T, f rateFactor) string {
	t.Helper()
	c := apd.BaseContext.WithPrecision(100)
	var q apd.Decimal
	_, err := c.Quo(&q, apd.NewWithBigInt(new(apd.BigInt).SetMathBigInt(f.num), 0),
		apd.NewWithBigInt(new(apd.BigInt).SetMathBigInt(f.den), 0))
	require.NoError(t, err)
	c.Rounding = apd.RoundHalfEven
	_, err = c.Quantize(&q, &q, -12)
	require.NoError(t, err)
	return q.Text('f')
}

func progressiveParams(t *testing.T, req Request) (*params, []rateFactor) {
	t.Helper()
	req.Amortization, req.InterestPeriod = AmortizationProgressive, InterestPeriodDaily
	p, err := normalize(req)
	require.NoError(t, err)
	return &p, rateFactors(&p, dueDates(&p))
}

// The rate factors are Fineract's (ProgressiveEMICalculatorTest:
// testRateFactorByRepaymentEveryMonthMethod_DayInYear365_DaysInMonthActual and
// …_DayInYearActual_DaysInMonthActual, 9.4822% from 2024-01-01; and the year-end split of
// testEMICalculation_disbursedAmt100_dayInYearsActual_daysInMonthActual_repayEvery1Month).
func TestProgressiveRateFactorsMatchFineract(t *testing.T) {
	req := Request{Principal: "100", AnnualRatePercent: "9.4822", Periods: 6, StartDate: "2024-01-01"}
	for _, c := range []struct {
		year string
		want []string
	}{
		{DaysInYear365, []string{"0.008053375342", "0.007533802740", "0.008053375342", "0.007793589041", "0.008053375342", "0.007793589041"}},
		{DaysInYearActual, []string{"0.008031371585", "0.007513218579", "0.008031371585", "0.007772295082", "0.008031371585", "0.007772295082"}},
	} {
		req.DaysInYear = c.year
		_, fs := progressiveParams(t, req)
		for i, f := range fs {
			require.Equal(t, c.want[i], factorText(t, f), "%s period %d", c.year, i+1)
		}
	}
	req.DaysInYear, req.StartDate = DaysInYearActual, "2023-12-12"
	_, fs := progressiveParams(t, req)
	require.Equal(t, "0.008044857759", factorText(t, fs[0]), "19/365 + 12/366")
	// A period of more than a year is split into each year's part the same way:
	// 2023-06-30 → 12-31 is 184/365, 12-31 → 2024-07-30 is 212/366.
	req.StartDate, req.Periods, req.Frequency, req.Every = "2023-06-30", 1, FrequencyMonths, ptrInt(13)
	_, fs = progressiveParams(t, req)
	want := rateFactor{num: big.NewInt(94822 * (184*366 + 212*365)), den: big.NewInt(1_000_000 * 365 * 366)}
	require.Equal(t, factorText(t, want), factorText(t, fs[0]))
}

func ptrInt(v int) *int { return &v }

// progressiveUnits100 is the brief's formula read literally, P ÷ Σ_k Π_{i≤k} 1/(1+r_i), in
// 100-digit decimals: a check on the integer fold, independent of its algebra.
func progressiveUnits100(t *testing.T, a *amortizer, unit int64) int64 {
	c := apd.BaseContext.WithPrecision(100)
	ed := apd.MakeErrDecimal(c)
	sum, prod := new(apd.Decimal), apd.New(1, 0)
	for _, f := range a.factors[a.p.grace:] {
		onePlus := new(apd.Decimal)
		ed.Quo(onePlus, apd.NewWithBigInt(new(apd.BigInt).SetMathBigInt(f.num), 0),
			apd.NewWithBigInt(new(apd.BigInt).SetMathBigInt(f.den), 0))
		ed.Add(onePlus, onePlus, apd.New(1, 0))
		ed.Quo(prod, prod, onePlus)
		ed.Add(sum, sum, prod)
	}
	emi := new(apd.Decimal)
	ed.Quo(emi, dec(a.p.principal), sum)
	ed.Quo(emi, emi, dec(unit))
	require.NoError(t, ed.Err())
	v, err := roundInt(emi, a.p.mode)
	require.NoError(t, err)
	n, err := toInt64(v)
	require.NoError(t, err)
	return n
}

// The exact progressive instalment agrees with the 100-digit decimal one (away from exact
// halves, which random inputs do not hit) across rates, day counts, frequencies, grace,
// units and modes.
func TestProgressiveEMIMatchesDecimalSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 5))
	modes := []string{RoundingHalfEven, RoundingHalfUp, RoundingDown, RoundingUp, RoundingCeiling, RoundingFloor}
	for range 400 {
		periods := 1 + rng.IntN(60)
		req := Request{
			Principal:             decimalText(1+rng.Int64N(1_000_000_000), 2),
			AnnualRatePercent:     decimalText(1+rng.Int64N(100_000_000), 5), // up to 1000%
			Periods:               periods,
			Frequency:             []string{FrequencyDays, FrequencyWeeks, FrequencyMonths}[rng.IntN(3)],
			Every:                 ptrInt(1 + rng.IntN(3)),
			DaysInYear:            []string{DaysInYear360, DaysInYear365, DaysInYearActual}[rng.IntN(3)],
			DaysInMonth:           []string{DaysInMonth30, DaysInMonthActual}[rng.IntN(2)],
			Rounding:              modes[rng.IntN(len(modes))],
			StartDate:             []string{"2023-11-30", "2024-01-31", "2023-12-12", "2024-02-29", "2025-06-15"}[rng.IntN(5)],
			PrincipalGracePeriods: rng.IntN(periods),
		}
		p, fs := progressiveParams(t, req)
		a := &amortizer{p: p, factors: fs}
		unit := []int64{1, 5, 100}[rng.IntN(3)]
		got, err := a.progressiveUnits(unit)
		require.NoError(t, err)
		require.Equal(t, progressiveUnits100(t, a, unit), got, "%+v unit %d", req, unit)
	}
}

func decimalText(minor int64, scale int) string { return formatMinor(minor, scale) }

// A schedule on the loan's own dates: the same as the frequency's when they are the
// frequency's; the dates' day counts otherwise; bad dates name due_dates.
func TestComputeRowsOn(t *testing.T) {
	req := Request{Principal: "10000", AnnualRatePercent: "12", Periods: 3, StartDate: "2024-01-31",
		Amortization: AmortizationProgressive, InterestPeriod: InterestPeriodDaily}
	rows, err := ComputeRows(req)
	require.NoError(t, err)
	same, err := ComputeRowsOn(req, []string{"2024-02-29", "2024-03-31", "2024-04-30"})
	require.NoError(t, err)
	require.Equal(t, rows, same)
	first, err := FirstInstallmentOn(req, []string{"2024-02-29", "2024-03-31", "2024-04-30"})
	require.NoError(t, err)
	require.Equal(t, rows.Installments[0], first)

	other, err := ComputeRowsOn(req, []string{"2024-02-29", "2024-03-29", "2024-04-29"})
	require.NoError(t, err)
	require.Equal(t, "2024-03-29", other.Installments[1].DueDate)
	require.NotEqual(t, rows.Installments[1].InterestMinor, other.Installments[1].InterestMinor, "29 days, not 31")

	for _, bad := range [][]string{
		{"2024-02-29", "2024-03-31"},                             // too few
		{"2024-01-31", "2024-03-31", "2024-04-30"},               // not after the start
		{"2024-02-29", "2024-02-29", "2024-04-30"},               // not increasing
		{"2024-02-29", "2024-03-31", "2024-4-30"},                // not YYYY-MM-DD
		{"2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"}, // too many
	} {
		_, err := ComputeRowsOn(req, bad)
		var fe *FieldError
		require.True(t, errors.As(err, &fe), "%v: %v", bad, err)
		require.Equal(t, "due_dates", fe.Field)
		_, err = FirstInstallmentOn(req, bad)
		require.True(t, errors.As(err, &fe), "%v: %v", bad, err)
	}
}
