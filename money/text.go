package money

import (
	"strconv"
	"strings"
)

// MaxScale is the most decimal places an amount may have: 10^18 is the largest power of ten
// in int64.
const MaxScale = 18

// FormatMinor writes minor units as a decimal with exactly scale places and at least one
// digit before the point: 1234 at scale 2 is "12.34", 5 is "0.05", −120 is "-1.20", 7 at
// scale 0 is "7".
func FormatMinor(v int64, scale uint32) string {
	u := uint64(v)
	sign := ""
	if v < 0 {
		sign, u = "-", -u // two's complement: MinInt64 too
	}
	digits := strconv.FormatUint(u, 10)
	if n := int(scale) + 1; len(digits) < n {
		digits = strings.Repeat("0", n-len(digits)) + digits
	}
	if scale == 0 {
		return sign + digits
	}
	cut := len(digits) - int(scale)
	return sign + digits[:cut] + "." + digits[cut:]
}

// ParseAmount reads a decimal amount ("1234.5", "-3.25", ".5") into minor units of an asset
// with the given scale. More decimal places than the scale is an error, never a silent
// rounding; so is anything but digits, one point and a leading minus.
func ParseAmount(s string, scale uint32) (int64, error) {
	if scale > MaxScale {
		return 0, ErrMalformed.Wrapf("scale %d: at most %d", scale, MaxScale)
	}
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(body, ".")
	if whole == "" && frac == "" || !digits(whole) || !digits(frac) {
		return 0, ErrMalformed.Wrapf("amount %q is not a decimal number", s)
	}
	if uint32(len(frac)) > scale {
		return 0, ErrMalformed.Wrapf("amount %q has more than %d decimal places", s, scale)
	}
	frac += strings.Repeat("0", int(scale)-len(frac))
	var v int64
	for _, c := range whole + frac {
		var err error
		if v, err = Mul(v, 10); err == nil {
			v, err = Add(v, int64(c-'0'))
		}
		if err != nil {
			return 0, ErrOverflow.Wrapf("amount %q does not fit %d-place minor units", s, scale)
		}
	}
	if neg {
		v = -v
	}
	return v, nil
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
