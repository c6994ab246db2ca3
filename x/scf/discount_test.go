package scf_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/x/scf"
)

// The quote, field for field: 300,000.00 at 3.6% from 2025-10-02 to 2025-12-31 on a
// 360-day basis is 90 days, 2,700.00 interest, 297,300.00 proceeds.
func TestQuoteWorkedExample(t *testing.T) {
	q, err := scf.Quote([]byte(`{"face":"300000.00","annual_rate_percent":"3.6","start_date":"2025-10-02",
		"maturity_date":"2025-12-31","day_count_basis":360}`))
	require.NoError(t, err)
	b, err := json.Marshal(q)
	require.NoError(t, err)
	require.JSONEq(t, `{"days":90,"interest":"2700.00","proceeds":"297300.00"}`, string(b))
}

func TestDiscountRules(t *testing.T) {
	day := func(s string) int64 {
		q, err := scf.Quote([]byte(`{"face":"1.00","annual_rate_percent":"1","start_date":"1970-01-01","maturity_date":"` + s + `"}`))
		require.NoError(t, err)
		return q.Days
	}
	oct2, dec31 := day("2025-10-02"), day("2025-12-31")
	cases := []struct {
		name                 string
		face, rate, basis    int64
		start, maturity      int64
		days, interest, proc int64
	}{
		{"worked example, basis 360", 300_000_00, 3_600_000, 360, oct2, dec31, 90, 2_700_00, 297_300_00},
		{"basis 365 when named", 300_000_00, 3_600_000, 365, oct2, dec31, 90, 2_663_01, 297_336_99},
		{"one day: first counted, last not", 100_000_00, 3_600_000, 360, dec31 - 1, dec31, 1, 10_00, 99_990_00},
		// 1.00 × 1% × 1 ÷ 360 = 0.0000277… rounds to 0 minor units.
		{"rounds half-even to minor units", 100, 1_000_000, 360, dec31 - 1, dec31, 1, 0, 100},
	}
	for _, tc := range cases {
		d, err := scf.Discounted(tc.face, tc.rate, tc.basis, tc.start, tc.maturity)
		require.NoError(t, err, tc.name)
		require.Equal(t, scf.Discount{Days: tc.days, Interest: tc.interest, Proceeds: tc.proc}, d, tc.name)
	}
	_, err := scf.Discounted(100, 1_000_000, 360, dec31, dec31)
	require.ErrorIs(t, err, scf.ErrMatured, "no financing on the maturity date")
	_, err = scf.Discounted(100, 1_000_000, 360, dec31+1, dec31)
	require.ErrorIs(t, err, scf.ErrMatured, "nor after it")
}

func TestQuoteRefusesBadRequests(t *testing.T) {
	for _, req := range []string{
		`{"face":"300000.00","annual_rate_percent":"-1","start_date":"2025-10-02","maturity_date":"2025-12-31"}`,
		`{"face":"300000.00","annual_rate_percent":"101","start_date":"2025-10-02","maturity_date":"2025-12-31"}`,
		`{"face":"300000.00","annual_rate_percent":"3.6","start_date":"2025-10-02","maturity_date":"2025-12-31","day_count_basis":364}`,
		`{"face":"300000.00","annual_rate_percent":"3.6","start_date":"2025-12-31","maturity_date":"2025-12-31"}`,
		`{"face":"-5","annual_rate_percent":"3.6","start_date":"2025-10-02","maturity_date":"2025-12-31"}`,
		`{"face":"300000.00","annual_rate_percent":"3.6","start_date":"2025-10-02","maturity_date":"2025-12-31","extra":1}`,
		`{"face":"300000.00","annual_rate_percent":"3.6","start_date":"02/10/2025","maturity_date":"2025-12-31"}`,
		`{"face":1,"annual_rate_percent":"3.6"}`,
	} {
		_, err := scf.Quote([]byte(req))
		require.Error(t, err, req)
	}
}

// ProRata: shares add exactly to the amount, none exceeds its weight's due, and each is
// within one minor unit of the exact proportion.
func TestProRataAddsUp(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		weights := rapid.SliceOfN(rapid.Int64Range(1, 1e12), 1, 30).Draw(t, "weights")
		total, err := money.Sum(weights...)
		if err != nil {
			t.Skip()
		}
		amount := rapid.Int64Range(0, total).Draw(t, "amount")
		shares, err := scf.ProRata(amount, weights)
		require.NoError(t, err)
		sum, err := money.Sum(shares...)
		require.NoError(t, err)
		require.Equal(t, amount, sum)
		for i, s := range shares {
			require.LessOrEqual(t, s, weights[i])
			floor, err := money.MulDiv(amount, weights[i], total, money.RoundingFloor)
			require.NoError(t, err)
			require.Contains(t, []int64{floor, floor + 1}, s)
		}
	})
	shares, err := scf.ProRata(600_000_00, []int64{700_000_00, 300_000_00})
	require.NoError(t, err)
	require.Equal(t, []int64{420_000_00, 180_000_00}, shares)
	shares, err = scf.ProRata(100, []int64{1, 1, 1})
	require.NoError(t, err)
	require.Equal(t, []int64{34, 33, 33}, shares, "remainder ties go to the earlier part")
}

// FuzzQuote: the quote decoder never panics, and an answer it gives adds up.
func FuzzQuote(f *testing.F) {
	f.Add([]byte(`{"face":"300000.00","annual_rate_percent":"3.6","start_date":"2025-10-02","maturity_date":"2025-12-31","day_count_basis":360}`))
	f.Add([]byte(`{"face":"1","annual_rate_percent":"100","start_date":"2025-01-01","maturity_date":"2026-01-01","day_count_basis":365}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := scf.Quote(data)
		if err != nil {
			return
		}
		require.Positive(t, q.Days)
		var req struct{ Face string }
		require.NoError(t, json.Unmarshal(data, &req))
		scale := uint32(len(q.Interest) - 1 - indexDot(q.Interest))
		face, err1 := money.ParseAmount(req.Face, scale)
		interest, err2 := money.ParseAmount(q.Interest, scale)
		proceeds, err3 := money.ParseAmount(q.Proceeds, scale)
		require.NoError(t, err1)
		require.NoError(t, err2)
		require.NoError(t, err3)
		require.Equal(t, face, interest+proceeds)
		require.GreaterOrEqual(t, interest, int64(0))
	})
}

func indexDot(s string) int {
	for i := range s {
		if s[i] == '.' {
			return i
		}
	}
	return len(s) - 1
}
