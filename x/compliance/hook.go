package compliance

import (
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
)

// Hook screens every movement of value (ledger.Use). Before a movement it enforces freezes,
// the sanctions list and hold-for-review rules; after it, it updates the parties' counters,
// files large-value reports and raises the alerts of alert rules. Everything after is
// written only once the movement happened, so a movement that fails later leaves nothing.
type Hook struct{}

// debits reports whether the movement takes value out of From's available balance.
func debits(k ledger.MovementKind) bool {
	return k == ledger.MoveTransfer || k == ledger.MoveHold || k == ledger.MoveBurn
}

// BeforeMove refuses a movement a freeze, the sanctions list or a hold rule stops.
func (Hook) BeforeMove(ctx *core.Context, m ledger.Movement) error {
	if debits(m.Kind) {
		if err := checkFreeze(ctx, m); err != nil {
			return err
		}
	}
	if err := checkSanctions(ctx, m); err != nil {
		return err
	}
	if !valueKind(m.Kind) {
		return nil
	}
	rules := activeRules(ctx.KV)
	if !hasHold(rules) {
		return nil // no hold rule: nothing to screen before the movement
	}
	s := screen(ctx, m)
	if r, ok := holdRule(rules, s); ok {
		alert := newAlert(r.Name, r.Code, OutcomeHold, s)
		// The refusal discards the transaction's writes; the alert must outlive it.
		ctx.KeepAfter(func(k *core.Context) { raise(k, alert) })
		return ErrHeldForReview.Wrapf("rule %s (code %s) holds %s of %d %s for review",
			r.Name, r.Code, m.Kind, m.Amount, m.Asset)
	}
	return nil
}

func hasHold(rules []compiledRule) bool {
	for _, r := range rules {
		if r.Outcome == OutcomeHold {
			return true
		}
	}
	return false
}

// holdRule is the first hold-for-review rule the movement fires, in registration order.
func holdRule(rules []compiledRule, s *screened) (compiledRule, bool) {
	for _, r := range rules {
		if r.Outcome == OutcomeHold && r.fires(s) {
			return r, true
		}
	}
	return compiledRule{}, false
}

// alertRules are the alert rules the movement fires, in registration order.
func alertRules(rules []compiledRule, s *screened) []compiledRule {
	var out []compiledRule
	for _, r := range rules {
		if r.Outcome == OutcomeAlert && r.fires(s) {
			out = append(out, r)
		}
	}
	return out
}

// AfterMove records the movement: counters, large-value reports, alerts.
func (Hook) AfterMove(ctx *core.Context, m ledger.Movement) error {
	if !valueKind(m.Kind) {
		return nil
	}
	s := screen(ctx, m)
	for _, p := range []*party{&s.from, &s.to} {
		if p.kind == kindNone {
			continue
		}
		if s.reportable {
			fileLargeValue(ctx, s, p)
		}
		p.ctr.touch(s.today)
		ctx.KV.Set(CountersKey(p.addr, m.Asset), p.ctr.Encode())
	}
	for _, r := range alertRules(activeRules(ctx.KV), s) {
		raise(ctx, newAlert(r.Name, r.Code, OutcomeAlert, s))
	}
	return nil
}
