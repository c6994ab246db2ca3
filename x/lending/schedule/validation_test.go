package schedule_test

import (
	"testing"

	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// invalidCases edit golden request A into an invalid one and name the field to blame.
var invalidCases = []struct {
	name  string
	field string
	edit  func(*schedule.Request)
}{
	{"principal missing", "principal", func(r *schedule.Request) { r.Principal = "" }},
	{"principal zero", "principal", func(r *schedule.Request) { r.Principal = "0" }},
	{"principal negative", "principal", func(r *schedule.Request) { r.Principal = "-5" }},
	{"principal not decimal", "principal", func(r *schedule.Request) { r.Principal = "ten" }},
	{"principal exponent", "principal", func(r *schedule.Request) { r.Principal = "1e4" }},
	{"principal space", "principal", func(r *schedule.Request) { r.Principal = " 100" }},
	{"principal NaN", "principal", func(r *schedule.Request) { r.Principal = "NaN" }},
	{"principal too many decimals", "principal", func(r *schedule.Request) { r.Principal = "10.005" }},
	{"principal decimals at scale 0", "principal", func(r *schedule.Request) { r.Principal, r.Scale = "1.5", ptr(0) }},
	{"principal overflows int64 minor", "principal", func(r *schedule.Request) { r.Principal = "92233720368547758.08" }},
	{"principal overflows at scale 18", "principal", func(r *schedule.Request) { r.Principal, r.Scale = "10", ptr(18) }},
	{"principal too long", "principal", func(r *schedule.Request) { r.Principal = "10000000000000000000000000000000000000000" }},
	{"amounts overflow with interest", "principal", func(r *schedule.Request) {
		r.Principal, r.AnnualRatePercent = "90000000000000000", "1000"
	}},
	{"rate missing", "annual_rate_percent", func(r *schedule.Request) { r.AnnualRatePercent = "" }},
	{"rate negative", "annual_rate_percent", func(r *schedule.Request) { r.AnnualRatePercent = "-1" }},
	{"rate above bound", "annual_rate_percent", func(r *schedule.Request) { r.AnnualRatePercent = "1000.01" }},
	{"rate not decimal", "annual_rate_percent", func(r *schedule.Request) { r.AnnualRatePercent = "12%" }},
	{"rate too many decimals", "annual_rate_percent", func(r *schedule.Request) { r.AnnualRatePercent = "12.00000000001" }},
	{"periods zero", "periods", func(r *schedule.Request) { r.Periods = 0 }},
	{"periods negative", "periods", func(r *schedule.Request) { r.Periods = -3 }},
	{"periods above 1200", "periods", func(r *schedule.Request) { r.Periods = 1201 }},
	{"every zero", "every", func(r *schedule.Request) { r.Every = ptr(0) }},
	{"every above 365", "every", func(r *schedule.Request) { r.Every = ptr(366) }},
	{"frequency unknown", "frequency", func(r *schedule.Request) { r.Frequency = "years" }},
	{"frequency wrong case", "frequency", func(r *schedule.Request) { r.Frequency = "Months" }},
	{"interest_method unknown", "interest_method", func(r *schedule.Request) { r.InterestMethod = "compound" }},
	{"amortization unknown", "amortization", func(r *schedule.Request) { r.Amortization = "balloon" }},
	{"interest_period unknown", "interest_period", func(r *schedule.Request) { r.InterestPeriod = "weekly" }},
	{"days_in_year unknown", "days_in_year", func(r *schedule.Request) { r.DaysInYear = "364" }},
	{"days_in_month unknown", "days_in_month", func(r *schedule.Request) { r.DaysInMonth = "31" }},
	{"rounding unknown", "rounding", func(r *schedule.Request) { r.Rounding = "half_down" }},
	{"rounding wrong case", "rounding", func(r *schedule.Request) { r.Rounding = "HALF_EVEN" }},
	{"scale negative", "scale", func(r *schedule.Request) { r.Scale = ptr(-1) }},
	{"scale above 18", "scale", func(r *schedule.Request) { r.Scale = ptr(19) }},
	{"grace negative", "principal_grace_periods", func(r *schedule.Request) { r.PrincipalGracePeriods = -1 }},
	{"grace equals periods", "principal_grace_periods", func(r *schedule.Request) { r.PrincipalGracePeriods = 12 }},
	{"multiple zero", "installment_multiple", func(r *schedule.Request) { r.InstallmentMultiple = "0" }},
	{"multiple negative", "installment_multiple", func(r *schedule.Request) { r.InstallmentMultiple = "-10" }},
	{"multiple not decimal", "installment_multiple", func(r *schedule.Request) { r.InstallmentMultiple = "ten" }},
	{"multiple finer than scale", "installment_multiple", func(r *schedule.Request) { r.InstallmentMultiple = "0.001" }},
	{"multiple with flat", "installment_multiple", func(r *schedule.Request) {
		r.InstallmentMultiple, r.InterestMethod = "10", schedule.MethodFlat
	}},
	{"multiple with equal principal", "installment_multiple", func(r *schedule.Request) {
		r.InstallmentMultiple, r.Amortization = "10", schedule.AmortizationEqualPrincipal
	}},
	{"start_date missing", "start_date", func(r *schedule.Request) { r.StartDate = "" }},
	{"start_date unpadded", "start_date", func(r *schedule.Request) { r.StartDate = "2024-1-1" }},
	{"start_date impossible", "start_date", func(r *schedule.Request) { r.StartDate = "2023-02-29" }},
	{"start_date other format", "start_date", func(r *schedule.Request) { r.StartDate = "01/02/2024" }},
	{"start_date with time", "start_date", func(r *schedule.Request) { r.StartDate = "2024-01-01T00:00:00Z" }},
	{"horizon past 9999", "periods", func(r *schedule.Request) {
		r.StartDate, r.Periods, r.Every = "9990-01-01", 20, ptr(12)
	}},
}

// Every invalid request is a *FieldError naming the field the caller must fix.
func TestInvalidRequests(t *testing.T) {
	for _, c := range invalidCases {
		t.Run(c.name, func(t *testing.T) {
			req := base()
			c.edit(&req)
			s, err := schedule.Compute(req)
			requireFieldError(t, err, c.field)
			if s != nil {
				t.Fatalf("schedule returned with error %v", err)
			}
		})
	}
}

// The bounds themselves are accepted.
func TestBoundaryValuesAccepted(t *testing.T) {
	for _, edit := range []func(*schedule.Request){
		func(r *schedule.Request) { r.Periods = 1200 },
		func(r *schedule.Request) { r.Every = ptr(365); r.Frequency = schedule.FrequencyDays },
		func(r *schedule.Request) { r.AnnualRatePercent = "1000" },
		func(r *schedule.Request) { r.AnnualRatePercent = "12.0000000001" },
		func(r *schedule.Request) { r.PrincipalGracePeriods = 11 },
		func(r *schedule.Request) { r.Scale, r.Principal = ptr(18), "9.223372036854775807" },
		func(r *schedule.Request) { r.Principal = "10000.000" }, // trailing zeros are not decimals
		func(r *schedule.Request) { r.Principal = "92233720368547758.07"; r.AnnualRatePercent = "0" },
	} {
		req := base()
		edit(&req)
		requireInvariants(t, req, mustCompute(t, req))
	}
}
