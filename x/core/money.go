package core

import (
	"fmt"
	"math"
	"strconv"

	"github.com/puhui-chain/puhui/tx"
)

// Errors of amounts (codespace "amount").
var (
	ErrNonPositive = tx.Register("amount", 1, "non_positive")
	ErrOverflow    = tx.Register("amount", 2, "overflow")
)

// CheckPositive rejects zero and negative amounts, naming the field.
func CheckPositive(field string, amountMinor int64) error {
	if amountMinor <= 0 {
		return ErrNonPositive.Wrapf("%s must be > 0, got %d", field, amountMinor)
	}
	return nil
}

// Add returns a+b or ErrOverflow; money never wraps.
func Add(a, b int64) (int64, error) {
	if (b > 0 && a > math.MaxInt64-b) || (b < 0 && a < math.MinInt64-b) {
		return 0, ErrOverflow.Wrapf("%d + %d", a, b)
	}
	return a + b, nil
}

// Sub returns a-b or ErrOverflow.
func Sub(a, b int64) (int64, error) {
	if b == math.MinInt64 {
		return 0, ErrOverflow.Wrapf("%d - %d", a, b)
	}
	return Add(a, -b)
}

// Itoa formats an amount for events.
func Itoa(v int64) string { return strconv.FormatInt(v, 10) }

// FormatMinor writes minor units as a decimal with scale places ("12.34" for 1234 at scale 2).
func FormatMinor(v int64, scale uint32) string {
	sign := ""
	u := uint64(v)
	if v < 0 {
		sign, u = "-", uint64(-v)
	}
	s := fmt.Sprintf("%0*d", int(scale)+1, u)
	if scale == 0 {
		return sign + s
	}
	cut := len(s) - int(scale)
	return sign + s[:cut] + "." + s[cut:]
}
