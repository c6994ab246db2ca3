package lending

import (
	"github.com/puhui-chain/puhui/money"
)

// mulDiv returns a × b / c rounded by the product's named rounding mode, exactly.
func mulDiv(a, b, c int64, rounding string) int64 {
	v, err := money.MulDiv(a, b, c, rounding)
	if err != nil {
		panic("mulDiv: " + err.Error())
	}
	return v
}

// bpsOf is a × bps / 10,000, rounded by the product's mode.
func bpsOf(amount int64, bps uint32, rounding string) int64 {
	return mulDiv(amount, int64(bps), maxBps, rounding)
}

// remainderOf is a × b mod c for non-negative a, b and positive c, without overflow.
func remainderOf(a, b, c int64) int64 {
	r, err := money.MulMod(a, b, c)
	if err != nil {
		panic("remainderOf: " + err.Error())
	}
	return r
}

// MulDivDown is a × b / c rounded down, exactly (for other modules' ratios).
func MulDivDown(a, b, c int64) int64 { return mulDiv(a, b, c, money.RoundingDown) }
