package app_test

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/lending"
)

// simLendingSetup gives the simulation's bank money to lend, three products that differ in
// every setting that changes execution, and a group of the first four users.
func simLendingSetup(bank *apptest.Key, users []*apptest.Key) []*txpb.Msg {
	weekly := &txpb.LoanProduct{Name: "weekly", Asset: "CNY", MinPrincipal: 10_000, MaxPrincipal: 500_000,
		MinPeriods: 4, MaxPeriods: 12, Frequency: "weeks", AnnualRatePercent: "26",
		PenaltyBpsPerDay: 20, PenaltyFlatPerInstallment: 100, DefaultDpd: 30, CollateralBps: 1000,
		DisbursementFeeBps: 150, InstallmentFeeFlat: 50, Prepayment: lending.PrepaymentReduceTerm}
	pooled := &txpb.LoanProduct{Name: "pooled", Asset: "CNY", MinPrincipal: 50_000, MaxPrincipal: 400_000,
		MinPeriods: 3, MaxPeriods: 6, Frequency: "months", AnnualRatePercent: "18", Allocation: lending.AllocationInterestFirst,
		Prepayment: lending.PrepaymentReduceInstallment, Funding: lending.FundingPooled, FundingWindowDays: 5,
		ApprovalRule: "amount <= 300000 && loans_defaulted == 0", DefaultDpd: 20, ArrearsGraceDays: 3}
	group := &txpb.LoanProduct{Name: "group", Asset: "CNY", MinPrincipal: 10_000, MaxPrincipal: 200_000,
		MinPeriods: 5, MaxPeriods: 20, Frequency: "days", Every: 7, AnnualRatePercent: "24", InterestMethod: "flat",
		Allocation: lending.AllocationPrincipalFirst, GroupGuaranteeBps: 500, ArrearsGraceDays: 2,
		PenaltyBpsPerDay: 5, DefaultDpd: 45, MaxExposure: 600_000}
	var members []string
	for _, u := range users[:4] {
		members = append(members, u.Address)
	}
	return []*txpb.Msg{apptest.Mint("CNY", bank.Address, 100_000_000),
		apptest.RegisterProduct(weekly), apptest.RegisterProduct(pooled), apptest.RegisterProduct(group),
		createGroup("sim group", members...)}
}

// randomLendingTx is one of eight lending actions, mostly plausible, sometimes not. The
// lender works on loans in the state its action needs; borrowers and investors pick any.
func randomLendingTx(rng *rand.Rand, c *apptest.Chain, kind int, bank, user *apptest.Key, amount func() int64) []byte {
	byStatus := map[statepb.LoanStatus][]uint64{}
	var own []uint64
	loans := lending.ListLoans(c.State())
	for _, l := range loans {
		byStatus[l.Status] = append(byStatus[l.Status], l.Id)
		if l.Borrower == user.Address && l.Status == statepb.LoanStatus_LOAN_STATUS_ACTIVE {
			own = append(own, l.Id)
		}
	}
	pickIn := func(s statepb.LoanStatus) uint64 {
		if ids := byStatus[s]; len(ids) > 0 && rng.IntN(8) > 0 {
			return ids[rng.IntN(len(ids))]
		}
		return uint64(rng.IntN(len(loans)+2) + 1)
	}
	switch kind {
	case 0, 1:
		product := rng.IntN(3)
		principal := []int64{[]int64{10_000, 50_000, 10_000}[product] + rng.Int64N(150_000), amount()}[rng.IntN(4)/3]
		periods := []uint32{4, 3, 5}[product] + uint32(rng.IntN(4))
		if rng.IntN(6) == 0 {
			periods = uint32(rng.IntN(30))
		}
		group := uint64(product / 2) // the group product needs the group; the others mostly not
		return user.Sign(applyGroupLoan(uint64(product+1), principal, periods, group))
	case 2:
		return bank.Sign(apptest.DecideLoan(pickIn(statepb.LoanStatus_LOAN_STATUS_APPLIED), rng.IntN(5) > 0, "sim"))
	case 3:
		return bank.Sign(apptest.DisburseLoan(pickIn(statepb.LoanStatus_LOAN_STATUS_APPROVED)))
	case 4, 5: // borrowers repay their own loans; now and then someone else's
		loan := pickIn(statepb.LoanStatus_LOAN_STATUS_CLOSED)
		if len(own) > 0 && rng.IntN(10) > 0 {
			loan = own[rng.IntN(len(own))]
		}
		if loan == deadbeatLoan { // a random id early in a run: others must not repay the deadbeat's loan
			loan = uint64(len(loans) + 1)
		}
		return user.Sign(apptest.RepayLoan(loan, []int64{rng.Int64N(60_000) + 1, amount()}[rng.IntN(2)]))
	case 6:
		return user.Sign(fundLoan(pickIn(statepb.LoanStatus_LOAN_STATUS_FUNDING), rng.Int64N(150_000)+1))
	default:
		if rng.IntN(6) == 0 {
			return bank.Sign(apptest.WriteOffLoan(pickIn(statepb.LoanStatus_LOAN_STATUS_DEFAULTED), "sim"))
		}
		return user.Sign(apptest.RepayLoan(pickIn(statepb.LoanStatus_LOAN_STATUS_DEFAULTED), rng.Int64N(5_000)+1))
	}
}

// requireLendingExercised: a long simulation must have driven loans through their lives,
// or its invariants prove little.
func requireLendingExercised(t *testing.T, c *apptest.Chain) {
	t.Helper()
	counts := map[string]int{}
	collected := 0
	for _, l := range lending.ListLoans(c.State()) {
		counts[lending.StatusName(l.Status)]++
		if l.PrincipalRepaid > 0 {
			collected++
		}
	}
	t.Logf("loans by status: %v; %d with principal repaid", counts, collected)
	for _, s := range []string{"closed", "rejected", "expired"} {
		require.Positive(t, counts[s], "no %s loan in the simulation", s)
	}
	require.Positive(t, counts["defaulted"]+counts["written_off"], "no loan went bad in the simulation")
	require.Positive(t, collected)
}

// deadbeatLoan is the loan startDeadbeatLoan starts: the run's first.
const deadbeatLoan = 1

// startDeadbeatLoan gives borrower a weekly loan and has it send all its money to sink.
func startDeadbeatLoan(t *testing.T, c *apptest.Chain, bank, borrower, sink *apptest.Key) {
	t.Helper()
	c.MustExec(t, borrower.Sign(apptest.ApplyLoan(1, 100_000, 4)))
	id := lending.LoansOf(c.State(), borrower.Address)[0].Id
	require.Equal(t, uint64(deadbeatLoan), id)
	c.MustExec(t, bank.Sign(apptest.DecideLoan(id, true, ""), apptest.DisburseLoan(id)))
	c.MustExec(t, borrower.Sign(apptest.Transfer(sink.Address, "CNY", ledger.AvailableOf(c.State(), borrower.Address, "CNY"))))
}
