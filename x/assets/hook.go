package assets

import (
	"slices"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
)

// Hook enforces ruled assets' rules on every movement of value (ledger.Use) and keeps their
// holder index and snapshots. Movements of assets without rules pass untouched, at the cost
// of one read.
//
// Which rules apply to which movement:
//   - mint: pause, the receiver's checks (below), the supply limit;
//   - transfer and hold: pause, the sender's checks (whole or partial freeze, lock-up, allow
//     list), the transfer mode's approval, the receiver's checks (a hold's beneficiary is
//     checked for verification only: the limits apply when it is captured);
//   - capture: pause and the receiver's checks (the held units passed the sender's at hold);
//   - release and burn: never refused (a release returns the owner's own units; burns are
//     the issuer's own or a clawback).
//
// The receiver's checks: registered, not wholly frozen, KYC level, jurisdiction, allow list,
// balance per holder, number of holders. The issuer is exempt as sender and receiver, and is
// not a holder. An agent action (forced transfer, recovery) passes everything but the
// receiver's verification and the limits.
type Hook struct{}

// BeforeMove refuses a movement a rule forbids, with the rule's code.
func (Hook) BeforeMove(ctx *core.Context, m ledger.Movement) error {
	a, ok := GetRuled(ctx.KV, m.Asset)
	if !ok {
		return nil
	}
	snapshot(ctx, a, m)
	if m.Kind == ledger.MoveRelease || m.Kind == ledger.MoveBurn {
		return nil
	}
	now := ctx.Now()
	if ctx.KV.Get(agentMoveKey) != nil {
		return checkReceiver(ctx.KV, a, m.To, m.Amount, leaving(ctx.KV, a, m), now, true)
	}
	if a.Paused {
		return ErrRulePaused.Wrapf("%s is paused", a.Asset)
	}
	switch m.Kind {
	case ledger.MoveMint:
		if err := checkSupply(ctx.KV, a, m.Amount); err != nil {
			return err
		}
	case ledger.MoveTransfer, ledger.MoveHold:
		if err := checkSender(ctx.KV, a, m.From, m.Amount, now); err != nil {
			return err
		}
		if err := consumeApproval(ctx.KV, a, m); err != nil {
			return err
		}
	}
	return checkReceiver(ctx.KV, a, m.To, m.Amount, leaving(ctx.KV, a, m), now, m.Kind != ledger.MoveHold)
}

// AfterMove keeps the holder index, the count and the minted lots.
func (Hook) AfterMove(ctx *core.Context, m ledger.Movement) error {
	a, ok := GetRuled(ctx.KV, m.Asset)
	if !ok || m.Kind == ledger.MoveHold || m.Kind == ledger.MoveRelease {
		return nil // a hold or release leaves available + held as it was
	}
	changed := reindex(ctx, a, m.From)
	changed = reindex(ctx, a, m.To) || changed
	if changed {
		core.SetProto(ctx.KV, RulesKey(a.Asset), a)
	}
	now := ctx.Now()
	if m.Kind == ledger.MoveMint && a.Rules.LockupSeconds > 0 && m.To != a.Issuer {
		h := getHolderRules(ctx.KV, a.Asset, m.To)
		addLot(h, m.Amount, now+a.Rules.LockupSeconds)
		setHolderRules(ctx.KV, a.Asset, m.To, h)
	}
	if m.From != "" && m.From != a.Issuer {
		if h := getHolderRules(ctx.KV, a.Asset, m.From); len(h.Lots) > 0 && pruneLots(h, now, ledger.AvailableOf(ctx.KV, m.From, a.Asset)) {
			setHolderRules(ctx.KV, a.Asset, m.From, h)
		}
	}
	return nil
}

// leaving reports whether the movement takes the sender's whole holding (so that it stops
// being a holder as the receiver may start being one).
func leaving(r store.Reader, a *statepb.RuledAsset, m ledger.Movement) bool {
	if m.From == "" || m.From == a.Issuer || (m.Kind != ledger.MoveTransfer && m.Kind != ledger.MoveCapture) {
		return false
	}
	return holding(r, m.From, a.Asset) == m.Amount
}

func checkSupply(r store.Reader, a *statepb.RuledAsset, amount int64) error {
	if a.Rules.MaxSupply == 0 {
		return nil
	}
	la, ok := ledger.GetAsset(r, a.Asset)
	if !ok {
		return nil
	}
	if supply := la.Minted - la.Burned; supply+amount > a.Rules.MaxSupply || supply+amount < supply {
		return ErrRuleMaxSupply.Wrapf("supply %d + %d above %d", supply, amount, a.Rules.MaxSupply)
	}
	return nil
}

// checkSender: a sender other than the issuer is not wholly frozen, keeps its partially frozen
// amount and its locked lots, and is on the allow list where the asset keeps one. A movement
// beyond what is available at all is left to the ledger's own refusal.
func checkSender(r store.Reader, a *statepb.RuledAsset, from string, amount, now int64) error {
	if from == a.Issuer {
		return nil
	}
	h := getHolderRules(r, a.Asset, from)
	available := ledger.AvailableOf(r, from, a.Asset)
	switch {
	case h.Frozen:
		return ErrRuleFrozen.Wrapf("%s is frozen for %s", from, a.Asset)
	case amount > available:
	case available-h.FrozenAmount < amount:
		return ErrRuleFrozen.Wrapf("%s has %d of %s frozen, %d available", from, h.FrozenAmount, a.Asset, available)
	case available-h.FrozenAmount-locked(h, now) < amount:
		return ErrRuleLockup.Wrapf("%s has %d of %s locked up", from, locked(h, now), a.Asset)
	}
	if a.Rules.TransferMode == txpb.TransferMode_TRANSFER_MODE_ALLOW_LIST && r.Get(AllowKey(a.Asset, from)) == nil {
		return ErrRuleAllowList.Wrapf("sender %s is not on %s's allow list", from, a.Asset)
	}
	return nil
}

// consumeApproval uses up the issuer's approval of a transfer between two holders.
func consumeApproval(kv store.KV, a *statepb.RuledAsset, m ledger.Movement) error {
	if a.Rules.TransferMode != txpb.TransferMode_TRANSFER_MODE_PRE_APPROVED || m.From == a.Issuer || m.To == a.Issuer {
		return nil
	}
	key := ApprovalKey(a.Asset, m.From, m.To)
	if approved := core.GetInt64(kv, key); approved < m.Amount {
		return ErrRulePreApproval.Wrapf("no approval of %d %s from %s to %s (approved %d)", m.Amount, a.Asset, m.From, m.To, approved)
	}
	kv.Delete(key)
	return nil
}

// checkReceiver is the receiver's side: verification always; with limits, the balance per
// holder and the holder count (leaving: the sender stops being a holder in the same move).
func checkReceiver(r store.Reader, a *statepb.RuledAsset, to string, amount int64, leaving bool, now int64, limits bool) error {
	if to == "" || to == a.Issuer {
		return nil
	}
	if err := verified(r, a, to, now); err != nil {
		return err
	}
	if !limits {
		return nil
	}
	has := holding(r, to, a.Asset)
	if max := a.Rules.MaxBalance; max > 0 && (has+amount > max || has+amount < has) {
		return ErrRuleMaxBalance.Wrapf("%s would hold %d of %s, max %d", to, has+amount, a.Asset, max)
	}
	if max := a.Rules.MaxHolders; max > 0 && has == 0 && !leaving && a.Holders >= max {
		return ErrRuleMaxHolders.Wrapf("%s has %d holders, max %d", a.Asset, a.Holders, max)
	}
	return nil
}

// verified: registered, not wholly frozen, KYC level and jurisdiction, allow list.
func verified(r store.Reader, a *statepb.RuledAsset, to string, now int64) error {
	if !identity.AccountExists(r, to) {
		return ErrRuleRegistered.Wrapf("%s is not a registered account", to)
	}
	if getHolderRules(r, a.Asset, to).Frozen {
		return ErrRuleFrozen.Wrapf("%s is frozen for %s", to, a.Asset)
	}
	if a.Rules.MinKycLevel > 0 { // a level-0 rule admits everyone: no reads
		if lvl := identity.EffectiveKYCLevel(r, to, now); lvl < a.Rules.MinKycLevel {
			return ErrRuleKYCLevel.Wrapf("%s has KYC level %d, %s requires %d", to, lvl, a.Asset, a.Rules.MinKycLevel)
		}
	}
	if len(a.Rules.Jurisdictions) > 0 {
		if j := identity.LiveJurisdiction(r, to, now); !slices.Contains(a.Rules.Jurisdictions, j) {
			return ErrRuleJurisdiction.Wrapf("%s's attested jurisdiction %q is not among %v", to, j, a.Rules.Jurisdictions)
		}
	}
	if a.Rules.TransferMode == txpb.TransferMode_TRANSFER_MODE_ALLOW_LIST && r.Get(AllowKey(a.Asset, to)) == nil {
		return ErrRuleAllowList.Wrapf("receiver %s is not on %s's allow list", to, a.Asset)
	}
	return nil
}
