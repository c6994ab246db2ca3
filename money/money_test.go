package money

import (
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestCheckedArithmetic(t *testing.T) {
	ok := func(v int64, err error) int64 { require.NoError(t, err); return v }
	require.Equal(t, int64(5), ok(Add(2, 3)))
	require.Equal(t, int64(math.MaxInt64), ok(Add(math.MaxInt64-1, 1)))
	require.Equal(t, int64(math.MinInt64), ok(Sub(math.MinInt64+1, 1)))
	require.Equal(t, int64(math.MaxInt64), ok(Sub(-1, math.MinInt64)))
	require.Equal(t, int64(-6), ok(Mul(2, -3)))
	require.Equal(t, int64(0), ok(Mul(0, math.MinInt64)))
	require.Equal(t, int64(6), ok(Sum(1, 2, 3)))
	require.Equal(t, int64(0), ok(Sum()))
	for _, f := range []func() (int64, error){
		func() (int64, error) { return Add(math.MaxInt64, 1) },
		func() (int64, error) { return Add(math.MinInt64, -1) },
		func() (int64, error) { return Sub(math.MinInt64, 1) },
		func() (int64, error) { return Sub(0, math.MinInt64) },
		func() (int64, error) { return Sub(math.MaxInt64, -1) },
		func() (int64, error) { return Mul(math.MaxInt64, 2) },
		func() (int64, error) { return Mul(-1, math.MinInt64) },
		func() (int64, error) { return Mul(math.MinInt64, -1) },
		func() (int64, error) { return Mul(1<<32, 1<<31) },
		func() (int64, error) { return Sum(math.MaxInt64, 1, -1) },
	} {
		_, err := f()
		require.ErrorIs(t, err, ErrOverflow)
	}
	var acc Accumulator
	acc.Add(math.MaxInt64)
	acc.Add(1)
	acc.Add(-5)
	_, err := acc.Total()
	require.ErrorIs(t, err, ErrOverflow)
	require.Equal(t, int64(math.MaxInt64), AddSat(math.MaxInt64, 1))
	require.Equal(t, int64(math.MinInt64), AddSat(math.MinInt64, -1))
	require.Equal(t, int64(3), AddSat(1, 2))
	require.Equal(t, int64(math.MaxInt64), MulSat(math.MinInt64, -1))
	require.Equal(t, int64(math.MinInt64), MulSat(math.MaxInt64, -2))
	require.Equal(t, int64(-6), MulSat(-2, 3))
	require.ErrorIs(t, CheckPositive("amount", 0), ErrNonPositive)
	require.NoError(t, CheckPositive("amount", 1))
}

// The codes are part of consensus: they must not move.
func TestErrorCodes(t *testing.T) {
	require.Equal(t, "amount.non_positive", ErrNonPositive.ID())
	require.Equal(t, uint32(1), ErrNonPositive.Code)
	require.Equal(t, "amount.overflow", ErrOverflow.ID())
	require.Equal(t, uint32(2), ErrOverflow.Code)
}

func TestDivRoundingModes(t *testing.T) {
	// n/d for each mode: 12.345 → scale 2 (1234.5), an exact half; 1234.6, 1234.4; negatives.
	cases := []struct {
		n, d                                       int64
		halfEven, halfUp, down, up, ceiling, floor int64
	}{
		{12345, 10, 1234, 1235, 1234, 1235, 1235, 1234},
		{12355, 10, 1236, 1236, 1235, 1236, 1236, 1235},
		{12346, 10, 1235, 1235, 1234, 1235, 1235, 1234},
		{12344, 10, 1234, 1234, 1234, 1235, 1235, 1234},
		{-12345, 10, -1234, -1235, -1234, -1235, -1234, -1235},
		{-12346, 10, -1235, -1235, -1234, -1235, -1234, -1235},
		{12340, 10, 1234, 1234, 1234, 1234, 1234, 1234},
		{1, 3, 0, 0, 0, 1, 1, 0},
		{-1, 3, 0, 0, 0, -1, 0, -1},
		{math.MinInt64, 2, math.MinInt64 / 2, math.MinInt64 / 2, math.MinInt64 / 2, math.MinInt64 / 2, math.MinInt64 / 2, math.MinInt64 / 2},
	}
	for _, c := range cases {
		for mode, want := range map[string]int64{"": c.halfEven, RoundingHalfEven: c.halfEven, RoundingHalfUp: c.halfUp,
			RoundingDown: c.down, RoundingUp: c.up, RoundingCeiling: c.ceiling, RoundingFloor: c.floor} {
			got, err := Div(c.n, c.d, mode)
			require.NoError(t, err)
			require.Equal(t, want, got, "%d / %d %s", c.n, c.d, mode)
			big, err := QuoBig(big.NewInt(c.n), big.NewInt(c.d), mode)
			require.NoError(t, err)
			require.Equal(t, want, big.Int64(), "big %d / %d %s", c.n, c.d, mode)
		}
	}
}

func TestMulDivErrorsNeverPanic(t *testing.T) {
	_, err := MulDiv(1, 2, 0, "")
	require.ErrorIs(t, err, ErrBadDivision)
	_, err = MulDiv(1, 2, -3, "")
	require.ErrorIs(t, err, ErrBadDivision)
	_, err = MulDiv(1, 2, 3, "sideways")
	require.ErrorIs(t, err, ErrBadDivision)
	_, err = Div(6, 3, "sideways") // exact, still an unknown mode
	require.ErrorIs(t, err, ErrBadDivision)
	_, err = MulDiv(math.MaxInt64, math.MaxInt64, 2, "")
	require.ErrorIs(t, err, ErrOverflow)
	_, err = MulMod(1, 1, 0)
	require.ErrorIs(t, err, ErrBadDivision)
	// The product outgrows int64, the quotient does not: exact.
	v, err := MulDiv(math.MaxInt64, 10_000, 10_000, RoundingHalfEven)
	require.NoError(t, err)
	require.Equal(t, int64(math.MaxInt64), v)
	v, err = MulDiv(4_000_000_000_000_000_000, 3, 7, RoundingUp)
	require.NoError(t, err)
	require.Equal(t, int64(1_714_285_714_285_714_286), v)
	r, err := MulMod(math.MaxInt64, 3, 10)
	require.NoError(t, err)
	require.Equal(t, int64(1), r) // 27670116110564327421 mod 10
	require.NoError(t, CheckRounding(""))
	for _, m := range Roundings {
		require.NoError(t, CheckRounding(m))
	}
}

// MulDiv's int64 path and its big-integer path round alike, for every mode and sign.
func TestMulDivMatchesBigIntegers(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := rapid.Int64().Draw(t, "a")
		b := rapid.Int64Range(-1<<20, 1<<20).Draw(t, "b")
		c := rapid.Int64Range(1, math.MaxInt64).Draw(t, "c")
		mode := rapid.SampledFrom(append([]string{""}, Roundings...)).Draw(t, "mode")
		want, err := QuoBig(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)), big.NewInt(c), mode)
		require.NoError(t, err)
		got, err := MulDiv(a, b, c, mode)
		if !want.IsInt64() {
			require.ErrorIs(t, err, ErrOverflow)
			return
		}
		require.NoError(t, err)
		require.Equal(t, want.Int64(), got)
		// The rounded quotient is within one unit of the exact one, on the side the mode names.
		exact := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)), big.NewInt(c))
		diff := new(big.Rat).Sub(new(big.Rat).SetInt64(got), exact)
		require.True(t, diff.Cmp(big.NewRat(-1, 1)) > 0 && diff.Cmp(big.NewRat(1, 1)) < 0)
		switch mode {
		case RoundingCeiling:
			require.True(t, diff.Sign() >= 0)
		case RoundingFloor:
			require.True(t, diff.Sign() <= 0)
		}
	})
}
