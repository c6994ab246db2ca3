package offering

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// Bounds of an offering.
const (
	MaxFeeBps = 1000 // a platform fee of at most 10% of the raised cash
	// MaxPledges bounds an offering's pledges, and so the work of its settlement (one
	// block step per pledge).
	MaxPledges = 500
	// MaxDurationSecs bounds how long an offering stays open (a year).
	MaxDurationSecs = 366 * 86400
	// holdGraceSecs is how long after the closing time a pledge's hold would expire by
	// itself: settlement runs at the closing time, so the ledger's expiry is only a backstop
	// against a scheduler backlog.
	holdGraceSecs = 30 * 86400
)

func basicCreateOffering(m *txpb.Msg) error { return checkTerms(m.GetCreateOffering()) }

// checkTerms is everything about an offering's terms that needs no state.
func checkTerms(t *txpb.MsgCreateOffering) error {
	if err := money.ValidateAssetCode("asset", t.GetAsset()); err != nil {
		return err
	}
	if err := money.ValidateAssetCode("settlement_asset", t.SettlementAsset); err != nil {
		return err
	}
	switch {
	case t.Asset == t.SettlementAsset:
		return ErrBadOffering.Wrapf("asset and settlement_asset are both %s", t.Asset)
	case t.Price <= 0:
		return ErrBadOffering.Wrapf("price %d must be > 0", t.Price)
	case t.SoftCap <= 0 || t.HardCap < t.SoftCap:
		return ErrBadOffering.Wrapf("caps %d..%d: 0 < soft_cap <= hard_cap", t.SoftCap, t.HardCap)
	case t.MinUnits <= 0 || t.MaxUnits < t.MinUnits || t.MaxUnits > t.HardCap:
		return ErrBadOffering.Wrapf("per investor %d..%d: 0 < min_units <= max_units <= hard_cap", t.MinUnits, t.MaxUnits)
	case t.OpensAt <= 0 || t.ClosesAt <= t.OpensAt || t.ClosesAt-t.OpensAt > MaxDurationSecs:
		return ErrBadOffering.Wrapf("open %d..%d: opens_at > 0, closes_at after it, at most %d s", t.OpensAt, t.ClosesAt, MaxDurationSecs)
	case t.FeeBps > MaxFeeBps:
		return ErrBadOffering.Wrapf("fee_bps %d above %d", t.FeeBps, MaxFeeBps)
	case t.FeeBps > 0 && t.FeeAccount == "":
		return ErrBadOffering.Wrapf("fee_bps %d needs a fee_account", t.FeeBps)
	case t.FeeBps == 0 && t.FeeAccount != "":
		return ErrBadOffering.Wrapf("fee_account without fee_bps")
	}
	if t.FeeAccount != "" {
		return tx.ValidateAddress("fee_account", t.FeeAccount)
	}
	return nil
}

func basicPledge(m *txpb.Msg) error {
	p := m.GetPledge()
	if p.GetOfferingId() == 0 {
		return tx.ErrInvalidField.Wrapf("offering_id missing")
	}
	return money.CheckPositive("units", p.Units)
}

func basicCancelOffering(m *txpb.Msg) error {
	c := m.GetCancelOffering()
	switch {
	case c.GetOfferingId() == 0:
		return tx.ErrInvalidField.Wrapf("offering_id missing")
	case len(c.Reason) > MaxCancelReason:
		return tx.ErrInvalidField.Wrapf("reason is %d bytes, at most %d", len(c.Reason), MaxCancelReason)
	}
	return nil
}

func basicWithdrawPledge(m *txpb.Msg) error {
	if m.GetWithdrawPledge().GetOfferingId() == 0 {
		return tx.ErrInvalidField.Wrapf("offering_id missing")
	}
	return nil
}
