package cond

import (
	"errors"
	"fmt"
	"sync"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
)

// Env is one kind of condition: the integer facts it may read and its bounds.
type Env struct {
	Facts    []string // each an int variable
	MaxBytes int      // the longest source accepted
	MaxCost  uint64   // the largest estimated (and run-time) cost accepted

	once sync.Once
	env  *cel.Env
	err  error

	mu       sync.Mutex
	programs map[string]cel.Program
}

// maxCached bounds the compiled programs kept per Env (the cache restarts when full).
const maxCached = 1024

func (e *Env) celEnv() (*cel.Env, error) {
	e.once.Do(func() {
		opts := make([]cel.EnvOption, 0, len(e.Facts))
		for _, n := range e.Facts {
			opts = append(opts, cel.Variable(n, cel.IntType))
		}
		e.env, e.err = cel.NewEnv(opts...)
	})
	return e.env, e.err
}

// Compile type-checks src (it must be a bool over the facts) and bounds its length and cost.
func (e *Env) Compile(src string) (cel.Program, error) {
	if len(src) > e.MaxBytes {
		return nil, fmt.Errorf("%d bytes, limit %d", len(src), e.MaxBytes)
	}
	env, err := e.celEnv()
	if err != nil {
		return nil, fmt.Errorf("environment: %w", err)
	}
	ast, iss := env.Compile(src)
	if iss.Err() != nil {
		return nil, fmt.Errorf("does not compile: %w", iss.Err())
	}
	if ast.OutputType() != cel.BoolType {
		return nil, fmt.Errorf("must be a bool, is %s", ast.OutputType())
	}
	est, err := env.EstimateCost(ast, integerFacts{})
	if err != nil {
		return nil, fmt.Errorf("cost: %w", err)
	}
	if est.Max > e.MaxCost {
		return nil, fmt.Errorf("estimated cost %d exceeds %d", est.Max, e.MaxCost)
	}
	return env.Program(ast, cel.CostLimit(e.MaxCost))
}

// Program compiles src once per process: programs are safe for concurrent use, and
// compiling on every evaluation would dominate its cost.
func (e *Env) Program(src string) (cel.Program, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if p, ok := e.programs[src]; ok {
		return p, nil
	}
	p, err := e.Compile(src)
	if err != nil {
		return nil, err
	}
	if e.programs == nil || len(e.programs) >= maxCached {
		e.programs = map[string]cel.Program{}
	}
	e.programs[src] = p
	return p, nil
}

// ErrNotBool is a condition whose value at run time is not a bool.
var ErrNotBool = errors.New("did not return a bool")

// Eval runs a program on the facts. An error is a condition that could not decide (a
// division by zero on these facts, say), never a false one.
func Eval(p cel.Program, facts map[string]any) (bool, error) {
	out, _, err := p.Eval(facts)
	if err != nil {
		return false, fmt.Errorf("could not decide: %w", err)
	}
	b, ok := out.(types.Bool)
	if !ok {
		return false, ErrNotBool
	}
	return bool(b), nil
}

// integerFacts: the facts are plain integers, so CEL's own size and call estimates are exact
// enough.
type integerFacts struct{}

func (integerFacts) EstimateSize(cost.AstNode) *cost.SizeEstimate { return nil }
func (integerFacts) EstimateCallCost(string, string, *cost.AstNode, []cost.AstNode) *cost.CallEstimate {
	return nil
}
