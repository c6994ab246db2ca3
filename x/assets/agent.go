package assets

import (
	"bytes"

	"github.com/puhui-chain/puhui/store"

	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// Kinds of agent action.
const (
	ActionForcedTransfer = "forced_transfer"
	ActionRecovery       = "recovery"
	ActionClawback       = "clawback"
)

// GetAction reads a recorded agent action.
func GetAction(r store.Reader, id uint64) (*statepb.AgentAction, bool) {
	var a statepb.AgentAction
	return &a, core.GetProto(r, ActionKey(id), &a)
}

// record writes an agent action with its reason and emits it.
func record(ctx *core.Context, act *statepb.AgentAction) {
	act.Id = uint64(core.GetInt64(ctx.KV, actionSeqKey)) + 1
	act.By, act.Height, act.At = ctx.Signer, ctx.Height, ctx.Now()
	core.SetInt64(ctx.KV, actionSeqKey, int64(act.Id))
	core.SetProto(ctx.KV, ActionKey(act.Id), act)
	ctx.Emit("assets.agent_action", "action_id", core.Itoa(int64(act.Id)), "kind", act.Kind, "asset", act.Asset,
		"from", act.From, "to", act.To, "amount", core.Itoa(act.Amount), "reason", act.Reason, "by", ctx.Signer)
}

// agentMove runs a ledger move as an agent action: the hook then checks only the receiver's
// verification and the limits. The marker lives only inside the call.
func (k keeper) agentMove(ctx *core.Context, from, to, asset string, amount int64) error {
	ctx.KV.Set(agentMoveKey, present)
	defer ctx.KV.Delete(agentMoveKey)
	return k.bank.Move(ctx, from, to, asset, amount)
}

// ForceTransfer moves units between holders past pause, freeze, lock-up and the transfer mode
// (issuer only, with a reason).
func (k keeper) ForceTransfer(ctx *core.Context, m *txpb.MsgForceAssetTransfer) error {
	if _, err := managed(ctx, m.Asset); err != nil {
		return err
	}
	if err := k.agentMove(ctx, m.From, m.To, m.Asset, m.Amount); err != nil {
		return err
	}
	record(ctx, &statepb.AgentAction{Asset: m.Asset, Kind: ActionForcedTransfer, From: m.From, To: m.To, Amount: m.Amount, Reason: m.Reason})
	return nil
}

// SameHolder reports whether two accounts belong to one person: both carry a live KYC
// attestation by the same provider over the same evidence hash (the provider re-attested
// the holder's evidence for the new key).
func SameHolder(r store.Reader, lost, next string, now int64) bool {
	a, ok := identity.GetAttestation(r, lost)
	b, ok2 := identity.GetAttestation(r, next)
	if !ok || !ok2 || b.Revoked || now >= b.ExpiresAt {
		return false
	}
	return a.Provider == b.Provider && bytes.Equal(a.EvidenceHash, b.EvidenceHash)
}

// Recover moves a lost account's whole available holding, its locked lots and its freeze to
// a new account of the same holder (issuer only, with a reason).
func (k keeper) Recover(ctx *core.Context, m *txpb.MsgRecoverAssetBalance) error {
	if _, err := managed(ctx, m.Asset); err != nil {
		return err
	}
	if !SameHolder(ctx.KV, m.Lost, m.NewAccount, ctx.Now()) {
		return ErrNotSameHolder.Wrapf("%s and %s do not carry live attestations by one provider over one evidence hash", m.Lost, m.NewAccount)
	}
	amount := k.bank.AvailableOf(ctx.KV, m.Lost, m.Asset)
	if amount <= 0 {
		return ErrNothingToMove.Wrapf("%s holds no available %s", m.Lost, m.Asset)
	}
	rules := getHolderRules(ctx.KV, m.Asset, m.Lost)
	if err := k.agentMove(ctx, m.Lost, m.NewAccount, m.Asset, amount); err != nil {
		return err
	}
	// The lots and the freeze follow the units: the holder is the same.
	setHolderRules(ctx.KV, m.Asset, m.Lost, &statepb.HolderRules{})
	next := getHolderRules(ctx.KV, m.Asset, m.NewAccount)
	next.Frozen, next.FrozenAmount = next.Frozen || rules.Frozen, next.FrozenAmount+rules.FrozenAmount
	for _, l := range rules.Lots {
		addLot(next, l.Amount, l.UnlockAt)
	}
	setHolderRules(ctx.KV, m.Asset, m.NewAccount, next)
	record(ctx, &statepb.AgentAction{Asset: m.Asset, Kind: ActionRecovery, From: m.Lost, To: m.NewAccount, Amount: amount, Reason: m.Reason})
	return nil
}

// Clawback burns units from a holder; only an asset registered revocable (issuer only).
func (k keeper) Clawback(ctx *core.Context, m *txpb.MsgClawbackAsset) error {
	a, err := managed(ctx, m.Asset)
	if err != nil {
		return err
	}
	if !a.Rules.Revocable {
		return ErrNotRevocable.Wrapf("%s was not registered revocable", m.Asset)
	}
	if err := k.bank.BurnFrom(ctx, m.From, m.Asset, m.Amount); err != nil {
		return err
	}
	record(ctx, &statepb.AgentAction{Asset: m.Asset, Kind: ActionClawback, From: m.From, Amount: m.Amount, Reason: m.Reason})
	return nil
}
