package money

import (
	"math/big"
)

// Rounding modes, by the names products, schedule requests and apd's Rounder use. "" means
// RoundingHalfEven (banker's rounding), the default everywhere.
const (
	RoundingHalfEven = "half_even" // to nearest, ties to even: 12.345 → 12.34
	RoundingHalfUp   = "half_up"   // to nearest, ties away from zero: 12.345 → 12.35
	RoundingDown     = "down"      // toward zero
	RoundingUp       = "up"        // away from zero
	RoundingCeiling  = "ceiling"   // toward +∞
	RoundingFloor    = "floor"     // toward −∞
)

// Roundings lists the modes, in the order error messages name them.
var Roundings = []string{RoundingHalfEven, RoundingHalfUp, RoundingDown, RoundingUp, RoundingCeiling, RoundingFloor}

// CheckRounding accepts "" and the named modes.
func CheckRounding(rounding string) error {
	_, err := awayFromZero(rounding, false, 0, false)
	return err
}

// awayFromZero decides whether a truncated quotient with a non-zero remainder moves one unit
// away from zero, from the quotient's sign, how twice the remainder compares with the divisor
// (half: −1 below half, 0 exactly half, +1 above) and whether the truncated quotient is odd.
func awayFromZero(rounding string, negative bool, half int, odd bool) (bool, error) {
	switch rounding {
	case "", RoundingHalfEven:
		return half > 0 || (half == 0 && odd), nil
	case RoundingHalfUp:
		return half >= 0, nil
	case RoundingDown:
		return false, nil
	case RoundingUp:
		return true, nil
	case RoundingCeiling:
		return !negative, nil
	case RoundingFloor:
		return negative, nil
	}
	return false, ErrBadDivision.Wrapf("unknown rounding %q", rounding)
}

// Div returns n / d rounded to an integer by the named mode, exactly (d > 0).
func Div(n, d int64, rounding string) (int64, error) {
	if d <= 0 {
		return 0, ErrBadDivision.Wrapf("%d / %d: the divisor must be positive", n, d)
	}
	q, r := n/d, n%d // truncated toward zero
	if r == 0 {
		return q, CheckRounding(rounding)
	}
	negative := r < 0
	if negative {
		r = -r // |r| < d, so no overflow
	}
	away, err := awayFromZero(rounding, negative, cmp(r, d-r), q&1 != 0)
	switch {
	case err != nil:
		return 0, err
	case away && negative:
		q--
	case away:
		q++
	}
	return q, nil
}

// MulDiv returns a × b / c rounded to an integer by the named mode, exactly: the product is
// never rounded first and never wraps (it is a big integer when it outgrows int64). c must be
// positive; a quotient beyond int64 is ErrOverflow.
func MulDiv(a, b, c int64, rounding string) (int64, error) {
	if c <= 0 {
		return 0, ErrBadDivision.Wrapf("%d × %d / %d: the divisor must be positive", a, b, c)
	}
	if p, err := Mul(a, b); err == nil {
		return Div(p, c, rounding)
	}
	q, err := QuoBig(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)), big.NewInt(c), rounding)
	if err != nil {
		return 0, err
	}
	if !q.IsInt64() {
		return 0, ErrOverflow.Wrapf("%d × %d / %d", a, b, c)
	}
	return q.Int64(), nil
}

// QuoBig returns num / den rounded to an integer by the named mode, for any size (den > 0).
func QuoBig(num, den *big.Int, rounding string) (*big.Int, error) {
	if den.Sign() <= 0 {
		return nil, ErrBadDivision.Wrapf("%s / %s: the divisor must be positive", num, den)
	}
	q, r := new(big.Int).QuoRem(num, den, new(big.Int)) // truncated toward zero
	if r.Sign() == 0 {
		return q, CheckRounding(rounding)
	}
	twice := new(big.Int).Abs(r)
	twice.Lsh(twice, 1)
	away, err := awayFromZero(rounding, num.Sign() < 0, twice.Cmp(den), q.Bit(0) == 1)
	if err != nil {
		return nil, err
	}
	if away {
		q.Add(q, big.NewInt(int64(num.Sign())))
	}
	return q, nil
}

// MulMod returns a × b mod c (0 ≤ result < c) without overflow; c must be positive.
func MulMod(a, b, c int64) (int64, error) {
	if c <= 0 {
		return 0, ErrBadDivision.Wrapf("%d × %d mod %d: the modulus must be positive", a, b, c)
	}
	num := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
	return num.Mod(num, big.NewInt(c)).Int64(), nil
}

func cmp(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
