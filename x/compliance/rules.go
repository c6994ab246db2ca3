package compliance

import (
	"strings"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// Bounds of a monitoring rule. Its worst-case cost, as CEL estimates it statically over the
// facts' types and sizes (factSizes), is checked at registration and bounds every
// evaluation: the facts are integers, booleans and strings of at most maxFactBytes, with no
// lists or maps to iterate. Programs run without CEL's runtime cost tracker, a second guard
// that a registered rule cannot reach and that costs six times the evaluation itself (every
// movement pays for every rule). Every movement pays for every rule, so the bound is tight.
const (
	MaxRuleBytes = 1024
	MaxRuleCost  = 200
	maxFactBytes = 64 // the longest string fact (a movement kind, an asset code, a jurisdiction)
)

// Rule outcomes.
const (
	OutcomeAlert = "alert"
	OutcomeHold  = "hold"
)

var (
	envOnce sync.Once
	ruleEnv *cel.Env
	envErr  error
)

func env() (*cel.Env, error) {
	envOnce.Do(func() { ruleEnv, envErr = cel.NewEnv(envOptions()...) })
	return ruleEnv, envErr
}

// factSizes bounds the string facts for CEL's cost estimate; the rest it knows itself.
type factSizes struct{}

func (factSizes) EstimateSize(n cost.AstNode) *cost.SizeEstimate {
	if p := n.Path(); len(p) == 1 {
		for _, f := range stringFacts {
			if p[0] == f {
				return &cost.SizeEstimate{Min: 0, Max: maxFactBytes}
			}
		}
	}
	return nil
}

func (factSizes) EstimateCallCost(string, string, *cost.AstNode, []cost.AstNode) *cost.CallEstimate {
	return nil
}

// CompileRule type-checks a rule (a bool over the facts) and bounds its cost.
func CompileRule(src string) (cel.Program, error) {
	if src == "" || len(src) > MaxRuleBytes {
		return nil, ErrBadRule.Wrapf("rule is %d bytes, allowed 1..%d", len(src), MaxRuleBytes)
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
	est, err := e.EstimateCost(ast, factSizes{})
	if err != nil {
		return nil, ErrBadRule.Wrapf("cost: %v", err)
	}
	if est.Max > MaxRuleCost {
		return nil, ErrBadRule.Wrapf("estimated cost %d exceeds %d", est.Max, MaxRuleCost)
	}
	prg, err := e.Program(ast, cel.EvalOptions(cel.OptOptimize))
	if err != nil {
		return nil, ErrBadRule.Wrapf("%v", err)
	}
	return prg, nil
}

var (
	programsMu sync.Mutex
	programs   = map[string]cel.Program{}
)

// program compiles a rule once per process: compiling on every movement would dominate
// its cost. Programs are safe for concurrent use.
func program(src string) (cel.Program, error) {
	programsMu.Lock()
	defer programsMu.Unlock()
	if p, ok := programs[src]; ok {
		return p, nil
	}
	p, err := CompileRule(src)
	if err != nil {
		return nil, err
	}
	if len(programs) > 4*maxRules {
		programs = map[string]cel.Program{}
	}
	programs[src] = p
	return p, nil
}

// compiledRule is an active rule with its program.
type compiledRule struct {
	*statepb.MonitoringRule
	prg cel.Program // nil: no longer compiles (never fires)
}

var (
	setsMu sync.Mutex
	sets   = map[string][]compiledRule{}
)

// activeRules is the active rule set compiled, cached by its stored bytes: every movement
// reads the set, and decoding and looking up ten programs per movement would cost more
// than evaluating them. Equal bytes are an equal set on every node.
func activeRules(r store.Reader) []compiledRule {
	raw := r.Get(RuleSetKey())
	if raw == nil {
		return nil
	}
	setsMu.Lock()
	defer setsMu.Unlock()
	if set, ok := sets[string(raw)]; ok {
		return set
	}
	var rs statepb.RuleSet
	core.MustUnmarshal(raw, &rs)
	set := make([]compiledRule, len(rs.Rules))
	for i, rule := range rs.Rules {
		prg, _ := program(rule.Expression)
		set[i] = compiledRule{rule, prg}
	}
	if len(sets) > 64 {
		sets = map[string][]compiledRule{}
	}
	sets[string(raw)] = set
	return set
}

// fires evaluates a rule on a movement. A rule that errs at run time (an overflow on these
// facts) does not fire: screening must not stop value moving because a rule is badly
// written, and every node errs alike.
func (r compiledRule) fires(s *screened) bool {
	if r.prg == nil {
		return false
	}
	out, _, err := r.prg.Eval(activation{s})
	if err != nil {
		return false
	}
	b, ok := out.(types.Bool)
	return ok && bool(b)
}

// Rules is the active rule set, in name order.
func Rules(r store.Reader) []*statepb.MonitoringRule {
	var set statepb.RuleSet
	core.GetProto(r, RuleSetKey(), &set)
	return set.Rules
}

func saveRules(kv store.KV, rules []*statepb.MonitoringRule) {
	if len(rules) == 0 {
		kv.Delete(RuleSetKey())
		return
	}
	core.SetProto(kv, RuleSetKey(), &statepb.RuleSet{Rules: rules})
}

// RegisterRule adds or replaces a monitoring rule (regulator or governance).
func RegisterRule(ctx *core.Context, m *txpb.MsgRegisterMonitoringRule) error {
	if err := checkRule(m); err != nil {
		return err
	}
	rules := Rules(ctx.KV)
	at := len(rules)
	for i, r := range rules {
		if r.Name >= m.Name {
			at = i
			break
		}
	}
	rule := &statepb.MonitoringRule{Name: m.Name, Expression: m.Expression, Outcome: m.Outcome, Code: m.Code,
		Description: m.Description, RegisteredBy: ctx.Signer, RegisteredAt: ctx.Now(), Reason: m.Reason}
	if at < len(rules) && rules[at].Name == m.Name {
		rules[at] = rule
	} else {
		if len(rules) >= maxRules {
			return ErrTooManyRules.Wrapf("at most %d rules", maxRules)
		}
		rules = append(rules[:at], append([]*statepb.MonitoringRule{rule}, rules[at:]...)...)
	}
	saveRules(ctx.KV, rules)
	ctx.Emit("compliance.rule_registered", "name", m.Name, "outcome", m.Outcome, "code", m.Code, "by", ctx.Signer, "reason", m.Reason)
	return nil
}

// CheckRegisterRule is what a governance proposal carrying the rule is checked for.
func CheckRegisterRule(_ store.Reader, m *txpb.Msg) error {
	return checkRule(m.GetRegisterMonitoringRule())
}

func checkRule(m *txpb.MsgRegisterMonitoringRule) error {
	if err := checkName("name", m.Name); err != nil {
		return err
	}
	if err := checkName("code", strings.ToLower(m.Code)); err != nil { // codes may be upper case
		return err
	}
	if m.Outcome != OutcomeAlert && m.Outcome != OutcomeHold {
		return ErrBadRule.Wrapf("outcome must be %q or %q", OutcomeAlert, OutcomeHold)
	}
	if len(m.Description) > maxReasonBytes {
		return ErrBadField.Wrapf("description over %d bytes", maxReasonBytes)
	}
	if err := checkReason(m.Reason); err != nil {
		return err
	}
	_, err := CompileRule(m.Expression)
	return err
}

// RetireRule removes a rule.
func RetireRule(ctx *core.Context, m *txpb.MsgRetireMonitoringRule) error {
	if err := checkReason(m.Reason); err != nil {
		return err
	}
	rules := Rules(ctx.KV)
	for i, r := range rules {
		if r.Name == m.Name {
			saveRules(ctx.KV, append(rules[:i], rules[i+1:]...))
			ctx.Emit("compliance.rule_retired", "name", m.Name, "by", ctx.Signer, "reason", m.Reason)
			return nil
		}
	}
	return ErrUnknownRule.Wrapf("rule %q", m.Name)
}

// checkName accepts 1..40 of a-z, 0-9, _ and -.
func checkName(field, v string) error {
	if v == "" || len(v) > 40 {
		return ErrBadField.Wrapf("%s must be 1..40 bytes", field)
	}
	for _, c := range v {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return ErrBadField.Wrapf("%s %q: only a-z, 0-9, _ and -", field, v)
		}
	}
	return nil
}

// checkReason: every regulator action says why, for every member to read.
func checkReason(v string) error {
	if v == "" || len(v) > maxReasonBytes {
		return ErrBadReason.Wrapf("a reason of 1..%d bytes is required", maxReasonBytes)
	}
	return nil
}
