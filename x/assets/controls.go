package assets

import (
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// SetPaused pauses or resumes an asset (issuer only): while paused, no holder movement.
func SetPaused(ctx *core.Context, m *txpb.MsgSetAssetPaused) error {
	a, err := managed(ctx, m.Asset)
	if err != nil {
		return err
	}
	a.Paused = m.Paused
	core.SetProto(ctx.KV, RulesKey(m.Asset), a)
	ctx.Emit("assets.paused_set", "asset", m.Asset, "paused", boolText(m.Paused), "reason", m.Reason, "by", ctx.Signer)
	return nil
}

// SetFreeze freezes an account's holding, whole or a partial amount, or lifts the freeze
// (issuer only).
func SetFreeze(ctx *core.Context, m *txpb.MsgSetAssetFreeze) error {
	a, err := managed(ctx, m.Asset)
	if err != nil {
		return err
	}
	if m.Account == a.Issuer {
		return ErrBadFreeze.Wrapf("the issuer's own holding is not frozen by its rules")
	}
	if !identity.AccountExists(ctx.KV, m.Account) {
		return ErrRuleRegistered.Wrapf("%s is not a registered account", m.Account)
	}
	h := getHolderRules(ctx.KV, m.Asset, m.Account)
	h.Frozen, h.FrozenAmount = m.Whole, m.Amount
	setHolderRules(ctx.KV, m.Asset, m.Account, h)
	ctx.Emit("assets.freeze_set", "asset", m.Asset, "account", m.Account, "whole", boolText(m.Whole),
		"amount", core.Itoa(m.Amount), "reason", m.Reason, "by", ctx.Signer)
	return nil
}

// ApproveTransfer records the issuer's approval of one transfer of up to amount from → to
// (an asset in pre-approved mode); a second approval of the pair replaces the first.
func ApproveTransfer(ctx *core.Context, m *txpb.MsgApproveAssetTransfer) error {
	a, err := managed(ctx, m.Asset)
	if err != nil {
		return err
	}
	if a.Rules.TransferMode != txpb.TransferMode_TRANSFER_MODE_PRE_APPROVED {
		return ErrBadRules.Wrapf("%s is not in pre-approved mode", m.Asset)
	}
	core.SetInt64(ctx.KV, ApprovalKey(m.Asset, m.From, m.To), m.Amount)
	ctx.Emit("assets.transfer_approved", "asset", m.Asset, "from", m.From, "to", m.To, "amount", core.Itoa(m.Amount))
	return nil
}

// SetAllowList adds and removes accounts of an asset's allow list (issuer only).
func SetAllowList(ctx *core.Context, m *txpb.MsgSetAssetAllowList) error {
	if _, err := managed(ctx, m.Asset); err != nil {
		return err
	}
	for _, addr := range m.Add {
		if !identity.AccountExists(ctx.KV, addr) {
			return ErrRuleRegistered.Wrapf("%s is not a registered account", addr)
		}
		ctx.KV.Set(AllowKey(m.Asset, addr), present)
		ctx.Emit("assets.allow_listed", "asset", m.Asset, "account", addr)
	}
	for _, addr := range m.Remove {
		ctx.KV.Delete(AllowKey(m.Asset, addr))
		ctx.Emit("assets.allow_list_removed", "asset", m.Asset, "account", addr)
	}
	return nil
}

// maxAllowListChange bounds one allow-list message.
const maxAllowListChange = 100
