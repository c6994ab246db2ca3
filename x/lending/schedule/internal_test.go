package schedule

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/cockroachdb/apd/v3"
	"github.com/stretchr/testify/require"
)

func goldenA(t *testing.T) *Schedule {
	t.Helper()
	s, err := Compute(Request{Principal: "10000", AnnualRatePercent: "12", Periods: 12, StartDate: "2024-01-01"})
	require.NoError(t, err)
	return s
}

// The invariant checker is the last line of defence, so it must catch each kind of damage.
func TestCheckInvariantsCatchesCorruption(t *testing.T) {
	corruptions := map[string]func(s *Schedule){
		"Σ principal off":       func(s *Schedule) { s.Installments[11].PrincipalMinor--; s.Installments[11].TotalMinor-- },
		"balance chain broken":  func(s *Schedule) { s.Installments[3].BalanceMinor++ },
		"negative balance":      func(s *Schedule) { s.Installments[11].BalanceMinor = -1 },
		"final balance nonzero": func(s *Schedule) { s.Installments = s.Installments[:11] },
		"total != p + i":        func(s *Schedule) { s.Installments[0].TotalMinor++ },
		"negative interest":     func(s *Schedule) { s.Installments[0].InterestMinor = -1 },
		"string disagrees":      func(s *Schedule) { s.Installments[0].Interest = "100.01" },
		"total string":          func(s *Schedule) { s.TotalInterest = "661.87" },
		"totals disagree":       func(s *Schedule) { s.TotalInterestMinor++ },
		"dates not increasing":  func(s *Schedule) { s.Installments[1].DueAt = s.Installments[0].DueAt },
		"numbering":             func(s *Schedule) { s.Installments[2].N = 7 },
		"empty":                 func(s *Schedule) { s.Installments = nil },
	}
	require.NoError(t, checkInvariants(1000000, goldenA(t)))
	for name, corrupt := range corruptions {
		t.Run(name, func(t *testing.T) {
			s := goldenA(t)
			corrupt(s)
			err := checkInvariants(1000000, s)
			require.ErrorIs(t, err, ErrInternal)
			var fe *FieldError
			require.False(t, errors.As(err, &fe), "an invariant break is not the caller's fault")
		})
	}
}

// roundDiv is exact: the rounding decision uses the true remainder, including quotients
// that never terminate (…/3) and exact halves.
func TestRoundDivModes(t *testing.T) {
	cases := []struct {
		num, den int64
		want     map[apd.Rounder]int64
	}{
		{12345, 1000, map[apd.Rounder]int64{apd.RoundHalfEven: 12, apd.RoundHalfUp: 12, apd.RoundDown: 12, apd.RoundUp: 13, apd.RoundCeiling: 13, apd.RoundFloor: 12}},
		{25, 2, map[apd.Rounder]int64{apd.RoundHalfEven: 12, apd.RoundHalfUp: 13, apd.RoundDown: 12, apd.RoundUp: 13, apd.RoundCeiling: 13, apd.RoundFloor: 12}},
		{35, 2, map[apd.Rounder]int64{apd.RoundHalfEven: 18, apd.RoundHalfUp: 18, apd.RoundDown: 17, apd.RoundUp: 18}},
		{2, 3, map[apd.Rounder]int64{apd.RoundHalfEven: 1, apd.RoundHalfUp: 1, apd.RoundDown: 0, apd.RoundUp: 1}},
		{1, 3, map[apd.Rounder]int64{apd.RoundHalfEven: 0, apd.RoundHalfUp: 0, apd.RoundDown: 0, apd.RoundUp: 1}},
		{36, 12, map[apd.Rounder]int64{apd.RoundHalfEven: 3, apd.RoundUp: 3, apd.RoundDown: 3}},
		{0, 7, map[apd.Rounder]int64{apd.RoundHalfEven: 0, apd.RoundUp: 0}},
	}
	for _, c := range cases {
		for mode, want := range c.want {
			got, err := roundDiv(dec(c.num), dec(c.den), mode)
			require.NoError(t, err)
			require.Equal(t, want, got, "%d/%d %s", c.num, c.den, mode)
		}
	}
	// (3·10^55 + 2) / (6·10^55) = 0.5 + 1/(3·10^55): just above half, never terminating;
	// without the extra 2 it is exactly half. The decision uses the exact remainder.
	big := func(s string) *apd.Decimal {
		d, _, err := apd.NewFromString(s)
		require.NoError(t, err)
		return d
	}
	den := big("6" + strings.Repeat("0", 55))
	got, err := roundDiv(big("3"+strings.Repeat("0", 54)+"2"), den, apd.RoundHalfEven)
	require.NoError(t, err)
	require.Equal(t, int64(1), got)
	got, err = roundDiv(big("3"+strings.Repeat("0", 55)), den, apd.RoundHalfEven)
	require.NoError(t, err)
	require.Equal(t, int64(0), got)
	// Operands beyond the working precision are refused, never silently rounded.
	_, err = roundDiv(big("1"+strings.Repeat("0", 69)+"1"), big("2"+strings.Repeat("0", 70)), apd.RoundHalfEven)
	require.ErrorIs(t, err, ErrInternal)
	_, err = roundDiv(dec(-1), dec(2), apd.RoundHalfEven)
	require.ErrorIs(t, err, ErrInternal)
}

// The machine-integer path of roundDiv rounds exactly as the arbitrary-precision one, for
// every mode, across magnitudes, exponents and exact halves.
func TestRoundDivInt64MatchesDecimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	modes := []apd.Rounder{apd.RoundHalfEven, apd.RoundHalfUp, apd.RoundDown, apd.RoundUp, apd.RoundCeiling, apd.RoundFloor}
	fast := 0
	for i := range 20000 {
		num := apd.New(rng.Int64N(int64(1)<<(1+rng.IntN(62))), -int32(rng.IntN(12)))
		den := apd.New(1+rng.Int64N(int64(1)<<(1+rng.IntN(40))), -int32(rng.IntN(6)))
		if i%7 == 0 { // an exact half
			den = apd.New(2*(1+rng.Int64N(1000)), 0)
			num = apd.New(den.Coeff.Int64()/2*(2*rng.Int64N(1000)+1), 0)
		}
		for _, mode := range modes {
			want, wantErr := roundDivDecimal(num, den, mode)
			got, err := roundDiv(num, den, mode)
			require.Equal(t, wantErr, err, "%s / %s %s", num, den, mode)
			require.Equal(t, want, got, "%s / %s %s", num, den, mode)
		}
		if _, _, ok := alignedInt64(num, den); ok {
			fast++
		}
		// a × f / den: the integer product path against the exact one.
		a, f := rng.Int64N(int64(1)<<(1+rng.IntN(40))), apd.New(rng.Int64N(1<<(1+rng.IntN(30))), -int32(rng.IntN(10)))
		for _, mode := range modes {
			product, err := mulExact(dec(a), f)
			require.NoError(t, err)
			want, wantErr := roundDivDecimal(product, den, mode)
			got, err := mulRoundDiv(a, f, den, mode)
			require.Equal(t, wantErr, err, "%d × %s / %s %s", a, f, den, mode)
			require.Equal(t, want, got, "%d × %s / %s %s", a, f, den, mode)
		}
	}
	require.Greater(t, fast, 10000, "most cases take the integer path")
}

func TestFormatDate(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for range 5000 {
		d := time.Unix(rng.Int64N(400_000_000_000)-62_000_000_000, 0).UTC()
		require.Equal(t, d.Format(dateLayout), formatDate(d))
	}
}

func TestFormatMinor(t *testing.T) {
	require.Equal(t, "0.00", formatMinor(0, 2))
	require.Equal(t, "0.05", formatMinor(5, 2))
	require.Equal(t, "888.49", formatMinor(88849, 2))
	require.Equal(t, "7", formatMinor(7, 0))
	require.Equal(t, "0.000000000000000001", formatMinor(1, 18))
	require.Equal(t, "9223372036854775807", formatMinor(9223372036854775807, 0))
	rng := rand.New(rand.NewPCG(9, 9))
	for range 5000 { // as apd writes them
		v, scale := rng.Int64()>>rng.IntN(63), rng.IntN(MaxScale+1)
		if rng.IntN(2) == 0 {
			v = -v
		}
		require.Equal(t, apd.New(v, int32(-scale)).Text('f'), formatMinor(v, scale), "%d at scale %d", v, scale)
	}
	require.Equal(t, apd.New(math.MinInt64, -3).Text('f'), formatMinor(math.MinInt64, 3))
}

// Solving the IRR of a single flow has a closed form: i = flow/P − 1.
func TestSolveIRRSingleFlow(t *testing.T) {
	i, err := solveIRR(dec(100), []*apd.Decimal{dec(250)})
	require.NoError(t, err)
	require.Equal(t, 0, i.Cmp(apd.New(15, -1)), "got %s", i)
}

// annuityUnits60 is the annuity as the engine computed it before the exact fraction: a
// decimal power at work precision, divided by the unit, then rounded.
func annuityUnits60(a *amortizer, k, unit int64) (int64, error) {
	ed := apd.MakeErrDecimal(&work)
	r, onePlus, pow, denom, emi, units := new(apd.Decimal), new(apd.Decimal), new(apd.Decimal), new(apd.Decimal), new(apd.Decimal), new(apd.Decimal)
	ed.Quo(r, a.rateNum, a.rateDen)
	ed.Add(onePlus, dec(1), r)
	ed.Pow(pow, onePlus, dec(-k))
	ed.Sub(denom, dec(1), pow)
	ed.Mul(emi, dec(a.p.principal), r)
	ed.Quo(emi, emi, denom)
	ed.Quo(units, emi, dec(unit))
	if err := ed.Err(); err != nil {
		return 0, err
	}
	n, err := roundInt(units, a.p.mode)
	if err != nil {
		return 0, err
	}
	return toInt64(n)
}

// The exact annuity agrees with the 60-digit decimal one (away from exact halves, which
// random inputs do not hit), across rates, terms, units and modes.
func TestAnnuityMatchesDecimalPower(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	modes := []apd.Rounder{apd.RoundHalfEven, apd.RoundHalfUp, apd.RoundDown, apd.RoundUp}
	compared := 0
	for range 3000 {
		places := rng.IntN(8) // up to 1000%, with up to 7 decimals
		rate := apd.New(1+rng.Int64N(1000*pow10(places)), -int32(places))
		rate.Reduce(rate)
		if rate.Cmp(dec(MaxAnnualRatePercent)) > 0 {
			continue
		}
		every := int64(1 + rng.IntN(3))
		ppy := []int64{12, 52, 365}[rng.IntN(3)]
		rateNum, err := mulExact(rate, dec(every))
		require.NoError(t, err)
		a := &amortizer{p: &params{principal: 1 + rng.Int64N(1_000_000_000), mode: modes[rng.IntN(len(modes))]},
			rateNum: rateNum, rateDen: dec(100 * ppy)}
		k, unit := int64(1+rng.IntN(360)), []int64{1, 10, 100}[rng.IntN(3)]
		want, wantErr := annuityUnits60(a, k, unit)
		got, err := a.annuityUnits(k, unit)
		if wantErr != nil || errors.Is(err, errOverflow) {
			continue // beyond int64 or the decimal precision: the engine refuses such requests
		}
		require.NoError(t, err)
		require.Equal(t, want, got, "P %d rate %s×%d/%d k %d unit %d %s", a.p.principal, rate, every, ppy, k, unit, a.p.mode)
		compared++
	}
	require.Greater(t, compared, 2000)
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}
