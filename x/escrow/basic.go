package escrow

import (
	"crypto/sha256"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The stateless checks (module.Route.Basic). That parties exist, that times lie ahead of the
// block, and who signs, need state or the block: the handlers judge them.

// MaxPreimageBytes bounds an HTLC preimage.
const MaxPreimageBytes = 256

func basicCreateEscrow(m *txpb.Msg) error { return checkEscrowShape(m.GetCreateEscrow()) }

// checkEscrowShape: amounts, addresses, exactly one release condition, a compiling condition.
func checkEscrowShape(t *txpb.MsgCreateEscrow) error {
	if err := tx.ValidateAddress("payee", t.GetPayee()); err != nil {
		return err
	}
	if err := money.ValidateAssetCode("asset", t.Asset); err != nil {
		return err
	}
	if err := money.CheckPositive("amount", t.Amount); err != nil {
		return err
	}
	conditions := 0
	for _, set := range []bool{t.ReleaseAt != 0, t.Arbiter != "", t.Condition != ""} {
		if set {
			conditions++
		}
	}
	switch {
	case conditions != 1:
		return ErrBadEscrow.Wrapf("%d release conditions: exactly one of release_at, arbiter, condition", conditions)
	case t.RefundAt <= 0 || t.ReleaseAt < 0:
		return ErrBadEscrow.Wrapf("refund_at %d must be > 0 (release_at %d >= 0)", t.RefundAt, t.ReleaseAt)
	case t.ReleaseAt > 0 && t.ReleaseAt >= t.RefundAt:
		return ErrBadEscrow.Wrapf("release_at %d is not before refund_at %d", t.ReleaseAt, t.RefundAt)
	case (t.WatchAccount == "") != (t.WatchAsset == ""):
		return ErrBadEscrow.Wrapf("watch_account and watch_asset go together")
	case t.WatchAccount != "" && t.Condition == "":
		return ErrBadEscrow.Wrapf("a watched balance is a fact for a condition only")
	case len(t.Memo) > tx.MaxStringField:
		return ErrBadEscrow.Wrapf("memo over %d bytes", tx.MaxStringField)
	}
	if t.Arbiter != "" {
		if err := tx.ValidateAddress("arbiter", t.Arbiter); err != nil {
			return err
		}
	}
	if t.WatchAccount != "" {
		if err := tx.ValidateAddress("watch_account", t.WatchAccount); err != nil {
			return err
		}
		if err := money.ValidateAssetCode("watch_asset", t.WatchAsset); err != nil {
			return err
		}
	}
	if t.Condition != "" {
		_, err := program(t.Condition)
		return err
	}
	return nil
}

func basicEscrowID(id uint64) error {
	if id == 0 {
		return tx.ErrInvalidField.Wrapf("id missing")
	}
	return nil
}

func basicReleaseEscrow(m *txpb.Msg) error { return basicEscrowID(m.GetReleaseEscrow().GetEscrowId()) }
func basicRefundEscrow(m *txpb.Msg) error  { return basicEscrowID(m.GetRefundEscrow().GetEscrowId()) }
func basicAcceptSwap(m *txpb.Msg) error    { return basicEscrowID(m.GetAcceptSwap().GetSwapId()) }
func basicCancelSwap(m *txpb.Msg) error    { return basicEscrowID(m.GetCancelSwap().GetSwapId()) }
func basicReclaimHtlc(m *txpb.Msg) error   { return basicEscrowID(m.GetReclaimHtlc().GetHtlcId()) }

func basicProposeSwap(m *txpb.Msg) error {
	s := m.GetProposeSwap()
	if err := tx.ValidateAddress("counterparty", s.GetCounterparty()); err != nil {
		return err
	}
	for _, leg := range []struct {
		field, asset string
		amount       int64
	}{{"give", s.GiveAsset, s.GiveAmount}, {"want", s.WantAsset, s.WantAmount}} {
		if err := money.ValidateAssetCode(leg.field+"_asset", leg.asset); err != nil {
			return err
		}
		if err := money.CheckPositive(leg.field+"_amount", leg.amount); err != nil {
			return err
		}
	}
	if s.GiveAsset == s.WantAsset {
		return ErrBadSwap.Wrapf("both legs in %s", s.GiveAsset)
	}
	if s.ExpiresAt <= 0 {
		return ErrBadSwap.Wrapf("expires_at %d must be > 0", s.ExpiresAt)
	}
	return nil
}

func basicLockHtlc(m *txpb.Msg) error {
	h := m.GetLockHtlc()
	if err := tx.ValidateAddress("receiver", h.GetReceiver()); err != nil {
		return err
	}
	if err := money.ValidateAssetCode("asset", h.Asset); err != nil {
		return err
	}
	if err := money.CheckPositive("amount", h.Amount); err != nil {
		return err
	}
	if len(h.Hashlock) != sha256.Size {
		return ErrBadHtlc.Wrapf("hashlock is %d bytes, a SHA-256 is %d", len(h.Hashlock), sha256.Size)
	}
	if h.ExpiresAt <= 0 {
		return ErrBadHtlc.Wrapf("expires_at %d must be > 0", h.ExpiresAt)
	}
	return nil
}

func basicClaimHtlc(m *txpb.Msg) error {
	c := m.GetClaimHtlc()
	if err := basicEscrowID(c.GetHtlcId()); err != nil {
		return err
	}
	if len(c.Preimage) == 0 || len(c.Preimage) > MaxPreimageBytes {
		return ErrBadHtlc.Wrapf("preimage is %d bytes, allowed 1..%d", len(c.Preimage), MaxPreimageBytes)
	}
	return nil
}
