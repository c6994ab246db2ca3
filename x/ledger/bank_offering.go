package ledger

import (
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// What offerings and escrows need of the ledger beyond the shared Bank methods.

// MintFor mints amount of asset to an account on the asset's issuer's behalf, for a module
// whose contract gives it that right (a successful offering allots its units). It is the
// issuer's own mint — same checks (registered recipient, maximum supply), same movement
// hooks, same event — run as if the issuer had signed it. Not routed to any message.
func (Bank) MintFor(ctx *core.Context, asset, to string, amount int64) error {
	a, err := mustAsset(ctx.KV, asset)
	if err != nil {
		return err
	}
	issuerCtx := *ctx
	issuerCtx.Signer = a.Issuer
	return Mint(&issuerCtx, &txpb.MsgMint{Asset: asset, To: to, Amount: amount})
}

// PlaceModuleHold is PlaceHold for a hold that only module settles (CaptureHoldFor,
// ReleaseHoldFor, or its expiry): the beneficiary of an escrow or an HTLC must not capture
// it by a capture_hold message around the escrow's condition or the hashlock, nor an issuer
// an investor's pledge before the offering succeeds.
func (Bank) PlaceModuleHold(ctx *core.Context, module, owner, beneficiary, asset string, amount, expiresAt int64, reference string) (uint64, error) {
	id, err := PlaceHold(ctx, owner, beneficiary, asset, amount, expiresAt, reference)
	if err != nil {
		return 0, err
	}
	h, _ := GetHold(ctx.KV, id)
	h.HeldBy = module
	core.SetProto(ctx.KV, HoldKey(id), h)
	return id, nil
}
