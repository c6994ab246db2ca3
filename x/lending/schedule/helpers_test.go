package schedule_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/cockroachdb/apd/v3"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/x/lending/schedule"
)

func ptr(v int) *int { return &v }

// base is golden schedule A; tests copy and adjust it.
func base() schedule.Request {
	return schedule.Request{
		Principal: "10000", AnnualRatePercent: "12", Periods: 12, StartDate: "2024-01-01",
	}
}

func mustCompute(t testing.TB, req schedule.Request) *schedule.Schedule {
	t.Helper()
	s, err := schedule.Compute(req)
	require.NoError(t, err)
	return s
}

// row is the JSON-visible part of an instalment.
type row struct{ principal, interest, total, balance string }

func rowOf(in schedule.Installment) row {
	return row{in.Principal, in.Interest, in.Total, in.Balance}
}

// requireFieldError asserts err is a *FieldError naming field.
func requireFieldError(t testing.TB, err error, field string) {
	t.Helper()
	var fe *schedule.FieldError
	require.Error(t, err)
	require.True(t, errors.As(err, &fe), "want *FieldError, got %T: %v", err, err)
	require.Equal(t, field, fe.Field, "error: %v", err)
	require.True(t, strings.HasPrefix(err.Error(), field+": "), err.Error())
}

// minorOf reads a decimal string as minor units at scale, independently of the package.
func minorOf(t testing.TB, s string, scale int) int64 {
	t.Helper()
	d, _, err := apd.NewFromString(s)
	require.NoError(t, err, s)
	c := apd.BaseContext.WithPrecision(60)
	var q apd.Decimal
	cond, err := c.Quantize(&q, d, int32(-scale))
	require.NoError(t, err)
	require.False(t, cond.Inexact(), "%s has more than %d decimals", s, scale)
	require.True(t, q.Coeff.IsInt64())
	v := q.Coeff.Int64()
	if q.Negative {
		v = -v
	}
	return v
}

// requireInvariants checks, from the outside, what every schedule must satisfy.
func requireInvariants(t testing.TB, req schedule.Request, s *schedule.Schedule) {
	t.Helper()
	scale := 2
	if req.Scale != nil {
		scale = *req.Scale
	}
	require.Equal(t, scale, s.Scale)
	p := minorOf(t, req.Principal, scale)
	require.Len(t, s.Installments, req.Periods)
	bal := p
	var sumP, sumI int64
	for k, in := range s.Installments {
		require.Equal(t, k+1, in.N)
		require.GreaterOrEqual(t, in.PrincipalMinor, int64(0), "row %d", in.N)
		require.GreaterOrEqual(t, in.InterestMinor, int64(0), "row %d", in.N)
		require.Equal(t, in.PrincipalMinor+in.InterestMinor, in.TotalMinor, "row %d: total", in.N)
		bal -= in.PrincipalMinor
		require.Equal(t, bal, in.BalanceMinor, "row %d: balance", in.N)
		require.GreaterOrEqual(t, in.BalanceMinor, int64(0), "row %d: negative balance", in.N)
		if k < req.PrincipalGracePeriods {
			require.Zero(t, in.PrincipalMinor, "row %d in principal grace", in.N)
		}
		requireAmount(t, in.Principal, in.PrincipalMinor, scale)
		requireAmount(t, in.Interest, in.InterestMinor, scale)
		requireAmount(t, in.Total, in.TotalMinor, scale)
		requireAmount(t, in.Balance, in.BalanceMinor, scale)
		require.Equal(t, in.DueAt.Format("2006-01-02"), in.DueDate)
		if k > 0 {
			require.True(t, in.DueAt.After(s.Installments[k-1].DueAt), "row %d: due date", in.N)
		}
		sumP += in.PrincipalMinor
		sumI += in.InterestMinor
	}
	require.Equal(t, p, sumP, "Σ principal = P")
	require.Zero(t, bal, "final balance")
	require.Equal(t, sumP, s.TotalPrincipalMinor)
	require.Equal(t, sumI, s.TotalInterestMinor)
	requireAmount(t, s.TotalPrincipal, sumP, scale)
	requireAmount(t, s.TotalInterest, sumI, scale)
	requireAmount(t, s.APRPercent, minorOf(t, s.APRPercent, 2), 2)
	require.False(t, strings.HasPrefix(s.APRPercent, "-"), "APR %s", s.APRPercent)
}

// requireAmount checks the string has exactly scale decimals and says minor.
func requireAmount(t testing.TB, s string, minor int64, scale int) {
	t.Helper()
	if scale == 0 {
		require.NotContains(t, s, ".")
	} else {
		dot := strings.IndexByte(s, '.')
		require.Positive(t, dot, s)
		require.Len(t, s[dot+1:], scale, s)
	}
	require.Equal(t, minor, minorOf(t, s, scale), s)
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
