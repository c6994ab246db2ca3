package lending

import (
	"crypto/sha256"
	"encoding/binary"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"

	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/credit/scorecard"
)

// Bounds of an approval rule. The estimated worst-case cost is checked when the product is
// registered; the runtime limit is a second guard that can never be reached by a rule that
// passed the estimate.
const (
	MaxRuleBytes = 2048
	MaxRuleCost  = 1000
)

// Facts are what an approval rule may read about an application. Amounts are minor units.
type Facts struct {
	Amount             int64 // principal applied for
	Periods            int64
	KYCLevel           int64
	Exposure           int64 // the borrower's outstanding principal in the asset, all lenders
	LoansTaken         int64
	LoansCompleted     int64
	LoansDefaulted     int64
	InstallmentsOnTime int64
	InstallmentsLate   int64
	MaxDPD             int64
	CreditScore        int64 // the default scorecard's score of these facts (scorecard.Default)
}

// factNames is the rule's vocabulary, in a fixed order (the inputs hash follows it).
var factNames = []string{"amount", "periods", "kyc_level", "exposure", "loans_taken", "loans_completed",
	"loans_defaulted", "installments_on_time", "installments_late", "max_dpd", "credit_score"}

func (f Facts) values() []int64 {
	return []int64{f.Amount, f.Periods, f.KYCLevel, f.Exposure, f.LoansTaken, f.LoansCompleted,
		f.LoansDefaulted, f.InstallmentsOnTime, f.InstallmentsLate, f.MaxDPD, f.CreditScore}
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

func factsFrom(h *statepb.BorrowerHistory) Facts {
	return Facts{LoansTaken: int64(h.LoansTaken), LoansCompleted: int64(h.LoansCompleted),
		LoansDefaulted: int64(h.LoansDefaulted), InstallmentsOnTime: int64(h.InstallmentsOnTime),
		InstallmentsLate: int64(h.InstallmentsLate), MaxDPD: int64(h.MaxDpd)}
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

// withScore fills CreditScore from the other facts with the default thin-file scorecard.
func (f Facts) withScore() Facts {
	ratio := int64(-1) // no instalment paid yet
	if paid := f.InstallmentsOnTime + f.InstallmentsLate; paid > 0 {
		ratio = f.InstallmentsOnTime * maxBps / paid
	}
	r, err := scorecard.Default().Score(map[string]int64{
		scorecard.FactKYCLevel: f.KYCLevel, scorecard.FactLoansCompleted: f.LoansCompleted,
		scorecard.FactOnTimeRatioBps: ratio, scorecard.FactMaxDPD: f.MaxDPD,
		scorecard.FactLoansDefaulted: f.LoansDefaulted, scorecard.FactExposureMinorUnit: f.Exposure,
	})
	if err != nil {
		panic("default scorecard: " + err.Error()) // it validates in its own tests
	}
	f.CreditScore = r.Score
	return f
}
