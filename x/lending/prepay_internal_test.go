package lending

import (
	"errors"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// shortestTerm finds what a scan from 1 up finds, for every term and threshold, in one
// trial when the term stays, and stops at the first error.
func TestShortestTerm(t *testing.T) {
	for n := 1; n <= 70; n++ {
		for threshold := 1; threshold <= n+2; threshold++ {
			trials := 0
			got, err := shortestTerm(n, func(k int) (bool, error) {
				require.True(t, k >= 1 && k <= n, "trial %d outside [1, %d]", k, n)
				trials++
				return k >= threshold, nil
			})
			require.NoError(t, err)
			require.Equal(t, min(threshold, n), got, "n %d threshold %d", n, threshold)
			if threshold >= n && n > 1 {
				require.Equal(t, 1, trials, "a term that stays")
			}
			if threshold == n-1 && n > 2 {
				require.LessOrEqual(t, trials, 3, "a term shortened by a period")
			}
		}
	}
	boom := errors.New("boom")
	_, err := shortestTerm(10, func(k int) (bool, error) { return false, boom })
	require.ErrorIs(t, err, boom)
}

// offer is what paying amount toward loan id on a copy of the lab's state does: what the
// payment took, and what the loan still asks for afterwards.
func (l *lab) offer(t tb, id uint64, amount int64) (taken, left int64) {
	t.Helper()
	fork := store.NewCache(l.kv)
	var events []abci.Event
	ctx := &core.Context{KV: fork, Height: l.height, BlockTime: l.now, Signer: l.borrower, Events: &events}
	before := l.loan(t, id)
	err := Repay(ctx, &txpb.MsgRepayLoan{LoanId: id, Amount: amount})
	require.NoError(t, err)
	after, _ := GetLoan(fork, id)
	require.NoError(t, CheckInvariants(fork))
	paid := func(x *statepb.Loan) int64 { return x.PrincipalRepaid + x.InterestPaid + x.FeesPaid + x.PenaltiesPaid }
	left, err = totalOwed(after)
	require.NoError(t, err)
	return paid(after) - paid(before), left
}

// DOMAIN's one-instalment case from issue 19: 10,000.00 at 100.00 of interest, paid off 15
// days into its 31: 10,048.39 settles it; 10,048.38 takes all principal and the interest but
// a cent, and leaves exactly 0.01 owed (it used to leave the whole 100.00).
func TestNoCliffBelowSettlement(t *testing.T) {
	l := newLab(t)
	id := l.register(t, monthly("12", 1))
	loanID := l.open(t, id, 1_000_000, 1)
	l.mint(t, l.borrower, 10_000)
	l.advance(t, 15*day)
	taken, left := l.offer(t, loanID, 1_004_839)
	require.Equal(t, int64(1_004_839), taken)
	require.Zero(t, left)
	taken, left = l.offer(t, loanID, 1_004_838)
	require.Equal(t, int64(1_004_838), taken)
	require.Equal(t, int64(1), left)
	// Below all principal the period's interest shrinks with the principal left: 5,000.00
	// leaves half the principal, and 48.39 + half of the 51.61 not yet accrued.
	taken, left = l.offer(t, loanID, 500_000)
	require.Equal(t, int64(500_000), taken)
	require.Equal(t, int64(500_000+4839+2580), left)
}

// Over random loans and payments before the first due date: what a payment takes grows with
// the amount offered, and what it costs in all (taken now + left owed) never grows with it
// (but for a rounding unit per instalment);
// once the amount covers all principal, paying less only leaves the difference owed; and on a
// one-instalment loan paying δ less costs at most δ more (no cliffs).
func TestTotalPaidIsMonotoneInTheAmountOffered(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		p := monthly(rapid.SampledFrom([]string{"0", "12", "24", "36.5", "120"}).Draw(rt, "rate"), 12)
		p.Prepayment = rapid.SampledFrom([]string{PrepaymentReduceTerm, PrepaymentReduceInstallment}).Draw(rt, "prepayment")
		p.InstallmentFeeFlat = rapid.SampledFrom([]int64{0, 0, 150}).Draw(rt, "fee")
		p.Rounding = rapid.SampledFrom(money.Roundings).Draw(rt, "rounding")
		l := newLab(rt)
		id := l.register(rt, p)
		periods := uint32(rapid.IntRange(1, 12).Draw(rt, "periods"))
		principal := rapid.Int64Range(100, 1_000_000).Draw(rt, "principal")
		loanID := l.open(rt, id, principal, periods)
		l.mint(rt, l.borrower, 4*principal)
		l.advance(rt, time.Duration(rapid.IntRange(0, 27).Draw(rt, "days"))*day)
		owes, err := totalOwed(l.loan(rt, loanID))
		require.NoError(rt, err)
		ln := l.loan(rt, loanID)
		j := dueCount(ln, l.now.Unix())
		var later int64 // the principal of the instalments after the one in progress
		for _, in := range ln.Installments[min(j+1, len(ln.Installments)):] {
			later += in.Principal - in.PrincipalPaid
		}
		x := rapid.OneOf(rapid.Int64Range(1, owes+owes/10), // anywhere, or where the rules change
			rapid.Int64Range(max(1, later-2), later+1), rapid.Int64Range(max(1, principal-2), principal+1)).Draw(rt, "x")
		y := x + rapid.SampledFrom([]int64{1, 1, 2, 100, principal / 3}).Draw(rt, "more")
		takenX, leftX := l.offer(rt, loanID, x)
		takenY, leftY := l.offer(rt, loanID, y)
		costX, costY := takenX+leftX, takenY+leftY
		require.LessOrEqual(rt, takenX, takenY, "offering more never takes less")
		// The engine rounds each re-amortised instalment's interest, so a cent more prepaid
		// can cost a rounding unit per instalment, never more.
		require.LessOrEqual(rt, costY, costX+int64(periods), "paying more never costs more in all")
		if cur := ln.Installments[min(j, len(ln.Installments)-1)]; y == x+1 {
			// A cent more prepaid saves at most what a cent of the instalment in progress
			// carries and a rounding unit per instalment (and, when a balance of a few cents is
			// re-amortised, the flat fee of an instalment it empties): no cliff.
			slope := (cur.Interest+cur.Fee)/max(1, cur.Principal) + 1
			require.LessOrEqual(rt, costX-costY, slope+int64(periods)*(1+p.InstallmentFeeFlat), "a cent more saves %d", costX-costY)
		}
		if x >= principal {
			require.Equal(rt, costX, costY, "once all principal is covered, less only leaves the difference owed")
		}
		// The instalment in progress shrinks in proportion: on a one-instalment loan whose
		// interest and fee are below its principal, a cent less prepaid costs under a cent more
		// (and a rounding unit).
		if in := l.loan(rt, loanID).Installments[0]; periods == 1 && in.Interest+in.Fee <= in.Principal {
			require.LessOrEqual(rt, costX-costY, y-x+1, "paying δ less never costs more than δ")
		}
	})
}
