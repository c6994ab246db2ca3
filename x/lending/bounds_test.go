package lending

import (
	"errors"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"
	"pgregory.net/rapid"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/lending/schedule"
)

const day = 24 * time.Hour

// largestPrincipal is the largest max_principal checkTotals accepts for terms t (0: none).
func largestPrincipal(t *txpb.LoanProduct) int64 {
	lo, hi := int64(0), int64(MaxLoanTotalMinor)
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		probe := proto.Clone(t).(*txpb.LoanProduct)
		probe.MaxPrincipal = mid
		if checkTotals(probe) == nil {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func monthly(rate string, periods uint32) *txpb.LoanProduct {
	return &txpb.LoanProduct{Name: "p", Asset: "CNY", MinPrincipal: 1, MaxPrincipal: 1_000_000, MinPeriods: 1,
		MaxPeriods: periods, Frequency: "months", AnnualRatePercent: rate}
}

// The products are refused at registration, with a code: max_principal the largest
// int64, and a 100%-a-day penalty on a 4×10¹⁸ loan.
func TestProductsThatCouldOverflowAreRefused(t *testing.T) {
	l := newLab(t)
	huge := monthly("12", 12)
	huge.MaxPrincipal = math.MaxInt64
	penal := monthly("12", 1)
	penal.MaxPrincipal, penal.PenaltyBpsPerDay = 4_000_000_000_000_000_000, maxBps
	for _, p := range []*txpb.LoanProduct{huge, penal} {
		err := RegisterProduct(l.ctx(l.bank), &txpb.MsgRegisterProduct{Product: p})
		require.ErrorIs(t, err, ErrBadProduct, "max_principal %d", p.MaxPrincipal)
	}
	require.Empty(t, ListProducts(l.kv))
}

// At the bound and one unit past it: the largest principal a product allows is accepted,
// one more is refused, and the bound really bounds the worst case (checked by the engine's
// own schedule of the largest loan).
func TestProductBoundsAreTight(t *testing.T) {
	l := newLab(t)
	for _, p := range []*txpb.LoanProduct{
		monthly("0", 1),
		monthly("12", 12),
		func() *txpb.LoanProduct { p := monthly("1000", 1200); p.PenaltyBpsPerDay = maxBps; return p }(),
		func() *txpb.LoanProduct {
			p := monthly("36", 360)
			p.Frequency, p.Every, p.PenaltyBpsPerDay, p.PenaltyFlatPerInstallment, p.InstallmentFeeFlat = "weeks", 2, 50, 10_000, 500
			return p
		}(),
	} {
		largest := largestPrincipal(p)
		require.Positive(t, largest)
		p.MaxPrincipal = largest + 1
		require.ErrorIs(t, RegisterProduct(l.ctx(l.bank), &txpb.MsgRegisterProduct{Product: p}), ErrBadProduct)
		p.MaxPrincipal = largest
		l.register(t, p)
		worst, err := worstTotal(p)
		require.NoError(t, err)
		require.True(t, worst.Cmp(big.NewInt(MaxLoanTotalMinor)) <= 0)
		s, err := computeSchedule(l.kv, p, largest, p.MaxPeriods, probeDate)
		require.NoError(t, err)
		total := new(big.Int).Add(big.NewInt(s.TotalPrincipalMinor), big.NewInt(s.TotalInterestMinor))
		require.True(t, total.Cmp(worst) <= 0, "the bound covers the schedule: %s > %s", total, worst)
	}
	// 10^18 with room to spare: nine of the largest loans still fit int64.
	require.Less(t, int64(MaxLoanTotalMinor), int64(math.MaxInt64/9))
}

// A product validation let through (one registered before the bounds, or a bug) still
// cannot halt the chain: with a 100%-a-day penalty on a 4×10¹⁸ loan, the visit that would
// overflow — on the second day past due with daily blocks, or at once when the first block
// after the due date comes three days late — changes nothing, is recorded on the loan and
// in an event, and is tried again the next day.
func TestScheduledOverflowIsRecordedNotFatal(t *testing.T) {
	for _, gap := range []int{1, 3} {
		l := newLab(t)
		id := l.register(t, monthly("12", 1))
		p, _ := GetProduct(l.kv, id)
		p.Terms.MaxPrincipal, p.Terms.PenaltyBpsPerDay = 4_000_000_000_000_000_000, maxBps // past validation
		core.SetProto(l.kv, ProductKey(id), p)
		loanID := l.open(t, id, 4_000_000_000_000_000_000, 1)
		l.spend(t)
		due := time.Unix(l.loan(t, loanID).Installments[0].DueAt, 0)
		l.advance(t, due.Sub(l.now)+time.Hour) // the due date: collection finds nothing
		require.Empty(t, l.fails)
		for len(l.fails) == 0 {
			before := l.loan(t, loanID)
			l.advance(t, time.Duration(gap)*day)
			require.Less(t, l.now.Sub(due), 5*day, "the overflow comes within days")
			if len(l.fails) == 0 {
				continue
			}
			after := l.loan(t, loanID)
			require.Contains(t, after.Failure, "amount.overflow")
			require.Equal(t, l.height, after.FailedHeight)
			require.Equal(t, l.fails[0], after.Failure)
			require.Equal(t, before.Installments, after.Installments, "the failed visit changed nothing")
			require.NotZero(t, after.ArrearsEntryAt+after.DueEntryAt, "the visit is booked again")
		}
		l.checkAmounts(t, loanID)
		l.advance(t, day) // the retry fails the same way, and still not the block
		require.Len(t, l.fails, 2)
		require.Equal(t, l.height, l.loan(t, loanID).FailedHeight)
	}
}

// Products driven to their validated bounds — largest principal, rate, penalty, fees and term
// — with blocks days to years apart: no panic, no failed block, no recorded failure, no
// negative amount, and the books hold.
func TestLoansAtTheBoundsNeverOverflow(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		p := &txpb.LoanProduct{Name: "edge", Asset: "CNY", MinPrincipal: 1, MinPeriods: 1,
			MaxPeriods:                uint32(rapid.SampledFrom([]int{1, 2, 12, 60, 360, 1200}).Draw(rt, "periods")),
			Frequency:                 rapid.SampledFrom([]string{"days", "weeks", "months"}).Draw(rt, "frequency"),
			Every:                     uint32(rapid.IntRange(1, 3).Draw(rt, "every")),
			AnnualRatePercent:         rapid.SampledFrom([]string{"0", "12", "36.5", "365", "999.9999999999", "1000"}).Draw(rt, "rate"),
			InterestMethod:            rapid.SampledFrom([]string{schedule.MethodDecliningBalance, schedule.MethodFlat}).Draw(rt, "method"),
			Amortization:              rapid.SampledFrom([]string{schedule.AmortizationEqualInstallments, schedule.AmortizationEqualPrincipal}).Draw(rt, "amortization"),
			Rounding:                  rapid.SampledFrom(money.Roundings).Draw(rt, "rounding"),
			PenaltyBpsPerDay:          uint32(rapid.SampledFrom([]int{0, 1, 50, maxBps}).Draw(rt, "penalty")),
			PenaltyFlatPerInstallment: rapid.Int64Range(0, 1e12).Draw(rt, "flat penalty"),
			InstallmentFeeFlat:        rapid.Int64Range(0, 1e12).Draw(rt, "fee"),
			DisbursementFeeBps:        uint32(rapid.IntRange(0, 5000).Draw(rt, "disbursement fee")),
			CollateralBps:             uint32(rapid.IntRange(0, 10_000).Draw(rt, "collateral")),
			PenaltyGraceDays:          uint32(rapid.IntRange(0, 5).Draw(rt, "penalty grace")),
			DefaultDpd:                uint32(rapid.SampledFrom([]int{0, 0, 30, 400}).Draw(rt, "default dpd")),
		}
		if p.Frequency == "days" && p.MaxPeriods > 360 {
			p.MaxPeriods = 360 // a daily schedule of 1,200 periods is valid but slow to drive here
		}
		p.MaxPrincipal = largestPrincipal(p)
		if p.MaxPrincipal < 2 {
			rt.Skip("no principal fits these charges")
		}
		p.MinPrincipal = max(1, p.MaxPrincipal/2)
		l := newLab(rt)
		id := l.register(rt, p)
		l.mint(rt, l.borrower, p.MaxPrincipal) // the collateral
		loanID := l.open(rt, id, p.MaxPrincipal, p.MaxPeriods)
		l.spend(rt)
		for step := 0; step < 12; step++ {
			l.advance(rt, time.Duration(rapid.SampledFrom([]int{1, 3, 40, 400, 4000}).Draw(rt, "days"))*day)
			if rapid.Bool().Draw(rt, "repay") {
				amount := rapid.Int64Range(1, p.MaxPrincipal).Draw(rt, "amount")
				l.mint(rt, l.borrower, amount)
				err := Repay(l.ctx(l.borrower), &txpb.MsgRepayLoan{LoanId: loanID, Amount: amount})
				require.True(rt, err == nil || isBusinessRefusal(err), "repay %d: %v", amount, err)
				l.spend(rt)
			}
			require.Empty(rt, l.fails, "a loan within its product's bounds must never fail a visit")
			l.checkAmounts(rt, loanID)
			owes, err := totalOwed(l.loan(rt, loanID))
			require.NoError(rt, err)
			require.LessOrEqual(rt, owes, int64(MaxLoanTotalMinor))
		}
	})
}

func isBusinessRefusal(err error) bool {
	return errors.Is(err, ErrNothingOwed) || errors.Is(err, ErrWrongStatus) || errors.Is(err, ledger.ErrInsufficientFunds)
}

// A visit that panics (a bug) is recorded like an arithmetic failure, with a fixed text (the
// panic's own may differ between nodes), and does not fail the block.
func TestPanickingVisitIsRecordedNotFatal(t *testing.T) {
	l := newLab(t)
	id := l.register(t, monthly("12", 3))
	loanID := l.open(t, id, 1_000_000, 3)
	l.spend(t)
	ln := l.loan(t, loanID)
	ln.Installments[0].DueDate = "not a date" // a broken loan: dayOf panics on it
	saveLoan(l.kv, ln)
	l.advance(t, time.Unix(ln.Installments[0].DueAt, 0).Sub(l.now)+time.Hour)
	require.Len(t, l.fails, 1)
	require.Equal(t, errVisitPanicked.Error(), l.loan(t, loanID).Failure)
}
