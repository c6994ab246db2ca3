package credit

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// Credit's stateless checks (module.Route.Basic), refused before the mempool.

func basicRegisterScorecard(m *txpb.Msg) error {
	return validateModelShape(m.GetRegisterScorecard().GetModel())
}

func basicGrantConsent(m *txpb.Msg) error {
	x := m.GetGrantConsent()
	if err := basicConsent(x.GetBorrower(), x.GetLender(), x.GetPurpose()); err != nil {
		return err
	}
	if x.GetLender() == x.GetBorrower() {
		return ErrBadConsent.Wrapf("a borrower needs no consent to see its own report")
	}
	if x.GetExpiresAt() <= 0 {
		return ErrBadConsent.Wrapf("expires_at %d: a block time in unix seconds is required", x.GetExpiresAt())
	}
	return nil
}

func basicRevokeConsent(m *txpb.Msg) error {
	x := m.GetRevokeConsent()
	return basicConsent(x.GetBorrower(), x.GetLender(), x.GetPurpose())
}

func basicConsent(borrower, lender, purpose string) error {
	return tx.FirstError(tx.ValidateAddress("borrower", borrower), tx.ValidateAddress("lender", lender), checkPurpose(purpose))
}

func basicRequestCreditReport(m *txpb.Msg) error {
	x := m.GetRequestCreditReport()
	err := tx.FirstError(tx.ValidateAddress("borrower", x.GetBorrower()), checkPurpose(x.GetPurpose()),
		money.ValidateAssetCode("asset", x.GetAsset()))
	if err != nil || x.GetModel() == "" {
		return err
	}
	if !modelName.MatchString(x.GetModel()) {
		return ErrBadScorecard.Wrapf("model %q: 1..40 of a-z, 0-9 and -", x.GetModel())
	}
	return nil
}
