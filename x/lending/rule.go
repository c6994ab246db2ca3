package lending

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"

	"github.com/puhui-chain/puhui/x/credit/scorecard"
)

// Bounds of an approval rule. The estimated worst-case cost is checked when the product is
// registered; the runtime limit is a second guard that can never be reached by a rule that
// passed the estimate.
const (
	MaxRuleBytes = 2048
	MaxRuleCost  = 1000
)

// Facts are what an approval rule may read about an application: the application's own
// amount and periods, the product scorecard's score, and every fact the credit module
// derives from the ledger (scorecard.Facts). Amounts are minor units.
type Facts struct {
	Amount      int64 // principal applied for
	Periods     int64
	CreditScore int64
	Assessed    map[string]int64 // every name of scorecard.Facts()
}

// factNames is the rule's vocabulary, in a fixed order (the inputs hash follows it).
var factNames = append([]string{"amount", "periods", "credit_score"}, scorecard.Facts()...)

func (f Facts) values() []int64 {
	vals := []int64{f.Amount, f.Periods, f.CreditScore}
	for _, name := range factNames[3:] {
		v, ok := f.Assessed[name]
		if !ok {
			panic("credit assessment without fact " + name) // the credit module supplies them all
		}
		vals = append(vals, v)
	}
	return vals
}

func (f Facts) activation() map[string]any {
	vals := f.values()
	m := make(map[string]any, len(vals))
	for i, name := range factNames {
		m[name] = vals[i]
	}
	return m
}

// Hash is sha256 over the facts in vocabulary order, recorded with an automatic decision.
func (f Facts) Hash() []byte {
	var b []byte
	for _, v := range f.values() {
		b = binary.BigEndian.AppendUint64(b, uint64(v))
	}
	h := sha256.Sum256(b)
	return h[:]
}

var (
	envOnce sync.Once
	ruleEnv *cel.Env
	envErr  error
)

func env() (*cel.Env, error) {
	envOnce.Do(func() {
		var opts []cel.EnvOption
		for _, name := range factNames {
			opts = append(opts, cel.Variable(name, cel.IntType))
		}
		ruleEnv, envErr = cel.NewEnv(opts...)
	})
	return ruleEnv, envErr
}

type noEstimates struct{}

// The facts are plain integers, so CEL's own size and call estimates are exact enough.
func (noEstimates) EstimateSize(cost.AstNode) *cost.SizeEstimate { return nil }
func (noEstimates) EstimateCallCost(string, string, *cost.AstNode, []cost.AstNode) *cost.CallEstimate {
	return nil
}

// compileRule type-checks a rule (it must be a bool over the facts) and bounds its cost.
func compileRule(src string) (cel.Program, error) {
	if len(src) > MaxRuleBytes {
		return nil, ErrBadRule.Wrapf("rule is %d bytes, limit %d", len(src), MaxRuleBytes)
	}
	e, err := env()
	if err != nil {
		return nil, ErrBadRule.Wrapf("environment: %v", err)
	}
	ast, iss := e.Compile(src)
	if iss.Err() != nil {
		return nil, ErrBadRule.Wrapf("does not compile: %v", iss.Err())
	}
	if ast.OutputType() != cel.BoolType {
		return nil, ErrBadRule.Wrapf("must be a bool, is %s", ast.OutputType())
	}
	est, err := e.EstimateCost(ast, noEstimates{})
	if err != nil {
		return nil, ErrBadRule.Wrapf("cost: %v", err)
	}
	if est.Max > MaxRuleCost {
		return nil, ErrBadRule.Wrapf("estimated cost %d exceeds %d", est.Max, MaxRuleCost)
	}
	prg, err := e.Program(ast, cel.CostLimit(MaxRuleCost))
	if err != nil {
		return nil, ErrBadRule.Wrapf("%v", err)
	}
	return prg, nil
}

var (
	programsMu sync.Mutex
	programs   = map[string]cel.Program{}
)

// evalRule decides an application. A rule that errs at run time (say, division by zero on
// these facts) does not decide: the application waits for the lender, and the reason says so.
func evalRule(src string, f Facts) (approve, decided bool, why string) {
	prg, err := cachedProgram(src)
	if err != nil {
		return false, false, "rule no longer compiles: " + err.Error()
	}
	out, _, err := prg.Eval(f.activation())
	if err != nil {
		return false, false, "rule could not decide: " + err.Error()
	}
	b, ok := out.(types.Bool)
	if !ok {
		return false, false, "rule did not return a bool"
	}
	return bool(b), true, ""
}

// cachedProgram compiles a rule once per process; programs are safe for concurrent use and
// compiling on every application would dominate its cost.
func cachedProgram(src string) (cel.Program, error) {
	programsMu.Lock()
	defer programsMu.Unlock()
	if p, ok := programs[src]; ok {
		return p, nil
	}
	p, err := compileRule(src)
	if err != nil {
		return nil, err
	}
	if len(programs) > 1024 {
		programs = map[string]cel.Program{}
	}
	programs[src] = p
	return p, nil
}
