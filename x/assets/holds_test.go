package assets

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
)

// Holds of a ruled asset: a hold needs a verified beneficiary; its capture meets the
// receiver's limits (and is refused while paused, changing nothing); its release is never
// refused, and neither moves the owner in or out of the holder index.
func TestRuledHolds(t *testing.T) {
	w := newWorld(t)
	a, b := w.investor("a", 2, "", "a"), w.investor("b", 2, "", "b")
	low := w.investor("low", 0, "", "low")
	w.register("NOTE", &txpb.AssetRuleSet{MinKycLevel: 2, MaxBalance: 150})
	require.NoError(t, w.mint("NOTE", a, 100))
	require.NoError(t, w.mint("NOTE", b, 100))
	hold := func(to string, amount int64) (uint64, error) {
		var id uint64
		err := w.as(a, func(c *core.Context) error {
			var err error
			id, err = ledger.PlaceHold(c, a, to, "NOTE", amount, c.Now()+3600, "")
			return err
		})
		return id, err
	}
	w.unchanged("NOTE", []string{a, low}, func() error { _, err := hold(low, 10); return err }, ErrRuleKYCLevel)
	id, err := hold(b, 100) // b would hold 200 if all of it were captured
	require.NoError(t, err)
	r, _ := GetRuled(w.ctx.KV, "NOTE")
	require.Equal(t, uint64(2), r.Holders, "held units are still a's")
	capture := func(amount int64) error {
		return w.as(b, func(c *core.Context) error { return ledger.CaptureHold(c, id, amount) })
	}
	w.unchanged("NOTE", []string{a, b}, func() error { return capture(60) }, ErrRuleMaxBalance)
	require.NoError(t, w.as(w.issuer, func(c *core.Context) error {
		return SetPaused(c, &txpb.MsgSetAssetPaused{Asset: "NOTE", Paused: true})
	}))
	w.unchanged("NOTE", []string{a, b}, func() error { return capture(10) }, ErrRulePaused)
	// Paused, the hold still goes back to its owner.
	require.NoError(t, w.as(b, func(c *core.Context) error { return ledger.ReleaseHold(c, id) }))
	require.Equal(t, int64(100), ledger.AvailableOf(w.ctx.KV, a, "NOTE"))
	w.invariants()
}
