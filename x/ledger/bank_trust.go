package ledger

import (
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// OpenKeylessAccount registers addr as an account that can hold and receive value but that
// no key can sign for: its record carries no public key, and a transaction's signer is
// always the hash of the public key it carries (tx.AddressOf), so only an address derived
// from something that is not a key (a trust's id, say) is safe here — reaching it with a
// key would need a SHA-256 preimage. Its funds move only when the module that owns it calls
// Move with it as the payer. sponsor is the member answerable for it.
func (Bank) OpenKeylessAccount(ctx *core.Context, addr, sponsor string) error {
	if err := tx.ValidateAddress("account", addr); err != nil {
		return err
	}
	if identity.AccountExists(ctx.KV, addr) {
		return identity.ErrAccountExists.Wrapf("%s", addr)
	}
	core.SetProto(ctx.KV, identity.AccountKey(addr), &statepb.Account{Address: addr, Sponsor: sponsor, CreatedHeight: ctx.Height})
	ctx.Emit("ledger.keyless_account_opened", "address", addr, "sponsor", sponsor)
	return nil
}
