package schedule

import (
	"fmt"
	"testing"
	"time"
)

func TestDbgSweep(t *testing.T) {
	e := func(v int) *int { return &v }
	var worst time.Duration
	for _, p := range []string{"0.000000000000000001", "1", "9.223372036854775807", "0.01"} {
		for _, rate := range []string{"1000", "0.0000000001", "12"} {
			for _, m := range []string{"flat", "declining_balance"} {
				for _, a := range []string{"equal_installments", "equal_principal"} {
					for _, ip := range []string{"daily", "same_as_repayment"} {
						for _, g := range []int{0, 600, 1199} {
							for _, rnd := range []string{"up", "down", "half_even"} {
								for _, f := range []string{"days", "weeks", "months"} {
									r := Request{Principal: p, AnnualRatePercent: rate, Periods: 1200, Every: e(365), Frequency: f, InterestMethod: m, Amortization: a, InterestPeriod: ip, PrincipalGracePeriods: g, Rounding: rnd, Scale: e(18), StartDate: "2000-01-01"}
									if f != "days" {
										r.Every = e(1)
									}
									t0 := time.Now()
									s, err := Compute(r)
									d := time.Since(t0)
									if err != nil {
										fmt.Println("ERR", err, r)
									}
									if d > worst {
										worst = d
										if err == nil {
											fmt.Println(d, s.APRPercent, r)
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
}
