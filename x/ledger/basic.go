package ledger

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The ledger's stateless checks (module.Route.Basic): what a message alone shows to be
// wrong, refused before the mempool. The handlers keep their own checks, so a message
// executed by another path (a governance action) is held to the same rules.

func basicRegisterAsset(m *txpb.Msg) error {
	a := m.GetRegisterAsset()
	if err := ValidateAssetCode("code", a.GetCode()); err != nil {
		return err
	}
	if len(a.GetName()) == 0 || len(a.GetName()) > tx.MaxStringField {
		return ErrBadName.Wrapf("name length must be 1..%d", tx.MaxStringField)
	}
	if a.GetScale() > MaxScale {
		return ErrBadScale.Wrapf("scale %d above %d", a.GetScale(), MaxScale)
	}
	if a.GetMaxSupply() < 0 {
		return money.ErrNonPositive.Wrapf("max_supply must be >= 0 (0: unlimited)")
	}
	return nil
}

func basicMint(m *txpb.Msg) error {
	x := m.GetMint()
	return tx.FirstError(ValidateAssetCode("asset", x.GetAsset()), tx.ValidateAddress("to", x.GetTo()),
		money.CheckPositive("amount", x.GetAmount()))
}

func basicBurn(m *txpb.Msg) error {
	x := m.GetBurn()
	return tx.FirstError(ValidateAssetCode("asset", x.GetAsset()), money.CheckPositive("amount", x.GetAmount()))
}

func basicTransfer(m *txpb.Msg) error {
	x := m.GetTransfer()
	return basicPayout(x.GetTo(), x.GetAsset(), x.GetAmount())
}

func basicPayout(to, asset string, amount int64) error {
	return tx.FirstError(tx.ValidateAddress("to", to), ValidateAssetCode("asset", asset), money.CheckPositive("amount", amount))
}

func basicMultiTransfer(m *txpb.Msg) error {
	ps := m.GetMultiTransfer().GetPayouts()
	if len(ps) == 0 || len(ps) > MaxPayouts {
		return ErrTooManyPayouts.Wrapf("payouts must number 1..%d, got %d", MaxPayouts, len(ps))
	}
	for i, p := range ps {
		if err := basicPayout(p.GetTo(), p.GetAsset(), p.GetAmount()); err != nil {
			e := tx.AsError(err)
			return e.Wrapf("payout %d: %s", i, e.Detail)
		}
	}
	return nil
}

func basicPlaceHold(m *txpb.Msg) error {
	x := m.GetPlaceHold()
	if err := tx.FirstError(tx.ValidateAddress("beneficiary", x.GetBeneficiary()), ValidateAssetCode("asset", x.GetAsset()),
		money.CheckPositive("amount", x.GetAmount())); err != nil {
		return err
	}
	if x.GetExpiresAt() <= 0 {
		return ErrBadExpiry.Wrapf("expires_at %d: a block time in unix seconds is required", x.GetExpiresAt())
	}
	if len(x.GetReference()) > tx.MaxStringField {
		return ErrBadName.Wrapf("reference over %d bytes", tx.MaxStringField)
	}
	return nil
}

func basicReleaseHold(m *txpb.Msg) error {
	return tx.RequireID("hold_id", m.GetReleaseHold().GetHoldId())
}

func basicCaptureHold(m *txpb.Msg) error {
	x := m.GetCaptureHold()
	if x.GetAmount() < 0 {
		return money.ErrNonPositive.Wrapf("amount must be >= 0 (0: all), got %d", x.GetAmount())
	}
	return tx.RequireID("hold_id", x.GetHoldId())
}

func basicSetFrozen(m *txpb.Msg) error {
	x := m.GetSetFrozen()
	if err := tx.ValidateAddress("account", x.GetAccount()); err != nil {
		return err
	}
	if len(x.GetReason()) > tx.MaxStringField {
		return ErrBadName.Wrapf("reason over %d bytes", tx.MaxStringField)
	}
	return nil
}
