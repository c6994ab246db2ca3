package lending

import (
	"fmt"
	"math/big"

	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// mulDiv returns a × b / c rounded to an integer by the product's named rounding mode,
// exactly: the product is a big integer and the rounding reads the remainder, so there is
// neither overflow nor a double rounding. c must be positive.
func mulDiv(a, b, c int64, rounding string) int64 {
	if c <= 0 {
		panic("mulDiv: divisor must be positive")
	}
	q := roundQuo(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)), big.NewInt(c), rounding)
	if !q.IsInt64() {
		panic(fmt.Sprintf("mulDiv(%d, %d, %d) overflows", a, b, c))
	}
	return q.Int64()
}

// roundQuo is num / den rounded to an integer by the named mode, for any size (den > 0).
func roundQuo(num, den *big.Int, rounding string) *big.Int {
	q, r := new(big.Int).QuoRem(num, den, new(big.Int)) // truncates toward zero
	if r.Sign() != 0 && awayFromZero(rounding, num.Sign(), q, r, den) {
		q.Add(q, big.NewInt(int64(num.Sign())))
	}
	return q
}

// awayFromZero decides whether a truncated quotient with a non-zero remainder moves one unit
// away from zero.
func awayFromZero(rounding string, sign int, q, r, den *big.Int) bool {
	twice := new(big.Int).Abs(r)
	twice.Lsh(twice, 1)
	half := twice.Cmp(den) // −1 below half, 0 exactly half, +1 above
	switch rounding {
	case "", schedule.RoundingHalfEven:
		return half > 0 || (half == 0 && q.Bit(0) == 1)
	case schedule.RoundingHalfUp:
		return half >= 0
	case schedule.RoundingDown:
		return false
	case schedule.RoundingUp:
		return true
	case schedule.RoundingCeiling:
		return sign > 0
	case schedule.RoundingFloor:
		return sign < 0
	}
	panic("unknown rounding " + rounding)
}

// bpsOf is a × bps / 10,000, rounded by the product's mode.
func bpsOf(amount int64, bps uint32, rounding string) int64 {
	return mulDiv(amount, int64(bps), maxBps, rounding)
}

// remainderOf is a × b mod c for non-negative a, b and positive c, without overflow.
func remainderOf(a, b, c int64) int64 {
	num := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
	return new(big.Int).Mod(num, big.NewInt(c)).Int64()
}

// MulDivDown is a × b / c rounded down, exactly (for other modules' ratios).
func MulDivDown(a, b, c int64) int64 { return mulDiv(a, b, c, schedule.RoundingDown) }
