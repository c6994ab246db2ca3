package app_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/lending"
)

// Issue 19's three overflow scenarios, end to end: each is refused at registration or fails
// its own transaction with a code; the chain keeps committing and the invariants hold.
func TestOverflowScenariosNeverHaltTheChain(t *testing.T) {
	w := lendingWorld(t)

	// 1. max_principal = the largest int64; 3. a 100%-a-day penalty on a 4×10¹⁸ loan.
	huge := productA()
	huge.MaxPrincipal = math.MaxInt64
	penal := productA()
	penal.MaxPrincipal, penal.PenaltyBpsPerDay = 4_000_000_000_000_000_000, 10_000
	for _, p := range []*txpb.LoanProduct{huge, penal} {
		res := w.c.Exec(w.bank.Sign(apptest.RegisterProduct(p)))
		require.Equal(t, lending.ErrBadProduct.Codespace, res.Codespace, res.Log)
		require.Equal(t, lending.ErrBadProduct.Code, res.Code, res.Log)
	}
	require.Empty(t, lending.ListProducts(w.c.State()))

	// 2. The lender re-lends what comes back until its gross loan portfolio would pass
	// int64: that disbursement fails with amount.overflow; nothing wraps, nothing panics.
	const big = 900_000_000_000_000_000 // 9×10¹⁷: within the bound at 0% over one month
	p := productA()
	p.AnnualRatePercent, p.MinPrincipal, p.MaxPrincipal, p.MinPeriods, p.MaxPeriods = "0", 1, big, 1, 1
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterProduct(p)))
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.bank.Address, big)))
	var refused bool
	for i := 1; i <= 11 && !refused; i++ {
		w.c.MustExec(t, w.alice.Sign(apptest.ApplyLoan(1, big, 1)))
		w.c.MustExec(t, w.bank.Sign(apptest.DecideLoan(uint64(i), true, "")))
		res := w.c.Exec(w.bank.Sign(apptest.DisburseLoan(uint64(i))))
		if res.Code != 0 {
			require.Equal(t, 11, i, "only the eleventh would pass int64: %s", res.Log)
			require.Equal(t, money.ErrOverflow.Codespace, res.Codespace, res.Log)
			require.Equal(t, money.ErrOverflow.Code, res.Code, res.Log)
			refused = true
			break
		}
		w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bank.Address, "CNY", big)))
		w.checkInvariants(t)
	}
	require.True(t, refused)
	w.checkInvariants(t)
	var pf query.Portfolio
	queryJSON(t, w.c, query.PathPortfolio, w.bank.Address, &pf)
	require.Equal(t, int64(10*big), pf.Assets[0].GrossPortfolio)

	// The ten loans fall due and go unpaid: the chain goes on, block after block.
	for _, date := range []string{"2026-02-04", "2026-02-05", "2026-02-06", "2026-02-09"} {
		w.at(t, date, "10:00")
		for _, ev := range w.c.LastResponse.Events {
			require.NotEqual(t, "lending.visit_failed", ev.Type)
		}
	}
	queryJSON(t, w.c, query.PathPortfolio, w.bank.Address, &pf)
	require.Equal(t, "100.00", pf.Assets[0].ArrearsRate)
}

// Overdue means past due, the same in DPD, the loan view, PAR and the arrears rate: on the
// due date nothing is in arrears; the day after, the instalment counts — or, with arrears
// grace days, the day after they end.
func TestArrearsStartTheDayAfterTheDueDate(t *testing.T) {
	for _, grace := range []uint32{0, 2} {
		w := lendingWorld(t)
		p := productA()
		p.ArrearsGraceDays = grace
		id := w.openLoan(t, p, w.bob, 1_000_000, 3) // disbursed 2026-01-05, first due 2026-02-05
		w.c.MustExec(t, w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 1_000_000)))
		firstPrincipal := w.loan(t, id).Installments[0].Principal

		check := func(date string, dpd uint32, status string, inArrears bool) {
			t.Helper()
			w.at(t, date, "10:00")
			var lv query.Loan
			queryJSON(t, w.c, query.PathLoan, "1", &lv)
			require.Equal(t, dpd, lv.DPD, date)
			require.Equal(t, status, lv.Installments[0].Status, date)
			var pf query.Portfolio
			queryJSON(t, w.c, query.PathPortfolio, w.bank.Address, &pf)
			want, par1 := "0.00", "0.00"
			if inArrears {
				want = lending.Percent(firstPrincipal, 1_000_000)
			}
			if inArrears && dpd > 1 {
				par1 = "100.00" // PAR1: more than one day past due, the whole outstanding
			}
			require.Equal(t, want, pf.Assets[0].ArrearsRate, "%s, grace %d", date, grace)
			require.Equal(t, par1, pf.Assets[0].PAR1, "%s, grace %d", date, grace)
			if inArrears {
				require.NotEqual(t, "current", lv.Bucket)
			} else {
				require.Equal(t, "current", lv.Bucket)
			}
		}
		check("2026-02-05", 0, "due", false)
		check("2026-02-06", 1, "overdue", grace == 0)
		check("2026-02-07", 2, "overdue", grace == 0)
		check("2026-02-08", 3, "overdue", true)
	}
}
