package offering

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Bank is what offerings need of the ledger: the pledge holds (placed, captured to the
// issuer, released), the fee's move, the allotment's mint on the issuer's behalf, and asset
// lookup.
type Bank interface {
	// PlaceModuleHold places a hold only this module settles (its beneficiary cannot by message).
	PlaceModuleHold(ctx *core.Context, module, owner, beneficiary, asset string, amount, expiresAt int64, reference string) (uint64, error)
	CaptureHoldFor(ctx *core.Context, id uint64, amount int64) error
	ReleaseHoldFor(ctx *core.Context, id uint64) error
	GetHold(r store.Reader, id uint64) (*statepb.Hold, bool)
	Move(ctx *core.Context, from, to, asset string, amount int64) error
	MintFor(ctx *core.Context, asset, to string, amount int64) error
	Asset(r store.Reader, code string) (*statepb.Asset, error)
}

// AssetRules is the view of issued assets' rules an offering checks investors against.
type AssetRules interface {
	// CheckHolder reports whether addr may come to hold amount more units of asset at block
	// time now (Unix seconds); nil for an asset without rules. The error is coded.
	CheckHolder(r store.Reader, asset, addr string, amount int64, now int64) error
}

// Registry is what offerings need of identity: that the fee account exists.
type Registry interface {
	AccountExists(r store.Reader, addr string) bool
}

// The modules offerings depend on, as the application wired them (Use).
var (
	bank     Bank
	rules    AssetRules
	registry Registry
)

// Use wires the dependencies; the application calls it once, when it builds its modules.
func Use(b Bank, ar AssetRules, r Registry) { bank, rules, registry = b, ar, r }
