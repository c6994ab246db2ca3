package app_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/assets"
	"github.com/puhui-chain/puhui/x/core"
)

const simNote = "SIM-NOTE"

// simAssetsSetup registers the bank's ruled note: limits the random mints and transfers
// often hit, a short lock-up, revocable.
func simAssetsSetup() []*txpb.Msg {
	return []*txpb.Msg{tx.Wrap(&txpb.MsgRegisterRuledAsset{Code: simNote, Name: "simulated note", Scale: 0,
		Rules: &txpb.AssetRuleSet{MinKycLevel: 1, MaxHolders: 8, MaxBalance: 5_000, MaxSupply: 30_000, LockupSeconds: 60, Revocable: true}})}
}

// randomAssetsTx is one of eight actions on the ruled note: mints, transfers and holds that
// the rules often refuse, freezes, pauses, agent actions and coupon distributions.
func randomAssetsTx(rng *rand.Rand, c *apptest.Chain, bank, from, to *apptest.Key) []byte {
	n := rng.Int64N(2_500) + 1
	switch rng.IntN(8) {
	case 0, 1:
		return bank.Sign(apptest.Mint(simNote, to.Address, n))
	case 2:
		return from.Sign(apptest.Transfer(to.Address, simNote, n/2+1))
	case 3:
		whole := rng.IntN(3) == 0
		amount := int64(0)
		if !whole && rng.IntN(2) == 0 {
			amount = n / 4
		}
		return bank.Sign(tx.Wrap(&txpb.MsgSetAssetFreeze{Asset: simNote, Account: from.Address, Whole: whole, Amount: amount, Reason: "sim"}))
	case 4:
		return bank.Sign(tx.Wrap(&txpb.MsgSetAssetPaused{Asset: simNote, Paused: rng.IntN(3) == 0, Reason: "sim"}))
	case 5:
		if rng.IntN(2) == 0 {
			return bank.Sign(tx.Wrap(&txpb.MsgClawbackAsset{Asset: simNote, From: from.Address, Amount: n / 10, Reason: "sim"}))
		}
		return bank.Sign(tx.Wrap(&txpb.MsgForceAssetTransfer{Asset: simNote, From: from.Address, To: to.Address, Amount: n / 5, Reason: "sim"}))
	case 6:
		return bank.Sign(tx.Wrap(&txpb.MsgCreateDistribution{Asset: simNote, SettlementAsset: "CNY", Amount: rng.Int64N(100_000) + 1}))
	default:
		return from.Sign(apptest.PlaceHold(to.Address, simNote, n/3+1, c.Time.Unix()+120))
	}
}

// requireAssetsExercised: the note has holders, a distribution finished paying, and agent
// actions were recorded.
func requireAssetsExercised(t *testing.T, c *apptest.Chain) {
	t.Helper()
	a, ok := assets.GetRuled(c.State(), simNote)
	require.True(t, ok)
	done, paid := 0, int64(0)
	for _, d := range core.ListProto[statepb.Distribution](c.State(), core.Key("as", "dist", "")) {
		if d.Phase == statepb.DistributionPhase_DISTRIBUTION_PHASE_DONE {
			done++
			paid += d.Paid
		}
	}
	_, acted := assets.GetAction(c.State(), 1)
	t.Logf("note holders %d; %d distributions done, %d paid", a.Holders, done, paid)
	require.Positive(t, a.Holders, "no holder of the ruled note")
	require.Positive(t, done, "no distribution finished")
	require.Positive(t, paid, "no distribution paid anything")
	require.True(t, acted, "no agent action recorded")
}
