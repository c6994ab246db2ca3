package schedule

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"

	"github.com/cockroachdb/apd/v3"

	"github.com/puhui-chain/puhui/money"
)

// workPrecision is the precision of every step that cannot be exact (periodic rate, annuity
// factor, IRR). The design asks for at least 34 digits; 60 also leaves the exact products of
// the largest valid inputs (about 45 digits: a 19-digit balance × a 14-digit rate × day
// counts) unrounded, and the exact helpers below check that rather than assume it.
const workPrecision = 60

// work is the shared context. Rounding here only matters for the inexact steps; every
// money rounding goes through roundInt with the request's own mode.
var work = apd.Context{
	Precision:   workPrecision,
	MaxExponent: apd.MaxExponent,
	MinExponent: apd.MinExponent,
	Traps:       apd.DefaultTraps,
	Rounding:    apd.RoundHalfEven,
}

// errOverflow means an amount does not fit int64 minor units; Compute reports it as a
// FieldError on principal because only a huge principal (with a high rate) can cause it.
var errOverflow = errors.New("amount exceeds int64 minor units")

// maxDecimalLen bounds decimal strings so parsing and products stay small and bounded.
const maxDecimalLen = 40

// decimalSyntax is plain notation only: no exponent, NaN, Infinity, '+', spaces or bare
// points, so each value has few spellings and a client cannot smuggle in 1e999999.
var decimalSyntax = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

func dec(v int64) *apd.Decimal { return apd.New(v, 0) }

// parseDecimal parses a plain decimal string and reduces it (trailing zeros dropped, -0 made
// 0), so the decimal-place checks are about the value, not its spelling.
func parseDecimal(field, s string) (*apd.Decimal, error) {
	if s == "" {
		return nil, fieldErr(field, "required")
	}
	if len(s) > maxDecimalLen {
		return nil, fieldErr(field, fmt.Sprintf("longer than %d characters", maxDecimalLen))
	}
	if !decimalSyntax.MatchString(s) {
		return nil, fieldErr(field, `must be a decimal number like "1234.56"`)
	}
	d, _, err := apd.NewFromString(s)
	if err != nil {
		return nil, fieldErr(field, "must be a decimal number")
	}
	d.Reduce(d)
	if d.IsZero() {
		d.SetInt64(0)
	}
	return d, nil
}

// decimalPlaces is the number of digits after the point of a reduced decimal.
func decimalPlaces(d *apd.Decimal) int {
	if d.Exponent >= 0 {
		return 0
	}
	return int(-d.Exponent)
}

// toMinor converts a decimal with at most scale places to int64 minor units.
func toMinor(d *apd.Decimal, scale int) (int64, error) {
	var q apd.Decimal
	cond, err := work.Quantize(&q, d, int32(-scale))
	if err != nil || cond.Inexact() {
		return 0, errOverflow
	}
	q.Exponent = 0 // q is now the coefficient: the amount in minor units
	return toInt64(&q)
}

// toInt64 converts an integral decimal (exponent 0) to int64.
func toInt64(d *apd.Decimal) (int64, error) {
	if d.Form != apd.Finite || d.Exponent != 0 {
		return 0, fmt.Errorf("%w: not an integral decimal: %s", ErrInternal, d)
	}
	if !d.Coeff.IsInt64() {
		return 0, errOverflow
	}
	v := d.Coeff.Int64()
	if d.Negative {
		v = -v
	}
	return v, nil
}

// mulExact multiplies the factors and fails if anything was rounded: money products must be
// exact before their single, explicit rounding.
func mulExact(factors ...*apd.Decimal) (*apd.Decimal, error) {
	out := dec(1)
	for _, f := range factors {
		cond, err := work.Mul(out, out, f)
		if err != nil || cond.Inexact() {
			return nil, fmt.Errorf("%w: inexact product", ErrInternal)
		}
	}
	return out, nil
}

// roundInt rounds x to an integer with mode. The result has exponent 0.
func roundInt(x *apd.Decimal, mode apd.Rounder) (*apd.Decimal, error) {
	c := work
	c.Rounding = mode
	var q apd.Decimal
	if _, err := c.Quantize(&q, x, 0); err != nil {
		return nil, errOverflow
	}
	if q.IsZero() {
		q.SetInt64(0) // no "-0" leaks into formatting
	}
	return &q, nil
}

// roundDiv returns num/den rounded to an integer with mode, exactly. A division can repeat
// forever (…/365), so instead of rounding a 60-digit quotient (a double rounding) it takes
// the exact integer quotient and remainder and encodes the remainder as a sticky fraction
// (.25, .5 or .75: below, at or above half) that apd's rounder then resolves. Requires
// num ≥ 0 and den > 0.
func roundDiv(num, den *apd.Decimal, mode apd.Rounder) (int64, error) {
	if num.Sign() < 0 || den.Sign() <= 0 {
		return 0, fmt.Errorf("%w: roundDiv(%s, %s)", ErrInternal, num, den)
	}
	if n, d, ok := alignedInt64(num, den); ok {
		if v, ok := roundDivInt64(n, d, mode); ok {
			return v, nil
		}
	}
	return roundDivDecimal(num, den, mode)
}

// roundDivDecimal is roundDiv in apd's arbitrary precision, for operands beyond int64.
func roundDivDecimal(num, den *apd.Decimal, mode apd.Rounder) (int64, error) {
	var q, r, twice apd.Decimal
	if _, err := work.QuoInteger(&q, num, den); err != nil {
		return 0, errOverflow
	}
	if cond, err := work.Rem(&r, num, den); err != nil || cond.Inexact() {
		return 0, fmt.Errorf("%w: remainder of %s / %s", ErrInternal, num, den)
	}
	if _, err := work.Add(&twice, &r, &r); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrInternal, err)
	}
	sticky := int64(0)
	if !r.IsZero() {
		sticky = 50 + 25*int64(twice.Cmp(den)) // 25, 50 or 75 hundredths
	}
	var x apd.Decimal
	if _, err := work.Add(&x, &q, apd.New(sticky, -2)); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrInternal, err)
	}
	rounded, err := roundInt(&x, mode)
	if err != nil {
		return 0, err
	}
	return toInt64(rounded)
}

// alignedInt64 returns n and d with n/d = num/den when both fit int64 after aligning their
// exponents: the common case (a balance times a rate of a few digits) then divides in
// machine integers, a fraction of the cost of apd's arbitrary precision.
func alignedInt64(num, den *apd.Decimal) (n, d int64, ok bool) {
	if num.Form != apd.Finite || num.Negative || !num.Coeff.IsInt64() {
		return 0, 0, false
	}
	return alignInt64(num.Coeff.Int64(), num.Exponent, den)
}

// alignInt64 is alignedInt64 for a numerator n × 10^exp.
func alignInt64(n int64, exp int32, den *apd.Decimal) (int64, int64, bool) {
	if den.Form != apd.Finite || den.Negative || !den.Coeff.IsInt64() {
		return 0, 0, false
	}
	d := den.Coeff.Int64()
	shift := int64(exp) - int64(den.Exponent)
	for ; shift > 0; shift-- {
		if n > math.MaxInt64/10 {
			return 0, 0, false
		}
		n *= 10
	}
	for ; shift < 0; shift++ {
		if d > math.MaxInt64/10 {
			return 0, 0, false
		}
		d *= 10
	}
	return n, d, d > 0 && n >= 0
}

// mulRoundDiv is roundDiv(a × f, den): the interest of a period, in machine integers when
// the product fits.
func mulRoundDiv(a int64, f, den *apd.Decimal, mode apd.Rounder) (int64, error) {
	if a >= 0 && f.Form == apd.Finite && !f.Negative && f.Coeff.IsInt64() {
		if c := f.Coeff.Int64(); c == 0 || a <= math.MaxInt64/c {
			if n, d, ok := alignInt64(a*c, f.Exponent, den); ok {
				if v, ok := roundDivInt64(n, d, mode); ok {
					return v, nil
				}
			}
		}
	}
	num, err := mulExact(dec(a), f)
	if err != nil {
		return 0, err
	}
	return roundDiv(num, den, mode)
}

// roundDivInt64 is n/d (n ≥ 0, d > 0) rounded to an integer with mode, exactly as
// roundDiv's general path rounds (money.Div). ok is false for a mode it does not know (the
// general path then decides).
func roundDivInt64(n, d int64, mode apd.Rounder) (v int64, ok bool) {
	v, err := money.Div(n, d, string(mode))
	return v, err == nil
}

// roundQuoBig is num/den (num ≥ 0, den > 0) rounded to an integer with mode, exactly.
func roundQuoBig(num, den *big.Int, mode apd.Rounder) (int64, error) {
	if num.Sign() < 0 || den.Sign() <= 0 {
		return 0, fmt.Errorf("%w: roundQuoBig(%s, %s)", ErrInternal, num, den)
	}
	q, err := money.QuoBig(num, den, string(mode))
	if err != nil {
		return 0, fmt.Errorf("%w: rounding mode %s", ErrInternal, mode)
	}
	if !q.IsInt64() {
		return 0, errOverflow
	}
	return q.Int64(), nil
}

// formatMinor renders minor units with exactly scale decimals ("0.05", "-1.20", "7").
func formatMinor(v int64, scale int) string { return money.FormatMinor(v, uint32(scale)) }

// addInt and mulInt are checked: money never wraps.
func addInt(a, b int64) (int64, error) {
	if (b > 0 && a > math.MaxInt64-b) || (b < 0 && a < math.MinInt64-b) {
		return 0, errOverflow
	}
	return a + b, nil
}

func mulInt(a, b int64) (int64, error) {
	if a == 0 || b == 0 {
		return 0, nil
	}
	c := a * b
	if c/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, errOverflow
	}
	return c, nil
}
