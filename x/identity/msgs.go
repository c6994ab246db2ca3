package identity

import (
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// RegisterAccount registers an individual's key, sponsored by the signing member.
func RegisterAccount(ctx *core.Context, m *txpb.MsgRegisterAccount) error {
	if len(m.PubKey) != tx.PubKeySize {
		return ErrBadPubKeyBytes.Wrapf("pub_key must be %d bytes", tx.PubKeySize)
	}
	if m.KycLevel > MaxKYCLevel {
		return ErrBadKYCLevel.Wrapf("kyc_level %d above %d", m.KycLevel, MaxKYCLevel)
	}
	addr := tx.AddressOf(m.PubKey)
	if AccountExists(ctx.KV, addr) {
		return ErrAccountExists.Wrapf("%s", addr)
	}
	core.SetProto(ctx.KV, AccountKey(addr), &statepb.Account{
		Address: addr, PubKey: m.PubKey, Sponsor: ctx.Signer, KycLevel: m.KycLevel, CreatedHeight: ctx.Height,
	})
	ctx.Emit("identity.account_registered", "address", addr, "sponsor", ctx.Signer, "kyc_level", core.Itoa(int64(m.KycLevel)))
	return nil
}

// SetKYCLevel changes an individual's KYC level: a KYC provider for any account, a bank or
// MFI only for accounts it sponsors.
func SetKYCLevel(ctx *core.Context, m *txpb.MsgSetKycLevel) error {
	if err := tx.ValidateAddress("account", m.Account); err != nil {
		return err
	}
	if m.KycLevel > MaxKYCLevel {
		return ErrBadKYCLevel.Wrapf("kyc_level %d above %d", m.KycLevel, MaxKYCLevel)
	}
	acc, ok := GetAccount(ctx.KV, m.Account)
	if !ok {
		return ErrNoAccount.Wrapf("%s", m.Account)
	}
	if !HasRole(ctx.KV, ctx.Signer, RoleKYCProvider) && acc.Sponsor != ctx.Signer {
		return ErrNotSponsor.Wrapf("%s is not the sponsor of %s", ctx.Signer, m.Account)
	}
	acc.KycLevel = m.KycLevel
	core.SetProto(ctx.KV, AccountKey(m.Account), acc)
	ctx.Emit("identity.kyc_level_set", "address", m.Account, "kyc_level", core.Itoa(int64(m.KycLevel)), "by", ctx.Signer)
	return nil
}
