package assets

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// Bank is what x/assets asks of the ledger (ledger.Bank): registering the asset, moving,
// burning a clawback, holding and paying out a distribution's funds.
type Bank interface {
	RegisterAsset(ctx *core.Context, m *txpb.MsgRegisterAsset) error
	Move(ctx *core.Context, from, to, asset string, amount int64) error
	BurnFrom(ctx *core.Context, from, asset string, amount int64) error
	PlaceHold(ctx *core.Context, owner, beneficiary, asset string, amount, expiresAt int64, reference string) (uint64, error)
	ReleaseFromHold(ctx *core.Context, id uint64, amount int64) error
	AvailableOf(r store.Reader, addr, asset string) int64
	HeldOf(r store.Reader, addr, asset string) int64
	Asset(r store.Reader, code string) (*statepb.Asset, error)
}
