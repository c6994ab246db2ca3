package ledger

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// MaxScale is the largest number of decimal places an asset may have.
const MaxScale = 18

// ValidateAssetCode checks an asset code's form (money owns the rule, so that other
// modules and edges check it the same way).
func ValidateAssetCode(field, code string) error { return money.ValidateAssetCode(field, code) }

// GetAsset reads an asset.
func GetAsset(r store.Reader, code string) (*statepb.Asset, bool) {
	var a statepb.Asset
	return &a, core.GetProto(r, AssetKey(code), &a)
}

// ListAssets returns every asset in code order.
func ListAssets(r store.Reader) []*statepb.Asset {
	return core.ListProto[statepb.Asset](r, assetPrefix)
}

func mustAsset(r store.Reader, code string) (*statepb.Asset, error) {
	if err := ValidateAssetCode("asset", code); err != nil {
		return nil, err
	}
	a, ok := GetAsset(r, code)
	if !ok {
		return nil, ErrUnknownAsset.Wrapf("%s", code)
	}
	return a, nil
}

// RegisterAsset creates an asset issued by the signer.
func RegisterAsset(ctx *core.Context, m *txpb.MsgRegisterAsset) error {
	if err := ValidateAssetCode("code", m.Code); err != nil {
		return err
	}
	if len(m.Name) == 0 || len(m.Name) > tx.MaxStringField {
		return ErrBadName.Wrapf("name length must be 1..%d", tx.MaxStringField)
	}
	if m.Scale > MaxScale {
		return ErrBadScale.Wrapf("scale %d above %d", m.Scale, MaxScale)
	}
	if m.MaxSupply < 0 {
		return money.ErrNonPositive.Wrapf("max_supply must be >= 0 (0: unlimited)")
	}
	if _, exists := GetAsset(ctx.KV, m.Code); exists {
		return ErrAssetExists.Wrapf("%s", m.Code)
	}
	core.SetProto(ctx.KV, AssetKey(m.Code), &statepb.Asset{
		Code: m.Code, Name: m.Name, Scale: m.Scale, MaxSupply: m.MaxSupply, Issuer: ctx.Signer, CreatedHeight: ctx.Height,
	})
	ctx.Emit("ledger.asset_registered", "asset", m.Code, "issuer", ctx.Signer, "scale", core.Itoa(int64(m.Scale)))
	return nil
}

// Mint creates new units for a registered account; issuer only, within max supply.
func Mint(ctx *core.Context, m *txpb.MsgMint) error {
	a, err := mustAsset(ctx.KV, m.Asset)
	if err != nil {
		return err
	}
	if a.Issuer != ctx.Signer {
		return ErrNotIssuer.Wrapf("%s is issued by %s", a.Code, a.Issuer)
	}
	if err := money.CheckPositive("amount", m.Amount); err != nil {
		return err
	}
	if err := checkRecipient(ctx, "to", m.To); err != nil {
		return err
	}
	minted, err := money.Add(a.Minted, m.Amount)
	if err != nil {
		return err
	}
	if a.MaxSupply > 0 && minted-a.Burned > a.MaxSupply {
		return ErrMaxSupply.Wrapf("supply would be %d, max %d", minted-a.Burned, a.MaxSupply)
	}
	err = moveValue(ctx, Movement{Kind: MoveMint, To: m.To, Asset: m.Asset, Amount: m.Amount}, func() error {
		return credit(ctx, m.To, m.Asset, m.Amount, inflow)
	})
	if err != nil {
		return err
	}
	a.Minted = minted
	core.SetProto(ctx.KV, AssetKey(a.Code), a)
	ctx.Emit("ledger.minted", "asset", a.Code, "to", m.To, "amount", core.Itoa(m.Amount))
	return nil
}

// Burn destroys units from the issuer's own balance.
func Burn(ctx *core.Context, m *txpb.MsgBurn) error {
	a, err := mustAsset(ctx.KV, m.Asset)
	if err != nil {
		return err
	}
	if a.Issuer != ctx.Signer {
		return ErrNotIssuer.Wrapf("%s is issued by %s", a.Code, a.Issuer)
	}
	if err := money.CheckPositive("amount", m.Amount); err != nil {
		return err
	}
	err = moveValue(ctx, Movement{Kind: MoveBurn, From: ctx.Signer, Asset: m.Asset, Amount: m.Amount}, func() error {
		return debit(ctx, ctx.Signer, m.Asset, m.Amount)
	})
	if err != nil {
		return err
	}
	if a.Burned, err = money.Add(a.Burned, m.Amount); err != nil {
		return err
	}
	core.SetProto(ctx.KV, AssetKey(a.Code), a)
	ctx.Emit("ledger.burned", "asset", a.Code, "from", ctx.Signer, "amount", core.Itoa(m.Amount))
	return nil
}

// BurnFrom destroys amount of a holder's available balance: a clawback that the asset's
// issuer ordered through a module that checked its right to (x/assets). For modules only;
// not routed to any message.
func BurnFrom(ctx *core.Context, from, asset string, amount int64) error {
	a, err := mustAsset(ctx.KV, asset)
	if err != nil {
		return err
	}
	if err := money.CheckPositive("amount", amount); err != nil {
		return err
	}
	err = moveValue(ctx, Movement{Kind: MoveBurn, From: from, Asset: asset, Amount: amount}, func() error {
		return debit(ctx, from, asset, amount)
	})
	if err != nil {
		return err
	}
	if a.Burned, err = money.Add(a.Burned, amount); err != nil {
		return err
	}
	core.SetProto(ctx.KV, AssetKey(a.Code), a)
	ctx.Emit("ledger.burned", "asset", a.Code, "from", from, "amount", core.Itoa(amount))
	return nil
}
