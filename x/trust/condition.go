package trust

import (
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
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

var (
	envOnce sync.Once
	condEnv *cel.Env
	envErr  error
)

func env() (*cel.Env, error) {
	envOnce.Do(func() {
		var opts []cel.EnvOption
		for _, n := range conditionFacts {
			opts = append(opts, cel.Variable(n, cel.IntType))
		}
		condEnv, envErr = cel.NewEnv(opts...)
	})
	return condEnv, envErr
}

type noEstimates struct{}

// The facts are plain integers, so CEL's own size and call estimates are exact enough.
func (noEstimates) EstimateSize(cost.AstNode) *cost.SizeEstimate { return nil }
func (noEstimates) EstimateCallCost(string, string, *cost.AstNode, []cost.AstNode) *cost.CallEstimate {
	return nil
}

// compileCondition type-checks a condition (a bool over the facts) and bounds its cost.
func compileCondition(src string) (cel.Program, error) {
	if len(src) > MaxConditionBytes {
		return nil, ErrBadCondition.Wrapf("condition is %d bytes, limit %d", len(src), MaxConditionBytes)
	}
	e, err := env()
	if err != nil {
		return nil, ErrBadCondition.Wrapf("environment: %v", err)
	}
	ast, iss := e.Compile(src)
	if iss.Err() != nil {
		return nil, ErrBadCondition.Wrapf("does not compile: %v", iss.Err())
	}
	if ast.OutputType() != cel.BoolType {
		return nil, ErrBadCondition.Wrapf("must be a bool, is %s", ast.OutputType())
	}
	est, err := e.EstimateCost(ast, noEstimates{})
	if err != nil {
		return nil, ErrBadCondition.Wrapf("cost: %v", err)
	}
	if est.Max > MaxConditionCost {
		return nil, ErrBadCondition.Wrapf("estimated cost %d exceeds %d", est.Max, MaxConditionCost)
	}
	prg, err := e.Program(ast, cel.CostLimit(MaxConditionCost))
	if err != nil {
		return nil, ErrBadCondition.Wrapf("%v", err)
	}
	return prg, nil
}

var (
	programsMu sync.Mutex
	programs   = map[string]cel.Program{}
)

// evalCondition decides whether a payment is made. A condition that errs at run time
// (division by zero on these facts) does not pay: the payment is skipped, like a false one,
// and the reason says so.
func evalCondition(src string, facts map[string]int64) (bool, string) {
	programsMu.Lock()
	prg, ok := programs[src]
	if !ok {
		var err error
		if prg, err = compileCondition(src); err != nil {
			programsMu.Unlock()
			return false, "condition no longer compiles"
		}
		if len(programs) > 1024 {
			programs = map[string]cel.Program{}
		}
		programs[src] = prg
	}
	programsMu.Unlock()
	act := make(map[string]any, len(facts))
	for k, v := range facts {
		act[k] = v
	}
	out, _, err := prg.Eval(act)
	if err != nil {
		return false, "condition could not decide: " + err.Error()
	}
	b, isBool := out.(types.Bool)
	if !isBool {
		return false, "condition did not return a bool"
	}
	if !b {
		return false, "condition false"
	}
	return true, ""
}
