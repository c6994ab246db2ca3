package assets

import (
	"slices"
	"strings"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// Bounds of a rule set.
const (
	maxJurisdictions = 64
	maxAgents        = 16
	maxLockupSeconds = 50 * 366 * 86400
)

// GetRuled reads an asset registered through x/assets.
func GetRuled(r store.Reader, asset string) (*statepb.RuledAsset, bool) {
	var a statepb.RuledAsset
	return &a, core.GetProto(r, RulesKey(asset), &a)
}

// ListRuled lists every ruled asset, by code.
func ListRuled(r store.Reader) []*statepb.RuledAsset {
	return core.ListProto[statepb.RuledAsset](r, rulesPrefix)
}

// checkRuleSet is the stateless shape of a rule set.
func checkRuleSet(s *txpb.AssetRuleSet) error {
	switch {
	case s == nil:
		return ErrBadRules.Wrapf("no rules")
	case s.MinKycLevel > identity.MaxKYCLevel:
		return ErrBadRules.Wrapf("min_kyc_level %d above %d", s.MinKycLevel, identity.MaxKYCLevel)
	case len(s.Jurisdictions) > maxJurisdictions:
		return ErrBadRules.Wrapf("%d jurisdictions, at most %d", len(s.Jurisdictions), maxJurisdictions)
	case s.MaxBalance < 0 || s.MaxSupply < 0:
		return ErrBadRules.Wrapf("max_balance and max_supply must be >= 0 (0: no limit)")
	case s.LockupSeconds < 0 || s.LockupSeconds > maxLockupSeconds:
		return ErrBadRules.Wrapf("lockup_seconds %d: 0..%d", s.LockupSeconds, maxLockupSeconds)
	case s.TransferMode < txpb.TransferMode_TRANSFER_MODE_FREE || s.TransferMode > txpb.TransferMode_TRANSFER_MODE_PRE_APPROVED:
		return ErrBadRules.Wrapf("unknown transfer_mode %d", s.TransferMode)
	}
	if len(s.Agents) > maxAgents {
		return ErrBadRules.Wrapf("%d agents, at most %d", len(s.Agents), maxAgents)
	}
	for i, ag := range s.Agents {
		if err := tx.ValidateAddress("agent", ag); err != nil {
			return err
		}
		if i > 0 && strings.Compare(s.Agents[i-1], ag) >= 0 {
			return ErrBadRules.Wrapf("agents must be sorted and distinct")
		}
	}
	for i, j := range s.Jurisdictions {
		if !identity.ValidJurisdiction(j) {
			return ErrBadRules.Wrapf("jurisdiction %q: an ISO 3166-1 alpha-2 code", j)
		}
		if i > 0 && strings.Compare(s.Jurisdictions[i-1], j) >= 0 {
			return ErrBadRules.Wrapf("jurisdictions must be sorted and distinct")
		}
	}
	return nil
}

// RegisterRuled registers the ledger asset (the signer its issuer) and its rules in one step.
func (k keeper) RegisterRuled(ctx *core.Context, m *txpb.MsgRegisterRuledAsset) error {
	if err := checkRuleSet(m.Rules); err != nil {
		return err
	}
	if err := k.bank.RegisterAsset(ctx, &txpb.MsgRegisterAsset{Code: m.Code, Name: m.Name, Scale: m.Scale}); err != nil {
		return err
	}
	core.SetProto(ctx.KV, RulesKey(m.Code), &statepb.RuledAsset{Asset: m.Code, Issuer: ctx.Signer, Rules: m.Rules, RegisteredAt: ctx.Now()})
	emitRules(ctx, "assets.registered", m.Code, m.Rules)
	return nil
}

func emitRules(ctx *core.Context, event, asset string, s *txpb.AssetRuleSet) {
	ctx.Emit(event, "asset", asset, "by", ctx.Signer, "min_kyc_level", core.Itoa(int64(s.MinKycLevel)),
		"jurisdictions", strings.Join(s.Jurisdictions, ","), "max_holders", core.Itoa(int64(s.MaxHolders)),
		"max_balance", core.Itoa(s.MaxBalance), "max_supply", core.Itoa(s.MaxSupply),
		"lockup_seconds", core.Itoa(s.LockupSeconds), "transfer_mode", s.TransferMode.String(),
		"revocable", boolText(s.Revocable), "agents", strings.Join(s.Agents, ","))
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// issued reads a ruled asset and checks that the signer is its issuer.
func issued(ctx *core.Context, asset string) (*statepb.RuledAsset, error) {
	a, ok := GetRuled(ctx.KV, asset)
	if !ok {
		return nil, ErrUnknownAsset.Wrapf("%s was not registered through x/assets", asset)
	}
	if a.Issuer != ctx.Signer {
		return nil, ErrNotIssuer.Wrapf("%s is issued by %s", asset, a.Issuer)
	}
	return a, nil
}

// managed reads a ruled asset and checks that the signer is its issuer or one of its agents.
func managed(ctx *core.Context, asset string) (*statepb.RuledAsset, error) {
	a, ok := GetRuled(ctx.KV, asset)
	if !ok {
		return nil, ErrUnknownAsset.Wrapf("%s was not registered through x/assets", asset)
	}
	if a.Issuer != ctx.Signer && !slices.Contains(a.Rules.Agents, ctx.Signer) {
		return nil, ErrNotIssuer.Wrapf("%s is managed by its issuer %s and its agents", asset, a.Issuer)
	}
	return a, nil
}

// Tighten replaces an asset's rules with a set that is no looser in any rule (issuer only): a
// KYC level only rises, agents are only removed, jurisdictions are only removed, limits are only set or lowered (never below
// what is held now), the lock-up only lengthens (for lots minted from now), the transfer mode
// only leaves "free", and revocability can be given up but never added.
func (k keeper) Tighten(ctx *core.Context, m *txpb.MsgTightenAssetRules) error {
	a, err := issued(ctx, m.Asset)
	if err != nil {
		return err
	}
	if err := checkRuleSet(m.Rules); err != nil {
		return err
	}
	if err := noLooser(a.Rules, m.Rules); err != nil {
		return err
	}
	if err := k.fitsNow(ctx.KV, a, m.Rules); err != nil {
		return err
	}
	a.Rules = m.Rules
	core.SetProto(ctx.KV, RulesKey(m.Asset), a)
	emitRules(ctx, "assets.rules_tightened", m.Asset, m.Rules)
	return nil
}

func noLooser(old, next *txpb.AssetRuleSet) error {
	limitLooser := func(o, n int64) bool { return o != 0 && (n == 0 || n > o) }
	switch {
	case next.MinKycLevel < old.MinKycLevel:
		return ErrLoosening.Wrapf("min_kyc_level may only rise (%d → %d)", old.MinKycLevel, next.MinKycLevel)
	case len(old.Jurisdictions) > 0 && len(next.Jurisdictions) == 0:
		return ErrLoosening.Wrapf("jurisdictions may only be removed")
	case limitLooser(int64(old.MaxHolders), int64(next.MaxHolders)):
		return ErrLoosening.Wrapf("max_holders may only be lowered (%d → %d)", old.MaxHolders, next.MaxHolders)
	case limitLooser(old.MaxBalance, next.MaxBalance):
		return ErrLoosening.Wrapf("max_balance may only be lowered (%d → %d)", old.MaxBalance, next.MaxBalance)
	case limitLooser(old.MaxSupply, next.MaxSupply):
		return ErrLoosening.Wrapf("max_supply may only be lowered (%d → %d)", old.MaxSupply, next.MaxSupply)
	case next.LockupSeconds < old.LockupSeconds:
		return ErrLoosening.Wrapf("lockup_seconds may only lengthen")
	case old.TransferMode != txpb.TransferMode_TRANSFER_MODE_FREE && next.TransferMode != old.TransferMode:
		return ErrLoosening.Wrapf("transfer_mode %s cannot change", old.TransferMode)
	case next.Revocable && !old.Revocable:
		return ErrLoosening.Wrapf("revocability is fixed at registration and never added")
	}
	for _, j := range next.Jurisdictions {
		if len(old.Jurisdictions) > 0 && !slices.Contains(old.Jurisdictions, j) {
			return ErrLoosening.Wrapf("jurisdiction %s was not allowed before", j)
		}
	}
	for _, ag := range next.Agents {
		if !slices.Contains(old.Agents, ag) {
			return ErrLoosening.Wrapf("agent %s was not named at registration: agents are only removed", ag)
		}
	}
	return nil
}

// fitsNow refuses limits below what is already held: the limits hold at every moment.
func (k keeper) fitsNow(r store.Reader, a *statepb.RuledAsset, s *txpb.AssetRuleSet) error {
	if s.MaxHolders > 0 && a.Holders > s.MaxHolders {
		return ErrRuleMaxHolders.Wrapf("%d holders already, above %d", a.Holders, s.MaxHolders)
	}
	if s.MaxSupply > 0 {
		la, err := k.bank.Asset(r, a.Asset)
		if err != nil {
			return err
		}
		if la.Minted-la.Burned > s.MaxSupply {
			return ErrRuleMaxSupply.Wrapf("supply %d already above %d", la.Minted-la.Burned, s.MaxSupply)
		}
	}
	if s.MaxBalance > 0 && s.MaxBalance != a.Rules.MaxBalance {
		var over string
		forHolders(r, a.Asset, "", func(addr string) bool {
			if holding(r, addr, a.Asset) > s.MaxBalance {
				over = addr
				return false
			}
			return true
		})
		if over != "" {
			return ErrRuleMaxBalance.Wrapf("%s already holds more than %d", over, s.MaxBalance)
		}
	}
	return nil
}
