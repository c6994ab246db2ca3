package schedule

import (
	"math/big"
	"time"

	"github.com/cockroachdb/apd/v3"
)

// rateFactor is one period's interest rate r_i = num/den as an exact fraction of integers.
type rateFactor struct{ num, den *big.Int }

// interest is round(bal × r_i) with mode: one exact division, one rounding.
func (f rateFactor) interest(bal int64, mode apd.Rounder) (int64, error) {
	num := new(big.Int).Mul(big.NewInt(bal), f.num)
	return roundQuoBig(num, f.den, mode)
}

// rateFactors are the progressive rates of every period: r_i = annual/100 × days_i /
// daysInYear, with the day counts of daily interest (periodDays, yearDays). Under
// days_in_year "actual" a period that crosses a year end is split the way Fineract's
// ProgressiveEMICalculator.calculatePeriodFractions splits it (see yearFractions).
func rateFactors(p *params, dates []time.Time) []rateFactor {
	n, d := rateFraction(p.rate, dec(100))
	out := make([]rateFactor, p.periods)
	for i := 1; i <= p.periods; i++ {
		var days, year *big.Int
		if p.daysYear == DaysInYearActual && dates[i].Year() > dates[i-1].Year() {
			days, year = yearFractions(dates[i-1], dates[i])
		} else {
			days, year = big.NewInt(periodDays(p, dates, i)), big.NewInt(yearDays(p, dates, i))
		}
		num := new(big.Int).Mul(n, days)
		den := new(big.Int).Mul(d, year)
		if g := new(big.Int).GCD(nil, nil, num, den); g.Sign() > 0 {
			num.Quo(num, g)
			den.Quo(den, g)
		}
		out[i-1] = rateFactor{num: num, den: den}
	}
	return out
}

// yearFractions is Σ days_y / length_y over the calendar years a period touches, as one
// fraction. Fineract counts each year's part up to its 31 December and the rest from that
// date on, so 31 December itself falls in the following year's part (2023-12-12 →
// 2024-01-12 is 19/365 + 12/366); the golden schedules reproduce that to the cent.
func yearFractions(from, to time.Time) (num, den *big.Int) {
	num, den = big.NewInt(0), big.NewInt(1)
	cur := from
	for y := from.Year(); y <= to.Year(); y++ {
		end := to
		if y < to.Year() {
			end = time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)
		}
		length := int64(365)
		if isLeap(y) {
			length = 366
		}
		// num/den + days/length
		num.Mul(num, big.NewInt(length))
		num.Add(num, new(big.Int).Mul(big.NewInt(daysBetween(cur, end)), den))
		den.Mul(den, big.NewInt(length))
		cur = end
	}
	return num, den
}

// progressiveUnits is the progressive instalment divided by unit, rounded once with the
// request's mode. Over the amortising periods j = 1…k (after principal grace) with
// 1 + r_j = A_j/D_j,
//
//	EMI = P ÷ Σ_m Π_{j≤m} 1/(1+r_j) = P × Π A_j ÷ (D_1 × G_k),
//
// where G_1 = 1 and G_j = D_2⋯D_j + G_{j−1} × A_j: the fold 1 + g × (1+r_j) over periods
// 2…k that Fineract calls fn, kept as integers. So the instalment is one exact fraction,
// whatever the day counts, and its single rounding is decided by the true remainder.
func (a *amortizer) progressiveUnits(unit int64) (int64, error) {
	fs := a.factors[a.p.grace:]
	prodA := big.NewInt(1) // Π A_j
	prodD := big.NewInt(1) // D_2⋯D_j
	g := big.NewInt(1)     // G_j
	tmp := new(big.Int)
	for j, f := range fs {
		aj := new(big.Int).Add(f.den, f.num)
		prodA.Mul(prodA, aj)
		if j == 0 {
			continue
		}
		prodD.Mul(prodD, f.den)
		g.Add(prodD, tmp.Mul(g, aj))
	}
	num := prodA.Mul(prodA, big.NewInt(a.p.principal))
	den := g.Mul(g, fs[0].den)
	den.Mul(den, big.NewInt(unit))
	return roundQuoBig(num, den, a.p.mode)
}
