package money

import (
	"math"

	"github.com/puhui-chain/puhui/tx"
)

// Errors of amounts (codespace "amount"). Codes 1 and 2 predate this package (x/core
// registered them) and are part of consensus: they keep their numbers and names.
var (
	ErrNonPositive = tx.Register("amount", 1, "non_positive")
	ErrOverflow    = tx.Register("amount", 2, "overflow")
	ErrMalformed   = tx.Register("amount", 3, "malformed")
	ErrBadDivision = tx.Register("amount", 4, "bad_division") // divisor ≤ 0 or an unknown rounding mode
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
	if (b < 0 && a > math.MaxInt64+b) || (b > 0 && a < math.MinInt64+b) {
		return 0, ErrOverflow.Wrapf("%d - %d", a, b)
	}
	return a - b, nil
}

// Mul returns a×b or ErrOverflow.
func Mul(a, b int64) (int64, error) {
	if a == 0 || b == 0 {
		return 0, nil
	}
	c := a * b
	if c/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, ErrOverflow.Wrapf("%d × %d", a, b)
	}
	return c, nil
}

// Sum returns the sum of vs or ErrOverflow (the sum of nothing is 0).
func Sum(vs ...int64) (int64, error) {
	var sum int64
	for _, v := range vs {
		var err error
		if sum, err = Add(sum, v); err != nil {
			return 0, err
		}
	}
	return sum, nil
}

// Accumulator sums amounts and remembers the first overflow, so that a loop over many
// amounts checks every addition and reports once: acc.Add(x) … total, err := acc.Total().
type Accumulator struct {
	sum int64
	err error
}

// Add adds v unless an earlier addition overflowed.
func (a *Accumulator) Add(v int64) {
	if a.err == nil {
		a.sum, a.err = Add(a.sum, v)
	}
}

// Total is the sum, or the first overflow.
func (a *Accumulator) Total() (int64, error) {
	if a.err != nil {
		return 0, a.err
	}
	return a.sum, nil
}

// AddSat is a+b, stopping at the int64 bounds instead of failing: for statistics and views
// (a score's inputs, a report's totals), never for balances or anything owed.
func AddSat(a, b int64) int64 {
	s, err := Add(a, b)
	switch {
	case err == nil:
		return s
	case b > 0:
		return math.MaxInt64
	}
	return math.MinInt64
}

// MulSat is a×b, stopping at the int64 bounds instead of failing (see AddSat).
func MulSat(a, b int64) int64 {
	p, err := Mul(a, b)
	switch {
	case err == nil:
		return p
	case (a < 0) != (b < 0):
		return math.MinInt64
	}
	return math.MaxInt64
}
