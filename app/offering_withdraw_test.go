package app_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/offering"
)

// An investor takes a pledge back while the offering is open, pledges again, and the
// settlement counts only the new pledge; a second withdrawal, one by a stranger and one after
// the close are refused and change nothing.
func TestOfferingPledgeWithdrawnAndPledgedAgain(t *testing.T) {
	w := newMarketWorld(t)
	id := w.create(t, w.terms())
	w.pledge(t, w.inv1, id, 600_00)
	w.pledge(t, w.inv2, id, 500_00)

	res := w.c.MustExec(t, w.inv1.Sign(tx.Wrap(&txpb.MsgWithdrawPledge{OfferingId: id})))
	w.check(t)
	require.Equal(t, "6000000", attr(res.Events, "offering.withdrawn", "amount"))
	require.Equal(t, int64(investorCash), w.cash(w.inv1), "the hold released to the cent")
	o := w.offering(t, id)
	require.Equal(t, int64(500_00), o.PledgedUnits)
	require.Equal(t, int64(50_000_00), o.PledgedCost)
	p, _ := offering.GetPledge(w.c.State(), id, w.inv1.Address)
	require.Equal(t, offering.PledgeWithdrawn, p.Status)
	require.Equal(t, w.now(), p.WithdrawnAt)

	for _, k := range []*apptest.Key{w.inv1, w.inv3} { // a second withdrawal; one with no pledge
		r := w.c.Exec(k.Sign(tx.Wrap(&txpb.MsgWithdrawPledge{OfferingId: id})))
		require.Equal(t, offering.ErrNoLivePledge.Code, r.Code, r.Log)
		require.Equal(t, int64(investorCash), w.cash(k))
	}
	require.Equal(t, int64(500_00), w.offering(t, id).PledgedUnits)

	w.pledge(t, w.inv1, id, 550_00) // pledges again: replaces the withdrawn record
	o = w.offering(t, id)
	require.Equal(t, uint32(2), o.Pledges, "the record was reused")
	require.Equal(t, int64(1_050_00), o.PledgedUnits)

	w.after(t, 24*time.Hour)
	o = w.offering(t, id)
	require.Equal(t, offering.StatusSucceeded, o.Status)
	require.Equal(t, int64(1_050_00), o.AllottedUnits)
	require.Equal(t, int64(550_00), w.notes(w.inv1))
	require.Equal(t, int64(investorCash-55_000_00), w.cash(w.inv1))
	r := w.c.Exec(w.inv2.Sign(tx.Wrap(&txpb.MsgWithdrawPledge{OfferingId: id})))
	require.Equal(t, offering.ErrNotOpen.Code, r.Code, "after the close: %s", r.Log)
}

// The issuer cancels an open offering: every hold is released, nothing is minted, the
// closing time passes without a settlement; nobody else may cancel, and a settled offering
// cannot be cancelled.
func TestOfferingCancelledByItsIssuer(t *testing.T) {
	w := newMarketWorld(t)
	id := w.create(t, w.terms())
	w.pledge(t, w.inv1, id, 1_200_00)
	w.pledge(t, w.inv2, id, 300_00)

	r := w.c.Exec(w.inv1.Sign(tx.Wrap(&txpb.MsgCancelOffering{OfferingId: id})))
	require.Equal(t, offering.ErrNotIssuer.Code, r.Code, r.Log)
	require.Equal(t, offering.StatusOpen, w.offering(t, id).Status)

	res := w.c.MustExec(t, w.ent.Sign(tx.Wrap(&txpb.MsgCancelOffering{OfferingId: id, Reason: "harvest failed"})))
	w.check(t)
	require.Equal(t, "15000000", attr(res.Events, "offering.cancelled", "amount"))
	o := w.offering(t, id)
	require.Equal(t, offering.StatusCancelled, o.Status)
	require.Equal(t, "harvest failed", o.CancelReason)
	for _, k := range []*apptest.Key{w.inv1, w.inv2} {
		require.Equal(t, int64(investorCash), w.cash(k), "released to the cent")
		p, _ := offering.GetPledge(w.c.State(), id, k.Address)
		require.Equal(t, offering.PledgeRefunded, p.Status)
	}
	require.Zero(t, ledger.HeldOf(w.c.State(), w.inv1.Address, "CNY"))
	a, _ := ledger.GetAsset(w.c.State(), "NOTE")
	require.Zero(t, a.Minted)

	w.after(t, 24*time.Hour) // the unscheduled close does nothing
	require.Equal(t, offering.StatusCancelled, w.offering(t, id).Status)
	r = w.c.Exec(w.ent.Sign(tx.Wrap(&txpb.MsgCancelOffering{OfferingId: id})))
	require.Equal(t, offering.ErrNotOpen.Code, r.Code, r.Log)
}
