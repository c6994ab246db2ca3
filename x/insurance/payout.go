package insurance

import (
	"math/big"

	"github.com/puhui-chain/puhui/money"
)

// Fractions are parts per million; trigger, exit and reference are micro-units (×10^6).
const (
	Million          = 1_000_000
	DirectionBelow   = "below" // pay when the index falls below the trigger (drought, low yield)
	DirectionAbove   = "above" // pay when it rises above (flood, excess heat)
	roundingOfPayout = money.RoundingHalfEven
)

// Terms are a parametric product's payout terms.
type Terms struct {
	Direction      string // below (also "") or above
	TriggerMicro   int64
	ExitMicro      int64
	MaxPayoutPPM   int64 // 1..Million
	ReferenceMicro int64 // 0: the index is compared as is
}

// Check refuses terms whose trigger and exit are in the wrong order for the direction, a
// maximum fraction outside (0, 1] or negative values.
func (t Terms) Check() error {
	switch {
	case t.MaxPayoutPPM <= 0 || t.MaxPayoutPPM > Million:
		return ErrBadProduct.Wrapf("maximum payout fraction %d ppm: above 0, at most 1", t.MaxPayoutPPM)
	case t.TriggerMicro < 0 || t.ExitMicro < 0 || t.ReferenceMicro < 0:
		return ErrBadProduct.Wrapf("trigger, exit and reference must not be negative")
	case t.Direction != "" && t.Direction != DirectionBelow && t.Direction != DirectionAbove:
		return ErrBadProduct.Wrapf("direction %q: below or above", t.Direction)
	case t.Direction == DirectionAbove && t.ExitMicro <= t.TriggerMicro:
		return ErrBadProduct.Wrapf("direction above: the exit must be above the trigger")
	case t.Direction != DirectionAbove && t.ExitMicro >= t.TriggerMicro:
		return ErrBadProduct.Wrapf("direction below: the exit must be below the trigger")
	}
	return nil
}

// MaxPayout is the most a policy of sumInsured can pay: sum × maximum fraction, half-even.
func MaxPayout(sumInsured, maxPPM int64) (int64, error) {
	return money.MulDiv(sumInsured, maxPPM, Million, roundingOfPayout)
}

// Fraction is the payout fraction for an index num/den (den > 0), as an exact rational: 0 on
// the safe side of the trigger, the maximum beyond the exit, linear in between. The index is
// first divided by the reference when the terms have one.
func (t Terms) Fraction(indexNum, indexDen *big.Int) (num, den *big.Int) {
	mil := big.NewInt(Million)
	// ratio r = a/b
	a, b := new(big.Int).Set(indexNum), new(big.Int).Set(indexDen)
	if t.ReferenceMicro > 0 {
		a.Mul(a, mil)
		b.Mul(b, big.NewInt(t.ReferenceMicro))
	}
	// compare r with v/10^6 through a·10^6 against v·b
	scaled := new(big.Int).Mul(a, mil)
	at := func(v int64) *big.Int { return new(big.Int).Mul(big.NewInt(v), b) }
	trig, exit := at(t.TriggerMicro), at(t.ExitMicro)
	m := big.NewInt(t.MaxPayoutPPM)
	zero, full := [2]*big.Int{big.NewInt(0), big.NewInt(1)}, [2]*big.Int{m, mil}
	var dist, width *big.Int // how far past the trigger, and the trigger–exit width (×b×10^6 scale)
	if t.Direction == DirectionAbove {
		if scaled.Cmp(trig) <= 0 {
			return zero[0], zero[1]
		}
		if scaled.Cmp(exit) >= 0 {
			return full[0], full[1]
		}
		dist, width = new(big.Int).Sub(scaled, trig), new(big.Int).Sub(exit, trig)
	} else {
		if scaled.Cmp(trig) >= 0 {
			return zero[0], zero[1]
		}
		if scaled.Cmp(exit) <= 0 {
			return full[0], full[1]
		}
		dist, width = new(big.Int).Sub(trig, scaled), new(big.Int).Sub(trig, exit)
	}
	// fraction = m/10^6 × dist/width
	return new(big.Int).Mul(m, dist), new(big.Int).Mul(mil, width)
}

// Payout is sumInsured × the fraction for the index, computed exactly and rounded once,
// half-even, to the minor unit. It never exceeds MaxPayout of the same terms.
func (t Terms) Payout(sumInsured int64, indexNum, indexDen *big.Int) (int64, error) {
	if indexDen.Sign() <= 0 {
		return 0, ErrBadQuote.Wrapf("index denominator must be positive")
	}
	num, den := t.Fraction(indexNum, indexDen)
	q, err := money.QuoBig(new(big.Int).Mul(big.NewInt(sumInsured), num), den, roundingOfPayout)
	if err != nil {
		return 0, err
	}
	if !q.IsInt64() {
		return 0, money.ErrOverflow.Wrapf("payout of %d", sumInsured)
	}
	return q.Int64(), nil
}
