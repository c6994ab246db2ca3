package compliance

import (
	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/interpreter"
)

// The facts a monitoring rule may read about a movement. Amounts are minor units of the
// movement's asset; "day" sums are the party's business day so far, "7d" ones the rolling
// week ending today, both including this movement. Per-party facts of a missing party (the
// sender of a mint, the receiver of a burn) are zero, and its kind is "none".
var (
	stringFacts = []string{"kind", "asset", "from_kind", "to_kind", "from_jurisdiction", "to_jurisdiction"}
	boolFacts   = []string{"cash", "cross_border"}
	sideFacts   = []string{"in_day", "out_day", "count_7d", "in_7d", "out_7d", "near_threshold_7d", "idle_days", "age_days"}
	intFacts    = append([]string{"amount"}, prefixed("from_", sideFacts)...)
)

func init() { intFacts = append(intFacts, prefixed("to_", sideFacts)...) }

func prefixed(p string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = p + n
	}
	return out
}

// FactNames is the vocabulary in its fixed order (alerts record facts in it).
func FactNames() []string {
	return append(append(append([]string{}, stringFacts...), boolFacts...), intFacts...)
}

func envOptions() []cel.EnvOption {
	var opts []cel.EnvOption
	for _, n := range stringFacts {
		opts = append(opts, cel.Variable(n, cel.StringType))
	}
	for _, n := range boolFacts {
		opts = append(opts, cel.Variable(n, cel.BoolType))
	}
	for _, n := range intFacts {
		opts = append(opts, cel.Variable(n, cel.IntType))
	}
	return opts
}

// activation serves a movement's facts to CEL without building a map per movement.
type activation struct{ s *screened }

func (a activation) Parent() interpreter.Activation { return nil }

func (a activation) ResolveName(name string) (any, bool) {
	s := a.s
	switch name {
	case "kind":
		return string(s.m.Kind), true
	case "asset":
		return s.m.Asset, true
	case "amount":
		return s.m.Amount, true
	case "cash":
		return s.cash, true
	case "cross_border":
		return s.crossBorder, true
	case "from_kind":
		return s.from.kind, true
	case "to_kind":
		return s.to.kind, true
	case "from_jurisdiction":
		return s.from.jurisdiction, true
	case "to_jurisdiction":
		return s.to.jurisdiction, true
	}
	if len(name) > 5 && name[:5] == "from_" {
		return s.from.fact(s.today, name[5:])
	}
	if len(name) > 3 && name[:3] == "to_" {
		return s.to.fact(s.today, name[3:])
	}
	return nil, false
}

// fact is one of sideFacts of a party.
func (p *party) fact(today int64, name string) (any, bool) {
	if p.kind == kindNone {
		return int64(0), true
	}
	if !p.weekDone {
		p.week.count, p.week.near, p.week.in, p.week.out = p.ctr.Week(today)
		p.weekDone = true
	}
	count, near, in7, out7 := p.week.count, p.week.near, p.week.in, p.week.out
	switch name {
	case "in_day":
		return p.ctr.DayIn(), true
	case "out_day":
		return p.ctr.DayOut(), true
	case "count_7d":
		return int64(count), true
	case "in_7d":
		return in7, true
	case "out_7d":
		return out7, true
	case "near_threshold_7d":
		return int64(near), true
	case "idle_days":
		return p.idleDays, true
	case "age_days":
		return p.ageDays, true
	}
	return nil, false
}
