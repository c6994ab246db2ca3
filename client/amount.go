package client

import (
	"fmt"
	"math"
	"strings"
)

// ParseAmount reads a decimal amount ("1234.5") into minor units of an asset with the given
// scale. More decimal places than the scale is an error, never a silent rounding.
func ParseAmount(s string, scale uint32) (int64, error) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" || !digits(whole) || !digits(frac) {
		return 0, fmt.Errorf("amount %q is not a decimal number", s)
	}
	if uint32(len(frac)) > scale {
		return 0, fmt.Errorf("amount %q has more than %d decimal places", s, scale)
	}
	frac += strings.Repeat("0", int(scale)-len(frac))
	var v int64
	for _, c := range whole + frac {
		d := int64(c - '0')
		if v > (math.MaxInt64-d)/10 {
			return 0, fmt.Errorf("amount %q overflows", s)
		}
		v = v*10 + d
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

// FormatAmount writes minor units as a decimal with scale places ("12.34" for 1234 at scale
// 2). It is ParseAmount's inverse, kept here so that the SDK links no module code (the money
// package, below the modules, is to take both).
func FormatAmount(v int64, scale uint32) string {
	sign := ""
	u := uint64(v)
	if v < 0 {
		sign, u = "-", -u
	}
	s := fmt.Sprintf("%0*d", int(scale)+1, u)
	if scale == 0 {
		return sign + s
	}
	cut := len(s) - int(scale)
	return sign + s[:cut] + "." + s[cut:]
}
