package assets

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/ledger"
)

// The stateless checks (module.Route.Basic). Who issued the asset, and what is held, need
// state: the handlers judge them.

func basicRegisterRuled(m *txpb.Msg) error {
	x := m.GetRegisterRuledAsset()
	if err := ledger.ValidateAssetCode("code", x.GetCode()); err != nil {
		return err
	}
	if err := tx.CheckText("name", x.GetName(), 1, tx.MaxStringField); err != nil {
		return err
	}
	if x.GetScale() > ledger.MaxScale {
		return ledger.ErrBadScale.Wrapf("scale %d above %d", x.GetScale(), ledger.MaxScale)
	}
	return checkRuleSet(x.GetRules())
}

func basicTighten(m *txpb.Msg) error {
	x := m.GetTightenAssetRules()
	if err := ledger.ValidateAssetCode("asset", x.GetAsset()); err != nil {
		return err
	}
	return checkRuleSet(x.GetRules())
}

// reason checks an optional (required: min 1) reason's length.
func reason(s string, required bool) error {
	if required && s == "" {
		return ErrBadReason.Wrapf("an agent action records its reason")
	}
	return tx.CheckText("reason", s, 0, tx.MaxStringField)
}

func basicPaused(m *txpb.Msg) error {
	x := m.GetSetAssetPaused()
	return tx.FirstError(ledger.ValidateAssetCode("asset", x.GetAsset()), reason(x.GetReason(), false))
}

func basicFreeze(m *txpb.Msg) error {
	x := m.GetSetAssetFreeze()
	if err := tx.FirstError(ledger.ValidateAssetCode("asset", x.GetAsset()), tx.ValidateAddress("account", x.GetAccount()),
		reason(x.GetReason(), false)); err != nil {
		return err
	}
	if x.GetAmount() < 0 || (x.GetWhole() && x.GetAmount() != 0) {
		return ErrBadFreeze.Wrapf("amount must be >= 0, and 0 with a whole freeze")
	}
	return nil
}

func basicApprove(m *txpb.Msg) error {
	x := m.GetApproveAssetTransfer()
	if err := tx.FirstError(ledger.ValidateAssetCode("asset", x.GetAsset()), tx.ValidateAddress("from", x.GetFrom()),
		tx.ValidateAddress("to", x.GetTo()), money.CheckPositive("amount", x.GetAmount())); err != nil {
		return err
	}
	if x.GetFrom() == x.GetTo() {
		return ledger.ErrSelfTransfer.Wrapf("%s", x.GetFrom())
	}
	return nil
}

func basicAllowList(m *txpb.Msg) error {
	x := m.GetSetAssetAllowList()
	if err := ledger.ValidateAssetCode("asset", x.GetAsset()); err != nil {
		return err
	}
	if n := len(x.GetAdd()) + len(x.GetRemove()); n == 0 || n > maxAllowListChange {
		return tx.ErrInvalidField.Wrapf("add and remove: 1..%d accounts in all", maxAllowListChange)
	}
	for _, a := range append(append([]string{}, x.GetAdd()...), x.GetRemove()...) {
		if err := tx.ValidateAddress("account", a); err != nil {
			return err
		}
	}
	return nil
}

func basicForce(m *txpb.Msg) error {
	x := m.GetForceAssetTransfer()
	if err := tx.FirstError(ledger.ValidateAssetCode("asset", x.GetAsset()), tx.ValidateAddress("from", x.GetFrom()),
		tx.ValidateAddress("to", x.GetTo()), money.CheckPositive("amount", x.GetAmount()), reason(x.GetReason(), true)); err != nil {
		return err
	}
	if x.GetFrom() == x.GetTo() {
		return ledger.ErrSelfTransfer.Wrapf("%s", x.GetFrom())
	}
	return nil
}

func basicRecover(m *txpb.Msg) error {
	x := m.GetRecoverAssetBalance()
	if err := tx.FirstError(ledger.ValidateAssetCode("asset", x.GetAsset()), tx.ValidateAddress("lost", x.GetLost()),
		tx.ValidateAddress("new_account", x.GetNewAccount()), reason(x.GetReason(), true)); err != nil {
		return err
	}
	if x.GetLost() == x.GetNewAccount() {
		return ledger.ErrSelfTransfer.Wrapf("%s", x.GetLost())
	}
	return nil
}

func basicClawback(m *txpb.Msg) error {
	x := m.GetClawbackAsset()
	return tx.FirstError(ledger.ValidateAssetCode("asset", x.GetAsset()), tx.ValidateAddress("from", x.GetFrom()),
		money.CheckPositive("amount", x.GetAmount()), reason(x.GetReason(), true))
}

func basicDistribution(m *txpb.Msg) error {
	x := m.GetCreateDistribution()
	if err := tx.FirstError(ledger.ValidateAssetCode("asset", x.GetAsset()), ledger.ValidateAssetCode("settlement_asset", x.GetSettlementAsset()),
		money.CheckPositive("amount", x.GetAmount()), tx.CheckText("memo", x.GetMemo(), 0, tx.MaxStringField)); err != nil {
		return err
	}
	if x.GetAsset() == x.GetSettlementAsset() {
		return ErrBadDistribution.Wrapf("the settlement asset must differ from the asset")
	}
	return nil
}
