package lending

import (
	"errors"
	"testing"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/credit/scorecard"
)

// FuzzCompileRule: any text given as an approval rule either compiles (and then evaluates on
// any facts without panicking, deciding or not) or is refused with lending.bad_rule.
func FuzzCompileRule(f *testing.F) {
	for _, seed := range []string{"amount <= 500000 && kyc_level >= 2", "amount / periods > 10", "true",
		"[1,2].all(x, x > amount)", "exposure + amount < 9223372036854775807", "max_dpd == 0 ? loans_completed > 0 : false",
		"amount >", "\"text\"", "", "size('abc') > 1"} {
		f.Add(seed, int64(100_000), int64(12), int64(2))
	}
	f.Fuzz(func(t *testing.T, src string, amount, periods, kyc int64) {
		prg, err := compileRule(src)
		if err != nil {
			var e *tx.Error
			if !errors.As(err, &e) || !errors.Is(err, ErrBadRule) {
				t.Fatalf("rule %q: error %v is not lending.bad_rule", src, err)
			}
			return
		}
		if prg == nil {
			t.Fatal("compiled without a program")
		}
		assessed := assessedAll(kyc)
		assessed[scorecard.FactExposure] = amount
		_, _, _ = evalRule(src, Facts{Amount: amount, Periods: periods, Assessed: assessed})
	})
}

// assessedAll is an assessment with every fact set to v.
func assessedAll(v int64) map[string]int64 {
	m := map[string]int64{}
	for _, name := range scorecard.Facts() {
		m[name] = v
	}
	return m
}
