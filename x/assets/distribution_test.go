package assets

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
)

func amounts(t *testing.T, holdings map[string]int64, amount int64) map[string]int64 {
	t.Helper()
	allocs, err := Allocate(holdings, amount)
	require.NoError(t, err)
	out := map[string]int64{}
	for _, a := range allocs {
		out[a.Holder] = a.Amount
	}
	return out
}

// The example: 100.00 to three equal holders pays 33.34 to the lowest address.
func TestAllocateExample(t *testing.T) {
	got := amounts(t, map[string]int64{"c": 5, "a": 5, "b": 5}, 100_00)
	require.Equal(t, map[string]int64{"a": 33_34, "b": 33_33, "c": 33_33}, got)
}

// Equal remainders go to the larger holding before the lower address: 2 units over holdings
// 1 and 3 leave remainder 2 (of 4) on both; the one unit left goes to the holding of 3.
func TestAllocateTieToLargerHolding(t *testing.T) {
	require.Equal(t, map[string]int64{"a": 0, "b": 2}, amounts(t, map[string]int64{"a": 1, "b": 3}, 2))
}

// Σ = amount for random holdings, and no one is more than one unit from the exact share.
func TestAllocateProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 2026))
	for round := 0; round < 500; round++ {
		n := 1 + rng.IntN(60)
		holdings := map[string]int64{}
		var base int64
		for i := 0; i < n; i++ {
			b := 1 + rng.Int64N(1_000_000_000)
			if rng.IntN(4) == 0 {
				b = 1 + rng.Int64N(3) // many ties
			}
			holdings[fmt.Sprintf("h%03d", i)] = b
			base += b
		}
		amount := 1 + rng.Int64N(1<<40)
		allocs, err := Allocate(holdings, amount)
		require.NoError(t, err)
		var sum int64
		for _, a := range allocs {
			sum += a.Amount
			require.True(t, a.Amount == a.Floor || a.Amount == a.Floor+1)
			require.Equal(t, holdings[a.Holder], a.Balance)
		}
		require.Equal(t, amount, sum, "round %d", round)
	}
}

// A distribution to more holders than one block's bound continues across blocks; a holder
// who sells after the record height still gets its share, its buyer nothing; Σ paid = amount
// and every payout is what the offline rule computes from the record holdings.
func TestDistributionAcrossBlocksWithSnapshot(t *testing.T) {
	w := newWorld(t)
	w.register("NOTE", &txpb.AssetRuleSet{})
	const n = 2*StepsPerBlock + 37
	record := map[string]int64{}
	var holders []string
	for i := 0; i < n; i++ {
		addr := w.investor(fmt.Sprintf("h%d", i), 1, "", fmt.Sprintf("h%d", i))
		amt := int64(1 + (i*7919)%1000)
		require.NoError(t, w.mint("NOTE", addr, amt))
		record[addr] = amt
		holders = append(holders, addr)
	}
	require.NoError(t, w.mint("NOTE", w.issuer, 5_000)) // the issuer's own holding takes no part
	buyer := w.investor("buyer", 1, "", "buyer")
	const amount = 100_000_01
	before := ledger.AvailableOf(w.ctx.KV, w.issuer, "CNY")
	require.NoError(t, w.as(w.issuer, func(c *core.Context) error {
		return w.k.CreateDistribution(c, &txpb.MsgCreateDistribution{Asset: "NOTE", SettlementAsset: "CNY", Amount: amount, Memo: "coupon 1"})
	}))
	require.Equal(t, before-amount, ledger.AvailableOf(w.ctx.KV, w.issuer, "CNY"), "funded by a hold at creation")
	// After the record height: the highest-address holder (read last) sells everything to a
	// new buyer, and another sells half to an existing holder.
	seller := holders[0]
	for _, h := range holders {
		if h > seller {
			seller = h
		}
	}
	require.NoError(t, w.transfer("NOTE", seller, buyer, record[seller]))
	require.NoError(t, w.transfer("NOTE", holders[1], holders[2], record[holders[1]]/2))
	blocks := 0
	for {
		d, _ := GetDistribution(w.ctx.KV, 1)
		if d.Phase == statepb.DistributionPhase_DISTRIBUTION_PHASE_DONE {
			break
		}
		require.NoError(t, w.k.EndBlock(w.ctx))
		w.invariants()
		blocks++
		if blocks == 1 { // movements between blocks, while the holders are being read
			require.NoError(t, w.transfer("NOTE", holders[3], buyer, 1))
		}
		require.Less(t, blocks, 20)
	}
	require.GreaterOrEqual(t, blocks, 4, "more holders than one block's bound")
	d, _ := GetDistribution(w.ctx.KV, 1)
	require.Equal(t, int64(amount), d.Paid)
	require.Equal(t, uint64(n), d.Entries)
	want := amounts(t, record, amount)
	for addr, v := range want {
		p, ok := GetPayout(w.ctx.KV, 1, addr)
		require.True(t, ok, addr)
		require.Equal(t, v, p.Amount, addr)
		require.True(t, p.Paid)
		require.Equal(t, v, ledger.AvailableOf(w.ctx.KV, addr, "CNY"), addr)
	}
	_, ok := GetPayout(w.ctx.KV, 1, buyer)
	require.False(t, ok, "the buyer after the record height gets nothing")
	require.Zero(t, ledger.AvailableOf(w.ctx.KV, buyer, "CNY"))
	store.IteratePrefix(w.ctx.KV, snapPrefix(1), func(k, _ []byte) bool { t.Fatalf("snapshot record %q left", k); return false })
	r, _ := GetRuled(w.ctx.KV, "NOTE")
	require.Zero(t, r.OpenDistribution)
	requirePagesFollow(t, w.ctx.KV, n, len(want), 1)
}

// requirePagesFollow reads the NOTE holders and distribution id's payouts page after page,
// each page's next given back as the after of the following one (as ?after= and --after
// take it): every row once, in address order.
func requirePagesFollow(t *testing.T, r store.Reader, holderCount, payouts int, id uint64) {
	t.Helper()
	var holders, paid []string
	for next, pages := "", 0; pages == 0 || next != ""; pages++ {
		arg, err := query.Compose(query.ListAssetHolders.Params(), "NOTE", next)
		require.NoError(t, err)
		page, err := HoldersPage(r, arg)
		require.NoError(t, err)
		for _, h := range page.Holders {
			holders = append(holders, h.Address)
		}
		next = page.Next
		require.Less(t, pages, 10)
	}
	for next, pages := "", 0; pages == 0 || next != ""; pages++ {
		arg, err := query.Compose(query.ListDistributionPayouts.Params(), strconv.FormatUint(id, 10), next)
		require.NoError(t, err)
		page, err := PayoutsPage(r, arg)
		require.NoError(t, err)
		for _, p := range page.Payouts {
			paid = append(paid, p.Holder)
		}
		next = page.Next
		require.Less(t, pages, 10)
	}
	require.Greater(t, holderCount, query.PageSize, "more than a page")
	require.Len(t, holders, holderCount)
	require.True(t, slices.IsSorted(holders) && len(slices.Compact(slices.Clone(holders))) == len(holders))
	require.Len(t, paid, payouts)
	require.True(t, slices.IsSorted(paid) && len(slices.Compact(slices.Clone(paid))) == len(paid))
}

func TestQuoteRequest(t *testing.T) {
	q, err := Quote([]byte(`{"amount":10000,"holdings":[{"holder":"b","balance":5},{"holder":"a","balance":5},{"holder":"c","balance":5}]}`))
	require.NoError(t, err)
	require.Equal(t, int64(3334), q.Payouts[0].Amount)
	require.Equal(t, "a", q.Payouts[0].Holder)
	_, err = Quote([]byte(`{"amount":10000,"holdings":[{"holder":"a","balance":0}]}`))
	require.ErrorIs(t, err, ErrBadDistribution)
	_, err = Quote([]byte(`{"amount":10000,"holdings":[],"x":1}`))
	require.ErrorIs(t, err, ErrBadDistribution)
}

// A payout the ledger refuses (here the settlement asset's own rules refuse the holder) goes
// back to the issuer and is recorded as refused: Σ paid + Σ returned = amount.
func TestDistributionRefusedPayoutReturns(t *testing.T) {
	w := newWorld(t)
	a, b := w.investor("a", 2, "", "a"), w.investor("b", 3, "", "b")
	w.register("NOTE", &txpb.AssetRuleSet{})
	w.register("CASH", &txpb.AssetRuleSet{MinKycLevel: 3})
	require.NoError(t, w.mint("NOTE", a, 100))
	require.NoError(t, w.mint("NOTE", b, 100))
	require.NoError(t, w.mint("CASH", w.issuer, 1_000))
	require.ErrorIs(t, w.as(w.issuer, func(c *core.Context) error {
		return w.k.CreateDistribution(c, &txpb.MsgCreateDistribution{Asset: "NOTE", SettlementAsset: "NOTE", Amount: 5})
	}), ErrBadDistribution, "a distribution must not pay in the asset itself")
	require.NoError(t, w.as(w.issuer, func(c *core.Context) error {
		return w.k.CreateDistribution(c, &txpb.MsgCreateDistribution{Asset: "NOTE", SettlementAsset: "CASH", Amount: 501})
	}))
	require.ErrorIs(t, w.as(w.issuer, func(c *core.Context) error {
		return w.k.CreateDistribution(c, &txpb.MsgCreateDistribution{Asset: "NOTE", SettlementAsset: "CASH", Amount: 1})
	}), ErrDistributionOn, "one snapshot per asset at a time")
	require.NoError(t, w.k.EndBlock(w.ctx))
	d, _ := GetDistribution(w.ctx.KV, 1)
	require.Equal(t, statepb.DistributionPhase_DISTRIBUTION_PHASE_DONE, d.Phase)
	aShare, bShare := int64(250), int64(251) // equal holdings: the unit left goes to the lower address
	if a < b {
		aShare, bShare = 251, 250
	}
	require.Equal(t, aShare, d.Returned, "a (level 2) cannot hold CASH")
	require.Equal(t, bShare, d.Paid)
	p, _ := GetPayout(w.ctx.KV, 1, a)
	require.True(t, p.Refused)
	require.Contains(t, p.Refusal, "rule_kyc_level")
	require.Equal(t, 1_000-bShare, ledger.AvailableOf(w.ctx.KV, w.issuer, "CASH"))
	w.invariants()
}
