package schedule_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/x/lending/schedule"
)

const fullJSON = `{"principal": "10000", "annual_rate_percent": "12", "periods": 12,
 "frequency": "months", "every": 1,
 "interest_method": "declining_balance", "amortization": "equal_installments",
 "interest_period": "same_as_repayment", "days_in_year": "365", "days_in_month": "actual",
 "rounding": "half_even", "scale": 2, "installment_multiple": "10",
 "principal_grace_periods": 0, "start_date": "2024-01-01"}`

func TestParseRequestFull(t *testing.T) {
	req, err := schedule.ParseRequest([]byte(fullJSON))
	require.NoError(t, err)
	require.Equal(t, schedule.Request{
		Principal: "10000", AnnualRatePercent: "12", Periods: 12, Frequency: "months", Every: ptr(1),
		InterestMethod: "declining_balance", Amortization: "equal_installments",
		InterestPeriod: "same_as_repayment", DaysInYear: "365", DaysInMonth: "actual",
		Rounding: "half_even", Scale: ptr(2), InstallmentMultiple: "10", StartDate: "2024-01-01",
	}, req)
	s := mustCompute(t, req)
	require.Equal(t, "890.00", s.Installments[0].Total)
}

func TestParseRequestMinimalTakesDefaults(t *testing.T) {
	req, err := schedule.ParseRequest([]byte(
		`{"principal":"10000","annual_rate_percent":"12","periods":12,"start_date":"2024-01-01"}`))
	require.NoError(t, err)
	require.Nil(t, req.Scale)
	require.Nil(t, req.Every)
	require.Equal(t, "661.86", mustCompute(t, req).TotalInterest)
}

// An explicit "every": 0 or "scale": 0 is not the same as omitting it.
func TestParseRequestExplicitZeroes(t *testing.T) {
	req, err := schedule.ParseRequest([]byte(
		`{"principal":"10000","annual_rate_percent":"12","periods":12,"start_date":"2024-01-01","every":0}`))
	require.NoError(t, err)
	_, err = schedule.Compute(req)
	requireFieldError(t, err, "every")

	req, err = schedule.ParseRequest([]byte(
		`{"principal":"10000","annual_rate_percent":"12","periods":12,"start_date":"2024-01-01","scale":0}`))
	require.NoError(t, err)
	require.Equal(t, "10000", mustCompute(t, req).TotalPrincipal)
}

func TestParseRequestErrors(t *testing.T) {
	ok := `"principal":"1","annual_rate_percent":"1","periods":1,"start_date":"2024-01-01"`
	cases := []struct{ name, body, field string }{
		{"number for amount", `{"principal":10000}`, "principal"},
		{"string for periods", `{"periods":"12"}`, "periods"},
		{"fraction for periods", `{"periods":1.5}`, "periods"},
		{"huge periods", `{"periods":1e400}`, "periods"},
		{"bool for scale", `{"scale":true}`, "scale"},
		{"object for every", `{"every":{}}`, "every"},
		{"number for days_in_year", `{"days_in_year":365}`, "days_in_year"},
		{"unknown field", `{` + ok + `,"fee":"1"}`, "fee"},
		{"field in other case", `{"PRINCIPAL":"1"}`, "PRINCIPAL"},
		{"repeated field", `{` + ok + `,"periods":2}`, "periods"},
		{"not an object", `[1,2]`, "request"},
		{"null", `null`, "request"},
		{"empty", ``, "request"},
		{"truncated", `{"principal":"1"`, "request"},
		{"syntax", `{"principal":}`, "request"},
		{"trailing data", `{` + ok + `} {}`, "request"},
		{"too large", `{"principal":"` + strings.Repeat("1", schedule.MaxRequestBytes) + `"}`, "request"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := schedule.ParseRequest([]byte(c.body))
			requireFieldError(t, err, c.field)
		})
	}
}

// FuzzParseRequest: decoding never panics; whatever it accepts, Compute either schedules
// with every invariant intact or rejects with a *FieldError — never an internal error.
func FuzzParseRequest(f *testing.F) {
	for _, seed := range []string{
		fullJSON,
		`{"principal":"10000","annual_rate_percent":"12","periods":12,"start_date":"2024-01-01"}`,
		`{"principal":"10000","annual_rate_percent":"12","periods":12,"interest_method":"flat","start_date":"2024-01-01"}`,
		`{"principal":"12000","annual_rate_percent":"12","periods":6,"amortization":"equal_principal","start_date":"2024-01-01"}`,
		`{"principal":"5000","annual_rate_percent":"26","periods":20,"frequency":"weeks","start_date":"2024-01-01"}`,
		`{"principal":"0.05","annual_rate_percent":"999.5","periods":7,"rounding":"up","principal_grace_periods":3,"start_date":"2024-01-31"}`,
		`{"principal":"1234.5","annual_rate_percent":"7.25","periods":30,"frequency":"days","every":7,"interest_period":"daily","days_in_year":"actual","scale":3,"start_date":"2023-12-31"}`,
		`{"principal":"9.223372036854775807","annual_rate_percent":"1000","periods":1200,"scale":18,"start_date":"2000-02-29"}`,
		`{"principal":"1","periods":-1}`, `[]`, `{"x":1}`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := schedule.ParseRequest(data)
		if err != nil {
			var fe *schedule.FieldError
			require.True(t, errors.As(err, &fe), "ParseRequest: %T %v", err, err)
			return
		}
		s, err := schedule.Compute(req)
		if err != nil {
			require.NotErrorIs(t, err, schedule.ErrInternal)
			var fe *schedule.FieldError
			require.True(t, errors.As(err, &fe), "Compute: %T %v", err, err)
			return
		}
		requireInvariants(t, req, s)
	})
}
