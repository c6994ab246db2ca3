package app_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/assets"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
)

// A small enterprise's note on the real application: registered with rules, minted to
// verified investors, a movement each rule refuses (with its code, changing nothing), and a
// coupon distribution paid by largest remainder in end-of-block work.
func TestAssetsScenario(t *testing.T) {
	bank, ent, kyc := apptest.NewKey("as-bank"), apptest.NewKey("as-enterprise"), apptest.NewKey("as-kyc")
	inv1, inv2, inv3 := apptest.NewKey("as-inv1"), apptest.NewKey("as-inv2"), apptest.NewKey("as-inv3")
	db, err := store.Open("", store.Options{InMemory: true})
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	c := &apptest.Chain{App: app.New(db, apptest.ChainID, nil), DB: db, Time: time.Date(2026, 3, 2, 9, 0, 0, 0, shanghai), BlockInterval: 5 * time.Second}
	require.NoError(t, c.Init(
		apptest.Member{Key: bank, Name: "Bank", Roles: []string{"bank"}},
		apptest.Member{Key: ent, Name: "Tea Co", Roles: []string{"enterprise"}},
		apptest.Member{Key: kyc, Name: "KYC", Roles: []string{"kyc_provider"}},
	))
	expires := c.Time.Add(365 * 24 * time.Hour).Unix()
	c.MustExec(t, bank.Sign(apptest.RegisterAsset("CNY", 2, 0), apptest.Mint("CNY", ent.Address, 1_000_000_00)))
	for _, inv := range []struct {
		k            *apptest.Key
		jurisdiction string
	}{{inv1, "CN"}, {inv2, "CN"}, {inv3, "US"}} {
		ev := sha256.Sum256([]byte("salt|" + inv.k.Address))
		c.MustExec(t, bank.Sign(apptest.RegisterAccount(inv.k.PubKey(), 0)))
		c.MustExec(t, kyc.Sign(tx.Wrap(&txpb.MsgAttestKyc{Account: inv.k.Address, KycLevel: 2, ExpiresAt: expires,
			EvidenceHash: ev[:], Jurisdiction: inv.jurisdiction})))
	}
	// A jurisdiction is two upper-case letters, checked before the transaction is accepted.
	ev := sha256.Sum256([]byte("salt|bad"))
	res := c.Exec(kyc.Sign(tx.Wrap(&txpb.MsgAttestKyc{Account: inv1.Address, KycLevel: 2, ExpiresAt: expires,
		EvidenceHash: ev[:], Jurisdiction: "cn"})))
	require.Equal(t, identity.ErrBadAttestation.Code, res.Code, res.Log)
	require.Equal(t, "CN", identity.LiveJurisdiction(c.State(), inv1.Address, c.Time.Unix()))
	c.MustExec(t, ent.Sign(tx.Wrap(&txpb.MsgRegisterRuledAsset{Code: "TEA-NOTE", Name: "Tea Co note 2027", Scale: 0,
		Rules: &txpb.AssetRuleSet{MinKycLevel: 2, Jurisdictions: []string{"CN"}, MaxHolders: 2, MaxBalance: 1_000,
			LockupSeconds: 86400}})))
	c.MustExec(t, ent.Sign(apptest.Mint("TEA-NOTE", inv1.Address, 600), apptest.Mint("TEA-NOTE", inv2.Address, 300)))

	refused := func(raw []byte, want *tx.Error) {
		t.Helper()
		before := ledger.AvailableOf(c.State(), inv1.Address, "TEA-NOTE")
		res := c.Exec(raw)
		require.Equal(t, want.Codespace, res.Codespace, res.Log)
		require.Equal(t, want.Code, res.Code, res.Log)
		require.Equal(t, before, ledger.AvailableOf(c.State(), inv1.Address, "TEA-NOTE"))
	}
	refused(ent.Sign(apptest.Mint("TEA-NOTE", inv3.Address, 1)), assets.ErrRuleJurisdiction)
	refused(ent.Sign(apptest.Mint("TEA-NOTE", inv1.Address, 401)), assets.ErrRuleMaxBalance)
	refused(inv1.Sign(apptest.Transfer(inv2.Address, "TEA-NOTE", 10)), assets.ErrRuleLockup)

	// A coupon of 100.00 CNY: 600/900 and 300/900 of 10,000 are 6,666.67 and 3,333.33; the one
	// unit left goes to the larger remainder.
	c.MustExec(t, ent.Sign(tx.Wrap(&txpb.MsgCreateDistribution{Asset: "TEA-NOTE", SettlementAsset: "CNY", Amount: 100_00, Memo: "coupon 1"})))
	_, err = c.Block()
	require.NoError(t, err)
	d, ok := assets.GetDistribution(c.State(), 1)
	require.True(t, ok)
	require.Equal(t, statepb.DistributionPhase_DISTRIBUTION_PHASE_DONE, d.Phase)
	require.Equal(t, int64(66_67), ledger.AvailableOf(c.State(), inv1.Address, "CNY"))
	require.Equal(t, int64(33_33), ledger.AvailableOf(c.State(), inv2.Address, "CNY"))
	require.Equal(t, int64(1_000_000_00-100_00), ledger.AvailableOf(c.State(), ent.Address, "CNY"))
	require.NoError(t, c.App.CheckInvariants(c.State()))
}
