package trust

import (
	"cel.dev/cel-go/cel"

	"github.com/puhui-chain/puhui/x/cond"
)

// Bounds of a distribution condition: the estimated worst-case cost is checked when the
// trust is created; the runtime limit is a second guard.
const (
	MaxConditionBytes = 1024
	MaxConditionCost  = 1000
)

// conditionFacts are what a distribution condition may read, all integers taken from the
// chain at the moment the payment falls due (amounts in minor units of the trust's asset):
//
//	balance                the trust account's balance
//	amount                 the monthly amount
//	month                  the number of this month of the distribution (1 for the first)
//	beneficiary_kyc_level  the beneficiary's effective KYC level (0..3)
//	beneficiary_balance    the beneficiary's own balance of the asset
//	business_year          the business date's year
//	business_month         the business date's month (1..12)
var conditionFacts = []string{"balance", "amount", "month", "beneficiary_kyc_level", "beneficiary_balance",
	"business_year", "business_month"}

// conditions is the distribution conditions' kind of condition.
var conditions = &cond.Env{Facts: conditionFacts, MaxBytes: MaxConditionBytes, MaxCost: MaxConditionCost}

// compileCondition type-checks a condition (a bool over the facts) and bounds its cost.
func compileCondition(src string) (cel.Program, error) {
	p, err := conditions.Compile(src)
	if err != nil {
		return nil, ErrBadCondition.Wrapf("condition: %v", err)
	}
	return p, nil
}

// evalCondition decides whether a payment is made. A condition that errs at run time
// (division by zero on these facts) does not pay: the payment is skipped, like a false one,
// and the reason says so.
func evalCondition(src string, facts map[string]int64) (bool, string) {
	prg, err := conditions.Program(src)
	if err != nil {
		return false, "condition no longer compiles"
	}
	act := make(map[string]any, len(facts))
	for k, v := range facts {
		act[k] = v
	}
	pay, err := cond.Eval(prg, act)
	switch {
	case err != nil:
		return false, "condition " + err.Error()
	case !pay:
		return false, "condition false"
	}
	return true, ""
}
