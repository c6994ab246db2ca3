package escrow

import (
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
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

var (
	envOnce sync.Once
	condEnv *cel.Env
	envErr  error
)

func env() (*cel.Env, error) {
	envOnce.Do(func() {
		var opts []cel.EnvOption
		for _, n := range factNames {
			opts = append(opts, cel.Variable(n, cel.IntType))
		}
		condEnv, envErr = cel.NewEnv(opts...)
	})
	return condEnv, envErr
}

// CompileCondition type-checks a condition (a bool over the facts) and bounds its cost.
func CompileCondition(src string) (cel.Program, error) {
	if src == "" || len(src) > MaxConditionBytes {
		return nil, ErrBadCondition.Wrapf("condition is %d bytes, allowed 1..%d", len(src), MaxConditionBytes)
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
	est, err := e.EstimateCost(ast, noSizes{})
	if err != nil || est.Max > MaxConditionCost {
		return nil, ErrBadCondition.Wrapf("estimated cost above %d", MaxConditionCost)
	}
	prg, err := e.Program(ast)
	if err != nil {
		return nil, ErrBadCondition.Wrapf("%v", err)
	}
	return prg, nil
}

var (
	programsMu sync.Mutex
	programs   = map[string]cel.Program{}
)

// program compiles a condition once per process (programs are safe for concurrent use).
func program(src string) (cel.Program, error) {
	programsMu.Lock()
	defer programsMu.Unlock()
	if p, ok := programs[src]; ok {
		return p, nil
	}
	p, err := CompileCondition(src)
	if err != nil {
		return nil, err
	}
	if len(programs) > 1024 {
		programs = map[string]cel.Program{}
	}
	programs[src] = p
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
	out, _, err := prg.Eval(Facts(ctx.KV, e, ctx.Now(), ctx.Height))
	if err != nil {
		return ErrConditionFalse.Wrapf("condition fails to evaluate: %v", err)
	}
	if b, ok := out.(types.Bool); !ok || !bool(b) {
		return ErrConditionFalse.Wrapf("condition %q is false", e.Terms.Condition)
	}
	return nil
}

// noSizes: the facts are integers, whose size CEL knows; nothing to add.
type noSizes struct{}

func (noSizes) EstimateSize(cost.AstNode) *cost.SizeEstimate { return nil }

func (noSizes) EstimateCallCost(string, string, *cost.AstNode, []cost.AstNode) *cost.CallEstimate {
	return nil
}
