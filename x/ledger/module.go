package ledger

import (
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
)

// Module is the ledger as the application plugs it in.
func Module() module.Module {
	return module.Module{
		Name:     "ledger",
		Prefixes: [][]byte{core.Key("lg", "")},
		Routes: []module.Route{
			module.Handle("register_asset", identity.Issuers, (*txpb.Msg).GetRegisterAsset, RegisterAsset).Validated(basicRegisterAsset),
			module.Handle("mint", identity.Issuers, (*txpb.Msg).GetMint, Mint).Validated(basicMint),
			module.Handle("burn", identity.Issuers, (*txpb.Msg).GetBurn, Burn).Validated(basicBurn),
			module.Handle("transfer", identity.Payers, (*txpb.Msg).GetTransfer, Transfer).Validated(basicTransfer),
			module.Handle("multi_transfer", identity.Payers, (*txpb.Msg).GetMultiTransfer, MultiTransfer).Validated(basicMultiTransfer),
			module.Handle("place_hold", identity.Payers, (*txpb.Msg).GetPlaceHold, HandlePlaceHold).Validated(basicPlaceHold),
			module.Handle("release_hold", identity.Payers, (*txpb.Msg).GetReleaseHold, HandleReleaseHold).Validated(basicReleaseHold),
			module.Handle("capture_hold", identity.Payers, (*txpb.Msg).GetCaptureHold, HandleCaptureHold).Validated(basicCaptureHold),
			module.Handle("set_frozen", identity.Regulators, (*txpb.Msg).GetSetFrozen, SetFrozen).Validated(basicSetFrozen),
		},
		Scheduled: ScheduledHandlers(),
		Queries: []module.Query{
			module.Answer(query.GetAsset, func(q module.QueryContext, code string) (query.Asset, error) {
				a, ok := GetAsset(q.State, code)
				if !ok {
					return query.Asset{}, ErrUnknownAsset.Wrapf("%s", code)
				}
				return AssetView(a), nil
			}),
			module.Answer(query.ListAssets, func(q module.QueryContext, _ string) ([]query.Asset, error) {
				out := []query.Asset{}
				for _, a := range ListAssets(q.State) {
					out = append(out, AssetView(a))
				}
				return out, nil
			}),
			module.Answer(query.GetHold, func(q module.QueryContext, arg string) (query.Hold, error) {
				h, ok := GetHold(q.State, query.ID(arg))
				if !ok {
					return query.Hold{}, ErrUnknownHold.Wrapf("hold %s", arg)
				}
				return query.Hold{ID: h.Id, Owner: h.Owner, Beneficiary: h.Beneficiary, Asset: h.Asset,
					Amount: h.Amount, ExpiresAt: h.ExpiresAt, Reference: h.Reference}, nil
			}),
		},
		Invariants: []module.Invariant{{Name: "ledger/supply-and-holds", Check: CheckInvariants}},
	}
}

// AssetView is an asset as queries show it.
func AssetView(a *statepb.Asset) query.Asset {
	return query.Asset{Code: a.Code, Name: a.Name, Scale: a.Scale, MaxSupply: a.MaxSupply,
		Issuer: a.Issuer, Minted: a.Minted, Burned: a.Burned, Supply: a.Minted - a.Burned}
}

// Bank is the ledger as other modules see it through the narrow interfaces they declare
// (lending's Bank): moves, holds, the freeze check and asset lookup. It holds no state.
type Bank struct{}

func (Bank) Move(ctx *core.Context, from, to, asset string, amount int64) error {
	return Move(ctx, from, to, asset, amount)
}

func (Bank) PlaceHold(ctx *core.Context, owner, beneficiary, asset string, amount, expiresAt int64, reference string) (uint64, error) {
	return PlaceHold(ctx, owner, beneficiary, asset, amount, expiresAt, reference)
}

func (Bank) CaptureHoldFor(ctx *core.Context, id uint64, amount int64) error {
	return CaptureHoldFor(ctx, id, amount)
}

func (Bank) ReleaseHoldFor(ctx *core.Context, id uint64) error { return ReleaseHoldFor(ctx, id) }

func (Bank) TakeFromHold(ctx *core.Context, id uint64, amount int64) error {
	return TakeFromHold(ctx, id, amount)
}

func (Bank) ReleaseFromHold(ctx *core.Context, id uint64, amount int64) error {
	return ReleaseFromHold(ctx, id, amount)
}

func (Bank) GetHold(r store.Reader, id uint64) (*statepb.Hold, bool) { return GetHold(r, id) }

func (Bank) AvailableOf(r store.Reader, addr, asset string) int64 { return AvailableOf(r, addr, asset) }

func (Bank) IsFrozen(r store.Reader, addr string) bool { return IsFrozen(r, addr) }

func (Bank) Asset(r store.Reader, code string) (*statepb.Asset, error) {
	a, ok := GetAsset(r, code)
	if !ok {
		return nil, ErrUnknownAsset.Wrapf("asset %q", code)
	}
	return a, nil
}

func (Bank) BurnFrom(ctx *core.Context, from, asset string, amount int64) error {
	return BurnFrom(ctx, from, asset, amount)
}

func (Bank) HeldOf(r store.Reader, addr, asset string) int64 { return HeldOf(r, addr, asset) }

func (Bank) RegisterAsset(ctx *core.Context, m *txpb.MsgRegisterAsset) error {
	return RegisterAsset(ctx, m)
}
