package compliance

import (
	"testing"

	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/ledger"
)

// BenchmarkRuleEval is one rule's evaluation on a movement's facts, the part of screening
// that grows with the number of rules.
func BenchmarkRuleEval(b *testing.B) {
	prg, err := program(`amount >= 5000000 && from_kind == "natural" || from_near_threshold_7d >= 3`)
	if err != nil {
		b.Fatal(err)
	}
	r := compiledRule{&statepb.MonitoringRule{}, prg}
	s := &screened{m: ledger.Movement{Kind: ledger.MoveTransfer, Amount: 1}, from: party{kind: kindNatural}, to: party{kind: kindNatural}}
	for b.Loop() {
		r.fires(s)
	}
}
