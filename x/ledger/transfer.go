package ledger

import (
	"fmt"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// MaxPayouts bounds a multi-transfer.
const MaxPayouts = 256

// Transfer moves the signer's funds to a registered account.
func Transfer(ctx *core.Context, m *txpb.MsgTransfer) error {
	return Move(ctx, ctx.Signer, m.To, m.Asset, m.Amount)
}

// MultiTransfer pays several recipients from the signer in one atomic batch (the caller
// discards every payout if any fails).
func MultiTransfer(ctx *core.Context, m *txpb.MsgMultiTransfer) error {
	if len(m.Payouts) == 0 || len(m.Payouts) > MaxPayouts {
		return ErrTooManyPayouts.Wrapf("payouts must number 1..%d, got %d", MaxPayouts, len(m.Payouts))
	}
	for i, p := range m.Payouts {
		if err := Move(ctx, ctx.Signer, p.To, p.Asset, p.Amount); err != nil {
			return fmt.Errorf("payout %d: %w", i, err)
		}
	}
	return nil
}

// SetFrozen sets or clears the freeze flag of an account.
func SetFrozen(ctx *core.Context, m *txpb.MsgSetFrozen) error {
	if err := checkRecipient(ctx, "account", m.Account); err != nil {
		return err
	}
	if len(m.Reason) > tx.MaxStringField {
		return ErrBadName.Wrapf("reason over %d bytes", tx.MaxStringField)
	}
	if m.Frozen {
		reason := m.Reason
		if reason == "" {
			reason = "frozen"
		}
		ctx.KV.Set(FrozenKey(m.Account), []byte(reason))
	} else {
		ctx.KV.Delete(FrozenKey(m.Account))
	}
	ctx.Emit("ledger.frozen_set", "account", m.Account, "frozen", fmt.Sprint(m.Frozen), "reason", m.Reason, "by", ctx.Signer)
	return nil
}
