package app_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/x/lending"
)

// TestPortfolioHistoryKeepsThirtyDays: the PAR30 numerator follows a loan past 30 days
// overdue and back, each business day has a point (GLP, that numerator), today's kept live, and
// only the newest 30 days are kept (the invariants recount the numerator after every block).
func TestPortfolioHistoryKeepsThirtyDays(t *testing.T) {
	w := lendingWorld(t)
	id := w.openLoan(t, productA(), w.bob, 1_000_000, 12)
	w.c.MustExec(t, w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 1_000_000)))
	bank := w.bank.Address
	day := time.Date(2026, 2, 5, 0, 0, 0, 0, time.UTC)
	for ; day.Format(time.DateOnly) <= "2026-03-12"; day = day.AddDate(0, 0, 1) {
		w.at(t, day.Format(time.DateOnly), "09:00")
		l := w.loan(t, id)
		want := int64(0)
		if l.Dpd > 30 {
			want = lending.Outstanding(l)
		}
		require.Equal(t, want, lending.AtRisk30(w.c.State(), bank, "CNY"), "%s (dpd %d)", day.Format(time.DateOnly), l.Dpd)
		h := lending.BookHistory(w.c.State(), bank, "CNY")
		last := h[len(h)-1]
		require.Equal(t, want, last.AtRisk30, "today's point")
		require.Equal(t, lending.LenderBook(w.c.State(), bank, "CNY").Glp, last.GLP)
	}
	require.Positive(t, lending.AtRisk30(w.c.State(), bank, "CNY"), "DPD 35 on 2026-03-12")
	h := lending.BookHistory(w.c.State(), bank, "CNY")
	require.Len(t, h, lending.HistoryDays, "a point a day, the newest 30 kept")
	require.Equal(t, h[0].Day+lending.HistoryDays-1, h[len(h)-1].Day)

	// A repayment that brings the oldest unpaid instalment within 30 days takes the loan out.
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.bob.Address, 300_000)))
	w.c.MustExec(t, w.bob.Sign(apptest.RepayLoan(id, 200_000)))
	require.Less(t, w.loan(t, id).Dpd, uint32(31))
	require.Zero(t, lending.AtRisk30(w.c.State(), bank, "CNY"))
	w.checkInvariants(t)
}
