package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The views answer from state: an offering with its totals, its pledges a page at a time
// (here a page of one would need 100 pledges, so the continuation is checked by starting
// after the first investor), and an account's escrows, swaps and HTLCs.
func TestMarketViews(t *testing.T) {
	w := newMarketWorld(t)
	id := w.create(t, w.terms())
	w.pledge(t, w.inv1, id, 300_00)
	w.pledge(t, w.inv2, id, 200_00)
	var o query.Offering
	queryJSON(t, w.c, query.PathOffering, "1", &o)
	require.Equal(t, "open", o.Status)
	require.Equal(t, int64(500_00), o.PledgedUnits)
	require.Equal(t, int64(50_000_00), o.PledgedCost)
	var page query.OfferingPledges
	queryJSON(t, w.c, query.PathOfferingPledges, "1", &page)
	require.Len(t, page.Pledges, 2)
	require.Empty(t, page.Next)
	first := page.Pledges[0].Investor
	queryJSON(t, w.c, query.PathOfferingPledges, "1/"+first, &page)
	require.Len(t, page.Pledges, 1)
	require.NotEqual(t, first, page.Pledges[0].Investor)

	w.escrowOf(t, &txpb.MsgCreateEscrow{Arbiter: w.platform.Address})
	w.lock(t, "secret")
	var acct query.AccountEscrows
	queryJSON(t, w.c, query.PathAccountEscrows, w.inv2.Address, &acct)
	require.Len(t, acct.Escrows, 1)
	require.Len(t, acct.Htlcs, 1)
	require.Equal(t, "arbiter", acct.Escrows[0].Condition)
	queryJSON(t, w.c, query.PathAccountEscrows, w.inv2.Address+"/e1", &acct)
	require.Empty(t, acct.Escrows)
	require.Len(t, acct.Htlcs, 1)
	w.c.MustExec(t, w.inv2.Sign(tx.Wrap(&txpb.MsgClaimHtlc{HtlcId: 1, Preimage: []byte("secret")})))
	var h query.Htlc
	queryJSON(t, w.c, query.PathHtlc, "1", &h)
	require.Equal(t, "claimed", h.Status)
	require.Equal(t, "736563726574", h.Preimage) // "secret" in hex
}
