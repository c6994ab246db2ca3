package compliance

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// SetJurisdiction records an account's jurisdiction: by the regulator, or by the member
// that sponsored the account (who holds its KYC file).
func SetJurisdiction(ctx *core.Context, m *txpb.MsgSetJurisdiction) error {
	if err := checkReason(m.Reason); err != nil {
		return err
	}
	if err := tx.ValidateAddress("account", m.Account); err != nil {
		return err
	}
	if !registry.AccountExists(ctx.KV, m.Account) {
		return ErrUnknownAccount.Wrapf("%s", m.Account)
	}
	if len(m.Jurisdiction) != 2 || m.Jurisdiction[0] < 'A' || m.Jurisdiction[0] > 'Z' || m.Jurisdiction[1] < 'A' || m.Jurisdiction[1] > 'Z' {
		return ErrBadField.Wrapf("jurisdiction %q: ISO 3166 alpha-2, upper case", m.Jurisdiction)
	}
	if !identity.HasRole(ctx.KV, ctx.Signer, identity.RoleRegulator) && registry.SponsorOf(ctx.KV, m.Account) != ctx.Signer {
		return ErrNotSponsor.Wrapf("only the regulator or %s's sponsor records its jurisdiction", m.Account)
	}
	if m.Jurisdiction == HomeJurisdiction {
		ctx.KV.Delete(JurisdictionKey(m.Account))
	} else {
		ctx.KV.Set(JurisdictionKey(m.Account), []byte(m.Jurisdiction))
	}
	ctx.Emit("compliance.jurisdiction_set", "account", m.Account, "jurisdiction", m.Jurisdiction, "by", ctx.Signer, "reason", m.Reason)
	return nil
}

// DeclareNetAssets records a lender's net assets in an asset: the base of its large
// exposure limits.
func DeclareNetAssets(ctx *core.Context, m *txpb.MsgDeclareNetAssets) error {
	if err := money.CheckPositive("amount", m.Amount); err != nil {
		return err
	}
	if _, err := bank.Asset(ctx.KV, m.Asset); err != nil {
		return err
	}
	core.SetProto(ctx.KV, NetAssetsKey(ctx.Signer, m.Asset),
		&statepb.NetAssets{Lender: ctx.Signer, Asset: m.Asset, Amount: m.Amount, DeclaredAt: ctx.Now()})
	ctx.Emit("compliance.net_assets_declared", "lender", ctx.Signer, "asset", m.Asset, "amount", itoa(m.Amount))
	return nil
}

// NetAssetsOf is a lender's declared net assets in asset (0: none declared).
func NetAssetsOf(r store.Reader, lender, asset string) int64 {
	var n statepb.NetAssets
	if !core.GetProto(r, NetAssetsKey(lender, asset), &n) {
		return 0
	}
	return n.Amount
}
