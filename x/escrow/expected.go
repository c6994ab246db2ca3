package escrow

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Bank is what escrow needs of the ledger: holds (placed, captured to their beneficiary,
// released), a move (a swap's second leg), a balance (a condition's fact) and asset lookup.
type Bank interface {
	// PlaceModuleHold places a hold only this module settles (its beneficiary cannot by message).
	PlaceModuleHold(ctx *core.Context, module, owner, beneficiary, asset string, amount, expiresAt int64, reference string) (uint64, error)
	CaptureHoldFor(ctx *core.Context, id uint64, amount int64) error
	ReleaseHoldFor(ctx *core.Context, id uint64) error
	GetHold(r store.Reader, id uint64) (*statepb.Hold, bool)
	Move(ctx *core.Context, from, to, asset string, amount int64) error
	AvailableOf(r store.Reader, addr, asset string) int64
	Asset(r store.Reader, code string) (*statepb.Asset, error)
}

// Registry is what escrow needs of identity: that a counterparty or arbiter exists.
type Registry interface {
	AccountExists(r store.Reader, addr string) bool
}

// The modules escrow depends on, as the application wired them (Use).
var (
	bank     Bank
	registry Registry
)

// Use wires the dependencies; the application calls it once, when it builds its modules.
func Use(b Bank, r Registry) { bank, registry = b, r }
