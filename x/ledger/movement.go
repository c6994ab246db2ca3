package ledger

import "github.com/puhui-chain/puhui/x/core"

// MovementKind is what a movement of value is.
type MovementKind string

// The kinds of movement. Every change of a balance is one of them.
const (
	MoveTransfer MovementKind = "transfer" // From's available to To's available
	MoveMint     MovementKind = "mint"     // new units to To
	MoveBurn     MovementKind = "burn"     // From's units destroyed
	MoveHold     MovementKind = "hold"     // From's available set aside for To (the beneficiary)
	MoveCapture  MovementKind = "capture"  // held units of From paid to To
	MoveRelease  MovementKind = "release"  // held units returned to their owner (From = To)
)

// Movement is one movement of value, as hooks see it.
type Movement struct {
	Kind   MovementKind
	From   string // "" for a mint
	To     string // "" for a burn
	Asset  string
	Amount int64
	HoldID uint64 // for hold, capture and release
}

// Hook sees every movement of value: Before may refuse it (with a coded error, failing the
// transaction or the scheduled step that asked for it); After may record or react to it.
// Hooks run in registration order, inside the movement's transaction, and must be
// deterministic: they are part of block execution.
type Hook interface {
	BeforeMove(ctx *core.Context, m Movement) error
	AfterMove(ctx *core.Context, m Movement) error
}

// hooks are the movement hooks the application wired (Use). They are stateless adapters of
// other modules' rules: every application in a process wires the same ones.
var hooks []Hook

// Use sets the movement hooks; the application calls it once, when it builds its modules.
func Use(h ...Hook) { hooks = append([]Hook(nil), h...) }

// moveValue is the one path every movement of value takes: the hooks before, the change
// itself, the hooks after.
func moveValue(ctx *core.Context, m Movement, change func() error) error {
	for _, h := range hooks {
		if err := h.BeforeMove(ctx, m); err != nil {
			return err
		}
	}
	if err := change(); err != nil {
		return err
	}
	for _, h := range hooks {
		if err := h.AfterMove(ctx, m); err != nil {
			return err
		}
	}
	return nil
}
