package lending

import (
	"crypto/sha256"
	"encoding/binary"

	"cel.dev/cel-go/cel"

	"github.com/puhui-chain/puhui/x/cond"
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

// rules is the approval rules' kind of condition.
var rules = &cond.Env{Facts: factNames, MaxBytes: MaxRuleBytes, MaxCost: MaxRuleCost}

// compileRule type-checks a rule (it must be a bool over the facts) and bounds its cost.
func compileRule(src string) (cel.Program, error) {
	p, err := rules.Compile(src)
	if err != nil {
		return nil, ErrBadRule.Wrapf("rule: %v", err)
	}
	return p, nil
}

// evalRule decides an application. A rule that errs at run time (say, division by zero on
// these facts) does not decide: the application waits for the lender, and the reason says so.
func evalRule(src string, f Facts) (approve, decided bool, why string) {
	prg, err := rules.Program(src)
	if err != nil {
		return false, false, "rule no longer compiles: " + err.Error()
	}
	approve, err = cond.Eval(prg, f.activation())
	if err != nil {
		return false, false, "rule " + err.Error()
	}
	return approve, true, ""
}
