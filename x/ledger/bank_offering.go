package ledger

import (
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

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
