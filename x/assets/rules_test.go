package assets

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
)

// unchanged runs a refused operation and checks it changed no holding of the parties.
func (w *world) unchanged(code string, addrs []string, op func() error, want error) {
	w.t.Helper()
	before := make([]int64, len(addrs))
	for i, a := range addrs {
		before[i] = w.bal(code, a)
	}
	a, _ := GetRuled(w.ctx.KV, code)
	holders := a.Holders
	err := op()
	require.ErrorIs(w.t, err, want, "got %v", err)
	for i, a := range addrs {
		require.Equal(w.t, before[i], w.bal(code, a), "holding of %s changed", a)
	}
	a, _ = GetRuled(w.ctx.KV, code)
	require.Equal(w.t, holders, a.Holders)
	w.invariants()
}

func TestRuleKYCLevelAndJurisdiction(t *testing.T) {
	w := newWorld(t)
	low := w.investor("low", 1, "CN", "low")
	cn := w.investor("cn", 2, "CN", "cn")
	us := w.investor("us", 3, "US", "us")
	w.register("NOTE", &txpb.AssetRuleSet{MinKycLevel: 2, Jurisdictions: []string{"CN", "HK"}})
	w.unchanged("NOTE", []string{low}, func() error { return w.mint("NOTE", low, 100) }, ErrRuleKYCLevel)
	w.unchanged("NOTE", []string{us}, func() error { return w.mint("NOTE", us, 100) }, ErrRuleJurisdiction)
	require.NoError(t, w.mint("NOTE", cn, 100))
	w.unchanged("NOTE", []string{cn, us}, func() error { return w.transfer("NOTE", cn, us, 10) }, ErrRuleJurisdiction)
	w.unchanged("NOTE", []string{cn, low}, func() error { return w.transfer("NOTE", cn, low, 10) }, ErrRuleKYCLevel)
	require.NoError(t, w.transfer("NOTE", cn, w.issuer, 10)) // the issuer is exempt
	require.Equal(t, int64(90), w.bal("NOTE", cn))
	w.invariants()
}

func TestRuleLimits(t *testing.T) {
	w := newWorld(t)
	a, b, c := w.investor("a", 1, "", "a"), w.investor("b", 1, "", "b"), w.investor("c", 1, "", "c")
	w.register("NOTE", &txpb.AssetRuleSet{MaxHolders: 2, MaxBalance: 1_000, MaxSupply: 1_500})
	require.NoError(t, w.mint("NOTE", a, 1_000))
	w.unchanged("NOTE", []string{a}, func() error { return w.mint("NOTE", a, 1) }, ErrRuleMaxBalance)
	require.NoError(t, w.mint("NOTE", b, 400))
	w.unchanged("NOTE", []string{c}, func() error { return w.mint("NOTE", c, 1) }, ErrRuleMaxHolders)
	w.unchanged("NOTE", []string{a, c}, func() error { return w.transfer("NOTE", a, c, 10) }, ErrRuleMaxHolders)
	w.unchanged("NOTE", []string{b}, func() error { return w.mint("NOTE", w.issuer, 101) }, ErrRuleMaxSupply)
	require.NoError(t, w.mint("NOTE", w.issuer, 100)) // supply 1,500: at the limit
	w.unchanged("NOTE", []string{a, b}, func() error { return w.transfer("NOTE", b, a, 1) }, ErrRuleMaxBalance)
	// b hands its whole holding to c: the holder count stays at 2.
	require.NoError(t, w.transfer("NOTE", b, c, 400))
	r, _ := GetRuled(w.ctx.KV, "NOTE")
	require.Equal(t, uint64(2), r.Holders)
	w.invariants()
}

func TestRuleLockup(t *testing.T) {
	w := newWorld(t)
	a, b := w.investor("a", 1, "", "a"), w.investor("b", 1, "", "b")
	w.register("NOTE", &txpb.AssetRuleSet{LockupSeconds: 3600})
	require.NoError(t, w.mint("NOTE", a, 100))
	w.unchanged("NOTE", []string{a, b}, func() error { return w.transfer("NOTE", a, b, 1) }, ErrRuleLockup)
	w.unchanged("NOTE", []string{a, b}, func() error {
		return w.as(a, func(c *core.Context) error {
			_, err := ledger.PlaceHold(c, a, b, "NOTE", 1, c.Now()+60, "")
			return err
		})
	}, ErrRuleLockup)
	w.advance(3600 * time.Second)
	require.NoError(t, w.transfer("NOTE", a, b, 100))
	w.invariants()
}

func TestRuleAllowListAndApproval(t *testing.T) {
	w := newWorld(t)
	a, b, c := w.investor("a", 1, "", "a"), w.investor("b", 1, "", "b"), w.investor("c", 1, "", "c")
	w.register("LIST", &txpb.AssetRuleSet{TransferMode: txpb.TransferMode_TRANSFER_MODE_ALLOW_LIST})
	w.unchanged("LIST", []string{a}, func() error { return w.mint("LIST", a, 100) }, ErrRuleAllowList)
	require.NoError(t, w.as(w.issuer, func(ctx *core.Context) error {
		return SetAllowList(ctx, &txpb.MsgSetAssetAllowList{Asset: "LIST", Add: []string{a, b}})
	}))
	require.NoError(t, w.mint("LIST", a, 100))
	w.unchanged("LIST", []string{a, c}, func() error { return w.transfer("LIST", a, c, 10) }, ErrRuleAllowList)
	require.NoError(t, w.transfer("LIST", a, b, 10))

	w.register("APPR", &txpb.AssetRuleSet{TransferMode: txpb.TransferMode_TRANSFER_MODE_PRE_APPROVED})
	require.NoError(t, w.mint("APPR", a, 100)) // the issuer's own movements need no approval
	w.unchanged("APPR", []string{a, b}, func() error { return w.transfer("APPR", a, b, 50) }, ErrRulePreApproval)
	require.NoError(t, w.as(w.issuer, func(ctx *core.Context) error {
		return ApproveTransfer(ctx, &txpb.MsgApproveAssetTransfer{Asset: "APPR", From: a, To: b, Amount: 50})
	}))
	w.unchanged("APPR", []string{a, b}, func() error { return w.transfer("APPR", a, b, 60) }, ErrRulePreApproval)
	require.NoError(t, w.transfer("APPR", a, b, 50))
	w.unchanged("APPR", []string{a, b}, func() error { return w.transfer("APPR", a, b, 50) }, ErrRulePreApproval) // consumed
	w.invariants()
}

func TestRulePauseAndFreeze(t *testing.T) {
	w := newWorld(t)
	a, b := w.investor("a", 1, "", "a"), w.investor("b", 1, "", "b")
	w.register("NOTE", &txpb.AssetRuleSet{})
	require.NoError(t, w.mint("NOTE", a, 100))
	pause := func(on bool) {
		require.NoError(t, w.as(w.issuer, func(c *core.Context) error {
			return SetPaused(c, &txpb.MsgSetAssetPaused{Asset: "NOTE", Paused: on, Reason: "audit"})
		}))
	}
	pause(true)
	w.unchanged("NOTE", []string{a, b}, func() error { return w.transfer("NOTE", a, b, 1) }, ErrRulePaused)
	w.unchanged("NOTE", []string{b}, func() error { return w.mint("NOTE", b, 1) }, ErrRulePaused)
	pause(false)
	require.NoError(t, w.transfer("NOTE", a, b, 1))

	freeze := func(acct string, whole bool, amount int64) {
		require.NoError(t, w.as(w.issuer, func(c *core.Context) error {
			return SetFreeze(c, &txpb.MsgSetAssetFreeze{Asset: "NOTE", Account: acct, Whole: whole, Amount: amount, Reason: "court order"})
		}))
	}
	freeze(a, true, 0)
	w.unchanged("NOTE", []string{a, b}, func() error { return w.transfer("NOTE", a, b, 1) }, ErrRuleFrozen)
	w.unchanged("NOTE", []string{a, b}, func() error { return w.transfer("NOTE", b, a, 1) }, ErrRuleFrozen)
	freeze(a, false, 70) // 99 held, 70 frozen: 29 may leave
	w.unchanged("NOTE", []string{a, b}, func() error { return w.transfer("NOTE", a, b, 30) }, ErrRuleFrozen)
	require.NoError(t, w.transfer("NOTE", a, b, 29))
	freeze(a, false, 0)
	require.NoError(t, w.transfer("NOTE", a, b, 70))
	w.invariants()
}

func TestAgentActions(t *testing.T) {
	w := newWorld(t)
	a, b := w.investor("a", 2, "", "alice"), w.investor("b", 2, "", "bob")
	low := w.investor("low", 0, "", "low")
	a2 := w.investor("a2", 2, "", "alice") // alice's new key: the provider re-attested her evidence
	w.register("NOTE", &txpb.AssetRuleSet{MinKycLevel: 2, LockupSeconds: 86400})
	require.NoError(t, w.mint("NOTE", a, 100))
	require.NoError(t, w.as(w.issuer, func(c *core.Context) error {
		return SetPaused(c, &txpb.MsgSetAssetPaused{Asset: "NOTE", Paused: true})
	}))
	force := func(to string, amount int64) error {
		return w.as(w.issuer, func(c *core.Context) error {
			return w.k.ForceTransfer(c, &txpb.MsgForceAssetTransfer{Asset: "NOTE", From: a, To: to, Amount: amount, Reason: "court order 7"})
		})
	}
	w.unchanged("NOTE", []string{a, low}, func() error { return force(low, 10) }, ErrRuleKYCLevel)
	require.NoError(t, force(b, 10)) // past the pause and the lock-up
	act, ok := GetAction(w.ctx.KV, 1)
	require.True(t, ok)
	require.Equal(t, ActionForcedTransfer, act.Kind)
	require.Equal(t, "court order 7", act.Reason)
	require.Equal(t, int64(90), w.bal("NOTE", a))

	recov := func(to string) error {
		return w.as(w.issuer, func(c *core.Context) error {
			return w.k.Recover(c, &txpb.MsgRecoverAssetBalance{Asset: "NOTE", Lost: a, NewAccount: to, Reason: "lost phone"})
		})
	}
	w.unchanged("NOTE", []string{a, b}, func() error { return recov(b) }, ErrNotSameHolder)
	require.NoError(t, recov(a2))
	require.Equal(t, int64(90), w.bal("NOTE", a2))
	require.Equal(t, int64(90), locked(getHolderRules(w.ctx.KV, "NOTE", a2), w.ctx.Now()), "the lots follow the units")
	act, _ = GetAction(w.ctx.KV, 2)
	require.Equal(t, ActionRecovery, act.Kind)
	require.Equal(t, "lost phone", act.Reason)

	claw := func(code string) error {
		return w.as(w.issuer, func(c *core.Context) error {
			return w.k.Clawback(c, &txpb.MsgClawbackAsset{Asset: code, From: a2, Amount: 5, Reason: "fraud"})
		})
	}
	w.unchanged("NOTE", []string{a2}, func() error { return claw("NOTE") }, ErrNotRevocable)
	w.register("REV", &txpb.AssetRuleSet{Revocable: true})
	require.NoError(t, w.mint("REV", a2, 10))
	require.NoError(t, claw("REV"))
	require.Equal(t, int64(5), w.bal("REV", a2))
	la, _ := ledger.GetAsset(w.ctx.KV, "REV")
	require.Equal(t, int64(5), la.Minted-la.Burned)
	w.invariants()
}

func TestRulesOnlyTighten(t *testing.T) {
	w := newWorld(t)
	a := w.investor("a", 2, "CN", "a")
	w.register("NOTE", &txpb.AssetRuleSet{MinKycLevel: 1, Jurisdictions: []string{"CN", "HK"}, MaxHolders: 10, MaxBalance: 500})
	require.NoError(t, w.mint("NOTE", a, 400))
	tighten := func(s *txpb.AssetRuleSet) error {
		return w.as(w.issuer, func(c *core.Context) error {
			return w.k.Tighten(c, &txpb.MsgTightenAssetRules{Asset: "NOTE", Rules: s})
		})
	}
	require.ErrorIs(t, tighten(&txpb.AssetRuleSet{MinKycLevel: 0, Jurisdictions: []string{"CN", "HK"}, MaxHolders: 10, MaxBalance: 500}), ErrLoosening)
	require.ErrorIs(t, tighten(&txpb.AssetRuleSet{MinKycLevel: 1, MaxHolders: 10, MaxBalance: 500}), ErrLoosening)
	require.ErrorIs(t, tighten(&txpb.AssetRuleSet{MinKycLevel: 1, Jurisdictions: []string{"CN", "US"}, MaxHolders: 10, MaxBalance: 500}), ErrLoosening)
	require.ErrorIs(t, tighten(&txpb.AssetRuleSet{MinKycLevel: 1, Jurisdictions: []string{"CN"}, MaxHolders: 0, MaxBalance: 500}), ErrLoosening)
	require.ErrorIs(t, tighten(&txpb.AssetRuleSet{MinKycLevel: 1, Jurisdictions: []string{"CN"}, MaxHolders: 10, MaxBalance: 500, Revocable: true}), ErrLoosening)
	require.ErrorIs(t, tighten(&txpb.AssetRuleSet{MinKycLevel: 1, Jurisdictions: []string{"CN"}, MaxHolders: 10, MaxBalance: 300}), ErrRuleMaxBalance)
	require.ErrorIs(t, tighten(&txpb.AssetRuleSet{MinKycLevel: 1, Jurisdictions: []string{"CN"}, MaxHolders: 10, MaxBalance: 500, MaxSupply: 399}), ErrRuleMaxSupply)
	require.NoError(t, tighten(&txpb.AssetRuleSet{MinKycLevel: 2, Jurisdictions: []string{"CN"}, MaxHolders: 5, MaxBalance: 450, MaxSupply: 1000}))
	require.ErrorIs(t, tighten(&txpb.AssetRuleSet{MinKycLevel: 2, Jurisdictions: []string{"CN"}, MaxHolders: 5, MaxBalance: 450, MaxSupply: 1000,
		TransferMode: txpb.TransferMode_TRANSFER_MODE_ALLOW_LIST, LockupSeconds: -1}), ErrBadRules)
	r, _ := GetRuled(w.ctx.KV, "NOTE")
	require.Equal(t, uint32(2), r.Rules.MinKycLevel)
}

func TestAssetWithoutRulesAndCheckHolder(t *testing.T) {
	w := newWorld(t)
	low := w.investor("low", 0, "", "low")
	require.NoError(t, w.as(w.issuer, func(c *core.Context) error { return ledger.Move(c, w.issuer, low, "CNY", 100) }))
	require.Nil(t, w.ctx.KV.Get(HolderKey("CNY", low)), "no index for an asset without rules")
	require.NoError(t, Rules{}.CheckHolder(w.ctx.KV, "CNY", low, 100, w.ctx.Now()))
	w.register("NOTE", &txpb.AssetRuleSet{MinKycLevel: 2, MaxSupply: 100})
	require.ErrorIs(t, Rules{}.CheckHolder(w.ctx.KV, "NOTE", low, 1, w.ctx.Now()), ErrRuleKYCLevel)
	ok := w.investor("ok", 2, "", "ok")
	require.NoError(t, Rules{}.CheckHolder(w.ctx.KV, "NOTE", ok, 100, w.ctx.Now()))
	require.ErrorIs(t, Rules{}.CheckHolder(w.ctx.KV, "NOTE", ok, 101, w.ctx.Now()), ErrRuleMaxSupply)
}

// An agent named at registration may pause and act with a reason; anyone else may not; an
// agent is only ever removed.
func TestAgents(t *testing.T) {
	w := newWorld(t)
	a, b := w.investor("a", 1, "", "a"), w.investor("b", 1, "", "b")
	agent := w.investor("agent", 1, "", "agent")
	w.register("NOTE", &txpb.AssetRuleSet{Agents: []string{agent}})
	require.NoError(t, w.mint("NOTE", a, 100))
	pause := func(by string) error {
		return w.as(by, func(c *core.Context) error {
			return SetPaused(c, &txpb.MsgSetAssetPaused{Asset: "NOTE", Paused: true, Reason: "incident"})
		})
	}
	require.ErrorIs(t, pause(b), ErrNotIssuer)
	require.NoError(t, pause(agent))
	require.NoError(t, w.as(agent, func(c *core.Context) error {
		return w.k.ForceTransfer(c, &txpb.MsgForceAssetTransfer{Asset: "NOTE", From: a, To: b, Amount: 10, Reason: "court order"})
	}))
	act, _ := GetAction(w.ctx.KV, 1)
	require.Equal(t, agent, act.By)
	tighten := func(s *txpb.AssetRuleSet) error {
		return w.as(w.issuer, func(c *core.Context) error {
			return w.k.Tighten(c, &txpb.MsgTightenAssetRules{Asset: "NOTE", Rules: s})
		})
	}
	require.ErrorIs(t, tighten(&txpb.AssetRuleSet{Agents: []string{b}}), ErrLoosening)
	require.ErrorIs(t, w.as(agent, func(c *core.Context) error {
		return w.k.Tighten(c, &txpb.MsgTightenAssetRules{Asset: "NOTE", Rules: &txpb.AssetRuleSet{}})
	}), ErrNotIssuer, "only the issuer changes the rules")
	require.NoError(t, tighten(&txpb.AssetRuleSet{}))
	require.ErrorIs(t, pause(agent), ErrNotIssuer, "a removed agent acts no more")
}
