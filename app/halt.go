package app

import (
	"sync/atomic"

	"github.com/puhui-chain/puhui/tx"
)

// ErrHalted refuses transactions once the node has hit an unrecoverable fault (consensus
// failure, a store that cannot write): it will not commit them, so it must not accept them.
var ErrHalted = tx.Register("node", 1, "halted")

type haltState struct{ reason atomic.Pointer[string] }

// Halt makes CheckTx refuse every transaction from now on, with reason. The process that
// runs the application calls it when consensus or storage fails; it then exits.
func (a *App) Halt(reason string) {
	a.halt.reason.CompareAndSwap(nil, &reason)
}

// Halted returns why the application was halted, or "" while it runs.
func (a *App) Halted() string {
	if r := a.halt.reason.Load(); r != nil {
		return *r
	}
	return ""
}

// halted is CheckTx's refusal of a halted application, or nil.
func (a *App) halted() error {
	if r := a.Halted(); r != "" {
		return ErrHalted.Wrapf("node halted and stopping: %s", r)
	}
	return nil
}
