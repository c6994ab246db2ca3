package escrow

import (
	"cel.dev/cel-go/cel"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/cond"
	"github.com/puhui-chain/puhui/x/core"
)

// A release condition is a CEL bool over these facts, all integers:
//
//	now              block time, Unix seconds
//	height           block height
//	amount           the escrow's amount, minor units
//	watched_balance  watch_account's available balance of watch_asset, minor units (0 if unset)
//
// e.g. `watched_balance >= 500000` (the payee's supplier was paid) or `now >= 1767225600 &&
// height > 100`. It is type-checked and its cost bounded when the escrow is created; every
// node evaluates it alike on the same state.
var factNames = []string{"now", "height", "amount", "watched_balance"}

// Bounds of a condition.
const (
	MaxConditionBytes = 512
	MaxConditionCost  = 100
)

// conditions is the release conditions' kind of condition.
var conditions = &cond.Env{Facts: factNames, MaxBytes: MaxConditionBytes, MaxCost: MaxConditionCost}

// CompileCondition type-checks a condition (a bool over the facts) and bounds its cost.
func CompileCondition(src string) (cel.Program, error) {
	if src == "" {
		return nil, ErrBadCondition.Wrapf("condition is empty")
	}
	p, err := conditions.Compile(src)
	if err != nil {
		return nil, ErrBadCondition.Wrapf("condition: %v", err)
	}
	return p, nil
}

// program compiles a condition once per process.
func program(src string) (cel.Program, error) {
	if src == "" {
		return nil, ErrBadCondition.Wrapf("condition is empty")
	}
	p, err := conditions.Program(src)
	if err != nil {
		return nil, ErrBadCondition.Wrapf("condition: %v", err)
	}
	return p, nil
}

// Facts are what a condition sees.
func Facts(r store.Reader, e *statepb.Escrow, now, height int64) map[string]any {
	var watched int64
	if t := e.Terms; t.WatchAccount != "" {
		watched = bank.AvailableOf(r, t.WatchAccount, t.WatchAsset)
	}
	return map[string]any{"now": now, "height": height, "amount": e.Terms.Amount, "watched_balance": watched}
}

// conditionHolds evaluates an escrow's condition at the context's state and block.
func conditionHolds(ctx *core.Context, e *statepb.Escrow) error {
	prg, err := program(e.Terms.Condition)
	if err != nil {
		return err
	}
	holds, err := cond.Eval(prg, Facts(ctx.KV, e, ctx.Now(), ctx.Height))
	if err != nil {
		return ErrConditionFalse.Wrapf("condition %v", err)
	}
	if !holds {
		return ErrConditionFalse.Wrapf("condition %q is false", e.Terms.Condition)
	}
	return nil
}
