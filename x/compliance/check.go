package compliance

import (
	"time"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
)

// Check answers "would this be held?" for a proposed movement on state r at block time now:
// the refusal a freeze, the sanctions list or a hold rule would give, the alerts it would
// raise, the large-value reports it would file. It runs the hook's own steps (the same
// screening, rule selection and large-value crossing) over a throwaway cache, so its answer
// is what the real movement meets; nothing is written.
func Check(r store.Reader, now int64, data []byte) (query.ComplianceCheck, error) {
	m, err := parseCheck(r, data)
	if err != nil {
		return query.ComplianceCheck{}, err
	}
	ctx := &core.Context{KV: store.NewCache(r), BlockTime: time.Unix(now, 0).UTC()}
	out := query.ComplianceCheck{Allowed: true, Alerts: []query.CheckAlert{}, LargeValue: []query.CheckLargeValue{},
		SanctionsFreeze: []string{}}
	if salt := r.Get(saltKey); salt != nil {
		for _, addr := range []string{m.To, m.From} {
			if listed(ctx, salt, addr) && r.Get(sanctionsFreezeKey(addr)) == nil && !contains(out.SanctionsFreeze, addr) {
				out.SanctionsFreeze = append(out.SanctionsFreeze, addr)
			}
		}
	}
	if debits(m.Kind) {
		if err := checkFreeze(ctx, m); err != nil {
			return refused(out, err, ""), nil
		}
	}
	if err := checkSanctions(ctx, m); err != nil {
		return refused(out, err, ""), nil
	}
	if !valueKind(m.Kind) {
		return out, nil
	}
	rules := activeRules(r)
	s := screen(ctx, m)
	if rule, ok := holdRule(rules, s); ok {
		out.Alerts = append(out.Alerts, query.CheckAlert{Rule: rule.Name, Code: rule.Code, Outcome: OutcomeHold})
		return refused(out, ErrHeldForReview.Wrapf("rule %s (code %s) holds %s of %d %s for review",
			rule.Name, rule.Code, m.Kind, m.Amount, m.Asset), rule.Name), nil
	}
	for _, p := range []*party{&s.from, &s.to} {
		if p.kind == kindNone || !s.reportable {
			continue
		}
		if c, ok := largeValueCrossing(s, p); ok {
			out.LargeValue = append(out.LargeValue, query.CheckLargeValue{Account: p.addr, Criterion: criterionNames[p.crit],
				Direction: c.direction, DayTotal: c.sum, Threshold: c.threshold})
		}
	}
	for _, rule := range alertRules(rules, s) {
		out.Alerts = append(out.Alerts, query.CheckAlert{Rule: rule.Name, Code: rule.Code, Outcome: OutcomeAlert})
	}
	return out, nil
}

func refused(out query.ComplianceCheck, err error, rule string) query.ComplianceCheck {
	e := tx.AsError(err)
	out.Allowed = false
	out.Refusal = &query.CheckRefusal{Code: e.ID(), Rule: rule, Reason: e.Error()}
	return out
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// checkKinds are the movements a check may propose: the ones that change who owns value.
var checkKinds = map[string]ledger.MovementKind{"transfer": ledger.MoveTransfer, "mint": ledger.MoveMint,
	"burn": ledger.MoveBurn, "capture": ledger.MoveCapture}

// parseCheck reads a check request strictly: known fields only, a known kind with the
// parties it needs, an existing asset and a positive amount within its scale.
func parseCheck(r store.Reader, data []byte) (ledger.Movement, error) {
	var req query.ComplianceCheckRequest
	if err := core.DecodeStrict(data, &req); err != nil {
		return ledger.Movement{}, ErrBadField.Wrapf("request: %v", err)
	}
	kind, ok := checkKinds[req.Kind]
	if !ok {
		return ledger.Movement{}, ErrBadField.Wrapf("kind %q: transfer, mint, burn or capture", req.Kind)
	}
	m := ledger.Movement{Kind: kind, From: req.From, To: req.To, Asset: req.Asset}
	if kind != ledger.MoveMint {
		if err := tx.ValidateAddress("from", req.From); err != nil {
			return m, err
		}
	} else if req.From != "" {
		return m, ErrBadField.Wrapf("from: a mint has no sender")
	}
	if kind != ledger.MoveBurn {
		if err := tx.ValidateAddress("to", req.To); err != nil {
			return m, err
		}
	} else if req.To != "" {
		return m, ErrBadField.Wrapf("to: a burn has no receiver")
	}
	a, err := bank.Asset(r, req.Asset)
	if err != nil {
		return m, err
	}
	m.Amount, err = money.ParseAmount(req.Amount, a.Scale)
	if err != nil || m.Amount <= 0 {
		return m, ErrBadField.Wrapf("amount %q: a positive amount with at most %d decimals", req.Amount, a.Scale)
	}
	return m, nil
}
