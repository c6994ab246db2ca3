package app_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/escrow"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/offering"
)

// errNotEligible is the fake asset rules' refusal.
var errNotEligible = tx.Register("offeringtest", 1, "investor_not_eligible")

// refusing is an AssetRules that refuses the investors in its set (standing in for a KYC
// that lapsed, or a jurisdiction the asset does not admit).
type refusing map[string]bool

func (f refusing) CheckHolder(_ store.Reader, asset, addr string, _ int64, _ int64) error {
	if f[addr] {
		return errNotEligible.Wrapf("%s may not hold %s", addr, asset)
	}
	return nil
}

// marketWorld: a bank issuing CNY (scale 2) to three investors (1,000,000.00 each), a small
// enterprise issuing NOTE (scale 2) and a platform that takes the fee.
type marketWorld struct {
	c                        *apptest.Chain
	bank, ent, platform      *apptest.Key
	inv1, inv2, inv3, usdBnk *apptest.Key
	rules                    refusing
}

const investorCash = 1_000_000_00

func newMarketWorld(t *testing.T) *marketWorld {
	t.Helper()
	w := &marketWorld{bank: apptest.NewKey("mk-bank"), ent: apptest.NewKey("mk-ent"), platform: apptest.NewKey("mk-platform"),
		inv1: apptest.NewKey("mk-inv1"), inv2: apptest.NewKey("mk-inv2"), inv3: apptest.NewKey("mk-inv3"),
		usdBnk: apptest.NewKey("mk-usd-bank"), rules: refusing{}}
	w.c = apptest.NewChain(t,
		apptest.Member{Key: w.bank, Name: "CNY Bank", Roles: []string{"bank"}},
		apptest.Member{Key: w.usdBnk, Name: "USD Bank", Roles: []string{"bank"}},
		apptest.Member{Key: w.ent, Name: "Tea Co", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.platform, Name: "Platform", Roles: []string{"mfi"}},
		apptest.Member{Key: w.inv1, Name: "Investor 1", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.inv2, Name: "Investor 2", Roles: []string{"enterprise"}},
		apptest.Member{Key: w.inv3, Name: "Investor 3", Roles: []string{"enterprise"}},
	)
	offering.Use(ledger.Bank{}, w.rules, identity.Registry{})
	t.Cleanup(func() { offering.Use(ledger.Bank{}, refusing{}, identity.Registry{}) })
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterAsset("CNY", 2, 0), apptest.Mint("CNY", w.inv1.Address, investorCash),
		apptest.Mint("CNY", w.inv2.Address, investorCash), apptest.Mint("CNY", w.inv3.Address, investorCash)))
	w.c.MustExec(t, w.ent.Sign(apptest.RegisterAsset("NOTE", 2, 0)))
	return w
}

func (w *marketWorld) now() int64 { return w.c.Time.Unix() }

func (w *marketWorld) cash(k *apptest.Key) int64 {
	return ledger.AvailableOf(w.c.State(), k.Address, "CNY")
}

func (w *marketWorld) notes(k *apptest.Key) int64 {
	return ledger.AvailableOf(w.c.State(), k.Address, "NOTE")
}

func (w *marketWorld) check(t *testing.T) {
	t.Helper()
	require.NoError(t, ledger.CheckInvariants(w.c.State()))
	require.NoError(t, offering.CheckInvariants(w.c.State()))
	require.NoError(t, escrow.CheckInvariants(w.c.State()))
}

// terms: 100.00 CNY per note; soft cap 1,000 notes, hard cap 2,000; 10 to 1,200 notes per
// investor; open now for a day; fee 1% to the platform.
func (w *marketWorld) terms() *txpb.MsgCreateOffering {
	return &txpb.MsgCreateOffering{Asset: "NOTE", SettlementAsset: "CNY", Price: 100_00,
		SoftCap: 1_000_00, HardCap: 2_000_00, MinUnits: 10_00, MaxUnits: 1_200_00,
		OpensAt: w.now(), ClosesAt: w.now() + 86400, FeeBps: 100, FeeAccount: w.platform.Address}
}

func (w *marketWorld) create(t *testing.T, m *txpb.MsgCreateOffering) uint64 {
	t.Helper()
	res := w.c.MustExec(t, w.ent.Sign(tx.Wrap(m)))
	return attrID(t, res.Events, "offering.created", "offering_id")
}

func (w *marketWorld) pledge(t *testing.T, k *apptest.Key, id uint64, units int64) {
	t.Helper()
	w.c.MustExec(t, k.Sign(tx.Wrap(&txpb.MsgPledge{OfferingId: id, Units: units})))
	w.check(t)
}

// after runs an empty block d after the current block time.
func (w *marketWorld) after(t *testing.T, d time.Duration) {
	t.Helper()
	w.c.Time = w.c.Time.Add(d - w.c.BlockInterval)
	_, err := w.c.Block()
	require.NoError(t, err)
	w.check(t)
}

func (w *marketWorld) offering(t *testing.T, id uint64) *statepb.Offering {
	t.Helper()
	o, ok := offering.GetOffering(w.c.State(), id)
	require.True(t, ok)
	return o
}

func TestOfferingFailsAndRefundsEveryHold(t *testing.T) {
	w := newMarketWorld(t)
	id := w.create(t, w.terms())
	w.pledge(t, w.inv1, id, 600_00) // 60,000.00 CNY
	w.pledge(t, w.inv2, id, 333_33) // 33,333.00 CNY: below the soft cap together
	require.Equal(t, int64(investorCash-60_000_00), w.cash(w.inv1))
	require.Equal(t, int64(investorCash-33_333_00), w.cash(w.inv2))
	require.Equal(t, int64(60_000_00), ledger.HeldOf(w.c.State(), w.inv1.Address, "CNY"))

	w.after(t, 24*time.Hour)
	o := w.offering(t, id)
	require.Equal(t, offering.StatusFailed, o.Status)
	for _, k := range []*apptest.Key{w.inv1, w.inv2} {
		require.Equal(t, int64(investorCash), w.cash(k), "refunded to the cent")
		require.Zero(t, ledger.HeldOf(w.c.State(), k.Address, "CNY"))
		require.Zero(t, w.notes(k))
		p, _ := offering.GetPledge(w.c.State(), id, k.Address)
		require.Equal(t, offering.PledgeRefunded, p.Status)
	}
	require.Zero(t, w.cash(w.ent))
	a, _ := ledger.GetAsset(w.c.State(), "NOTE")
	require.Zero(t, a.Minted, "no unit exists after a failure")
}

func TestOfferingSucceedsAtClosingTime(t *testing.T) {
	w := newMarketWorld(t)
	id := w.create(t, w.terms())
	w.pledge(t, w.inv1, id, 700_00)
	w.pledge(t, w.inv2, id, 400_00)
	a, _ := ledger.GetAsset(w.c.State(), "NOTE")
	require.Zero(t, a.Minted, "no unit exists before success")
	require.Equal(t, offering.StatusOpen, w.offering(t, id).Status)

	w.after(t, 24*time.Hour)
	o := w.offering(t, id)
	require.Equal(t, offering.StatusSucceeded, o.Status)
	require.Equal(t, "closing_time", o.CloseReason)
	require.Equal(t, int64(1_100_00), o.AllottedUnits)
	require.Equal(t, int64(110_000_00), o.Raised)
	require.Equal(t, int64(1_100_00), o.FeePaid) // 1% of 110,000.00
	require.Equal(t, int64(700_00), w.notes(w.inv1))
	require.Equal(t, int64(400_00), w.notes(w.inv2))
	require.Equal(t, int64(investorCash-70_000_00), w.cash(w.inv1))
	require.Equal(t, int64(investorCash-40_000_00), w.cash(w.inv2))
	require.Equal(t, int64(110_000_00-1_100_00), w.cash(w.ent))
	require.Equal(t, int64(1_100_00), w.cash(w.platform))
	require.Zero(t, ledger.HeldOf(w.c.State(), w.inv1.Address, "CNY"))
}

func TestOfferingClosesAtTheHardCap(t *testing.T) {
	w := newMarketWorld(t)
	m := w.terms()
	m.FeeBps, m.FeeAccount = 0, ""
	id := w.create(t, m)
	w.pledge(t, w.inv1, id, 1_200_00)
	w.pledge(t, w.inv2, id, 800_00) // reaches 2,000 notes: settles in this transaction
	o := w.offering(t, id)
	require.Equal(t, offering.StatusSucceeded, o.Status)
	require.Equal(t, "hard_cap", o.CloseReason)
	require.Equal(t, int64(1_200_00), w.notes(w.inv1))
	require.Equal(t, int64(800_00), w.notes(w.inv2))
	require.Equal(t, int64(200_000_00), w.cash(w.ent))
	r := w.c.Exec(w.inv3.Sign(tx.Wrap(&txpb.MsgPledge{OfferingId: id, Units: 10_00})))
	require.Equal(t, offering.ErrNotOpen.Code, r.Code, r.Log)
	w.after(t, 24*time.Hour) // the closing time passes: nothing more happens
	require.Equal(t, int64(2_000_00), w.offering(t, id).AllottedUnits)
}

func TestOfferingRefusesBadPledgesAndChangesNothing(t *testing.T) {
	w := newMarketWorld(t)
	id := w.create(t, w.terms())
	w.pledge(t, w.inv1, id, 1_200_00)
	w.rules[w.inv3.Address] = true
	m := w.terms()
	m.Price = 100_50 // 100.50 CNY per note: an odd number of cents of a note costs half a fen
	odd := w.create(t, m)
	cases := []struct {
		name   string
		signer *apptest.Key
		msg    *txpb.MsgPledge
		want   *tx.Error
	}{
		{"over the investor maximum", w.inv2, &txpb.MsgPledge{OfferingId: id, Units: 1_200_01}, offering.ErrAboveMaximum},
		{"under the investor minimum", w.inv2, &txpb.MsgPledge{OfferingId: id, Units: 9_99}, offering.ErrBelowMinimum},
		{"over the hard cap", w.inv2, &txpb.MsgPledge{OfferingId: id, Units: 800_01}, offering.ErrAboveHardCap},
		{"a second pledge", w.inv1, &txpb.MsgPledge{OfferingId: id, Units: 10_00}, offering.ErrAlreadyPledged},
		{"an investor the asset's rules refuse", w.inv3, &txpb.MsgPledge{OfferingId: id, Units: 10_00}, errNotEligible},
		{"a cost that is not whole cents", w.inv2, &txpb.MsgPledge{OfferingId: odd, Units: 10_01}, offering.ErrInexactCost},
		{"an unknown offering", w.inv2, &txpb.MsgPledge{OfferingId: 99, Units: 10_00}, offering.ErrUnknownOffering},
		{"the issuer itself", w.ent, &txpb.MsgPledge{OfferingId: id, Units: 10_00}, offering.ErrIssuerPledge},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := tx.Wrap(tc.msg)
			before := dump(w.c.State())
			r := w.c.Exec(tc.signer.Sign(msg))
			require.Equal(t, tc.want.Codespace, r.Codespace, r.Log)
			require.Equal(t, tc.want.Code, r.Code, r.Log)
			require.Equal(t, refusedKeys(r, tc.signer, msg), changedKeys(before, dump(w.c.State())), r.Log)
		})
	}
	// Creation by someone who does not issue the asset.
	before := dump(w.c.State())
	msg := tx.Wrap(w.terms())
	r := w.c.Exec(w.bank.Sign(msg))
	require.Equal(t, offering.ErrNotIssuer.Code, r.Code, r.Log)
	require.Equal(t, refusedKeys(r, w.bank, msg), changedKeys(before, dump(w.c.State())))
	w.check(t)
}

// An investor who passed the check at pledge but fails it at settlement (a KYC that lapsed)
// is excluded and refunded; the soft cap is judged without them.
func TestOfferingExcludesAnInvestorWhoFailsTheCheckAtSettlement(t *testing.T) {
	w := newMarketWorld(t)
	id := w.create(t, w.terms())
	w.pledge(t, w.inv1, id, 900_00)
	w.pledge(t, w.inv2, id, 200_00)
	w.pledge(t, w.inv3, id, 100_00)
	w.rules[w.inv2.Address] = true // lapses between pledge and settlement
	w.after(t, 24*time.Hour)
	o := w.offering(t, id)
	require.Equal(t, offering.StatusSucceeded, o.Status) // 900 + 100 = 1,000 notes: the soft cap
	require.Equal(t, int64(1_000_00), o.AllottedUnits)
	require.Equal(t, int64(investorCash), w.cash(w.inv2), "excluded and refunded")
	require.Zero(t, w.notes(w.inv2))
	p, _ := offering.GetPledge(w.c.State(), id, w.inv2.Address)
	require.Equal(t, offering.PledgeExcluded, p.Status)
	require.Contains(t, p.Reason, "investor_not_eligible")
	require.Equal(t, int64(900_00), w.notes(w.inv1))

	// The same exclusion can sink an offering: without inv2 a second one misses its soft cap.
	id2 := w.create(t, w.terms())
	w.pledge(t, w.inv1, id2, 900_00)
	w.pledge(t, w.inv3, id2, 100_00)
	w.rules[w.inv3.Address] = true
	w.after(t, 24*time.Hour)
	require.Equal(t, offering.StatusFailed, w.offering(t, id2).Status)
	require.Equal(t, int64(investorCash-90_000_00), w.cash(w.inv1), "only the first offering's cost")
	require.Equal(t, int64(investorCash-10_000_00), w.cash(w.inv3))
}
