package app_test

import (
	"strconv"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/lending"
)

var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// productA is DOMAIN.md's schedule A as a product: 10,000.00 at 12% a year over 12 months,
// equal instalments on a declining balance.
func productA() *txpb.LoanProduct {
	return &txpb.LoanProduct{Name: "Micro 12", Asset: "CNY", MinPrincipal: 10000, MaxPrincipal: 5_000_000,
		MinPeriods: 3, MaxPeriods: 24, Frequency: "months", AnnualRatePercent: "12",
		InterestMethod: "declining_balance", Amortization: "equal_installments"}
}

// lendingWorld is newWorld plus a bank with 1,000,000.00 to lend.
func lendingWorld(t *testing.T) *world {
	w := newWorld(t)
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.bank.Address, 100_000_000)))
	return w
}

// at runs an empty block at business time hh:mm of date in Shanghai (the chain's zone).
func (w *world) at(t *testing.T, date string, hhmm string) {
	t.Helper()
	when, err := time.ParseInLocation("2006-01-02 15:04", date+" "+hhmm, shanghai)
	require.NoError(t, err)
	require.True(t, when.After(w.c.Time), "time goes forward: %s", when)
	w.c.Time = when.Add(-w.c.BlockInterval)
	_, err = w.c.Block()
	require.NoError(t, err)
	w.checkInvariants(t)
}

func (w *world) checkInvariants(t *testing.T) {
	t.Helper()
	require.NoError(t, ledger.CheckInvariants(w.c.State()))
	require.NoError(t, lending.CheckInvariants(w.c.State()))
}

func (w *world) loan(t *testing.T, id uint64) *statepb.Loan {
	t.Helper()
	l, ok := lending.GetLoan(w.c.State(), id)
	require.True(t, ok, "loan %d", id)
	return l
}

// openLoan registers p (by the bank), has borrower apply and the bank approve and disburse;
// it returns the loan id.
func (w *world) openLoan(t *testing.T, p *txpb.LoanProduct, borrower *apptest.Key, principal int64, periods uint32) uint64 {
	t.Helper()
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterProduct(p)))
	productID := uint64(len(lending.ListProducts(w.c.State())))
	w.c.MustExec(t, borrower.Sign(apptest.ApplyLoan(productID, principal, periods)))
	loans := lending.LoansOf(w.c.State(), borrower.Address)
	id := loans[len(loans)-1].Id
	w.c.MustExec(t, w.bank.Sign(apptest.DecideLoan(id, true, "good file")))
	w.c.MustExec(t, w.bank.Sign(apptest.DisburseLoan(id)))
	w.checkInvariants(t)
	return id
}

// dueDates of schedule A from a disbursement on 2026-01-05.
var dueDatesA = []string{"2026-02-05", "2026-03-05", "2026-04-05", "2026-05-05", "2026-06-05", "2026-07-05",
	"2026-08-05", "2026-09-05", "2026-10-05", "2026-11-05", "2026-12-05", "2027-01-05"}

func TestLoanRepaidOnTimeByCollectionCloses(t *testing.T) {
	w := lendingWorld(t)
	id := w.openLoan(t, productA(), w.alice, 1_000_000, 12)
	l := w.loan(t, id)
	require.Equal(t, "2026-01-05", l.StartDate)
	require.Len(t, l.Installments, 12)
	require.Equal(t, int64(78849), l.Installments[0].Principal)
	require.Equal(t, int64(10000), l.Installments[0].Interest)
	require.Equal(t, int64(87967), l.Installments[11].Principal)
	require.Equal(t, int64(880), l.Installments[11].Interest)
	require.Equal(t, int64(1_100_000), w.avail(w.alice.Address))
	require.Equal(t, int64(1_000_000), lending.Exposure(w.c.State(), w.alice.Address, "CNY"))

	for i, d := range dueDatesA {
		w.at(t, d, "00:00")
		l = w.loan(t, id)
		require.Equal(t, int64(0), lending.Owed(l.Installments[i]), "instalment %d collected on its due date", i+1)
		require.Equal(t, uint32(0), l.Dpd)
	}
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_CLOSED, l.Status)
	require.Equal(t, int64(1_000_000), l.PrincipalRepaid)
	require.Equal(t, int64(66186), l.InterestPaid, "schedule A's total interest")
	require.Equal(t, int64(1_100_000-1_066_186), w.avail(w.alice.Address))
	require.Equal(t, int64(0), lending.Exposure(w.c.State(), w.alice.Address, "CNY"))
	h := lending.History(w.c.State(), w.alice.Address, 0)
	require.Equal(t, uint32(1), h.LoansCompleted)
	require.Equal(t, uint32(12), h.InstallmentsOnTime)
	require.Equal(t, uint32(0), h.InstallmentsLate)
}

func TestLateLoanAccruesPenaltiesAndMovesBuckets(t *testing.T) {
	w := lendingWorld(t)
	p := productA()
	p.PenaltyBpsPerDay = 10 // 0.1% of the overdue principal and interest per day
	id := w.openLoan(t, p, w.bob, 1_000_000, 12)
	// bob spends the proceeds: nothing is left for the mandate to collect.
	w.c.MustExec(t, w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 1_000_000)))

	w.at(t, "2026-02-05", "00:00")
	l := w.loan(t, id)
	require.Equal(t, int64(88849), lending.OwedNow(l, w.c.Time.Unix()))
	require.Equal(t, uint32(0), l.Dpd, "DPD is 0 on the due date itself")

	w.at(t, "2026-02-06", "00:00")
	l = w.loan(t, id)
	require.Equal(t, uint32(1), l.Dpd)
	require.Equal(t, "1-30", lending.BucketName(lending.Buckets(w.c.State()), l.Dpd, 0))
	require.Equal(t, int64(89), l.Installments[0].Penalty, "88,849 × 0.1% = 88.849 → 89 (half-even)")

	w.at(t, "2026-03-08", "09:00") // 31 days after the first due date; the second fell due too
	l = w.loan(t, id)
	require.Equal(t, uint32(31), l.Dpd)
	require.Equal(t, "31-60", lending.BucketName(lending.Buckets(w.c.State()), l.Dpd, 0))
	// instalment 1: day 1 (89) and days 2..31 (30 × 88.849 = 2665.47 → 2665); instalment 2:
	// days 1..3 after 2026-03-05 (3 × 88.849 = 266.547 → 267).
	require.Equal(t, int64(89+2665), l.Installments[0].Penalty)
	require.Equal(t, int64(267), l.Installments[1].Penalty)

	// bob pays 1,100.00: standard allocation pays instalment 1's penalty first, then its
	// interest and principal, then instalment 2's penalty, interest and part of its principal.
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 100_000)))
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.bob.Address, 10_000)))
	w.c.MustExec(t, w.bob.Sign(apptest.RepayLoan(id, 110_000)))
	l = w.loan(t, id)
	in1, in2 := l.Installments[0], l.Installments[1]
	require.Equal(t, int64(0), lending.Owed(in1))
	require.Equal(t, in2.Penalty, in2.PenaltyPaid)
	require.Equal(t, in2.Interest, in2.InterestPaid)
	require.Equal(t, int64(110_000-(88849+2754)-267-9212), in2.PrincipalPaid)
	require.Equal(t, uint32(3), l.Dpd, "the oldest unpaid instalment is now the second")
	require.Equal(t, "1-30", lending.BucketName(lending.Buckets(w.c.State()), l.Dpd, 0))
	require.Equal(t, uint32(1), lending.History(w.c.State(), w.bob.Address, 0).InstallmentsLate)
}

func TestDefaultCapturesCollateral(t *testing.T) {
	w := lendingWorld(t)
	p := productA()
	p.CollateralBps = 2000 // 20% of principal held from the borrower
	p.DefaultDpd = 30
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.bob.Address, 200_000))) // bob's own 2,000.00
	id := w.openLoan(t, p, w.bob, 1_000_000, 12)
	l := w.loan(t, id)
	require.Equal(t, int64(200_000), l.Collateral)
	require.Equal(t, int64(200_000), ledger.HeldOf(w.c.State(), w.bob.Address, "CNY"))
	w.c.MustExec(t, w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 1_000_000)))
	bankBefore := w.avail(w.bank.Address)

	w.at(t, "2026-03-06", "00:00") // 29 days past the first due date
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_ACTIVE, w.loan(t, id).Status)
	w.at(t, "2026-03-07", "00:00") // 30 days
	l = w.loan(t, id)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_DEFAULTED, l.Status)
	require.Equal(t, int64(200_000), l.CollateralCaptured)
	require.Equal(t, int64(0), ledger.HeldOf(w.c.State(), w.bob.Address, "CNY"))
	require.Equal(t, bankBefore+200_000, w.avail(w.bank.Address))
	// Accelerated: the period in progress (instalment 3) keeps its interest, later ones none.
	require.Equal(t, int64(8415), l.Installments[2].Interest)
	for _, in := range l.Installments[3:] {
		require.Equal(t, int64(0), in.Interest)
	}
	require.Equal(t, int64(1_000_000)+10000+9212+8415-200_000, lending.TotalOwed(l))
	require.Equal(t, uint32(1), lending.History(w.c.State(), w.bob.Address, 0).LoansDefaulted)

	// Nothing more happens by itself; the borrower can still pay, then the lender writes off.
	w.at(t, "2026-04-07", "00:00")
	require.Equal(t, l.Installments, w.loan(t, id).Installments)
	w.c.MustExec(t, w.alice.Sign(apptest.RepayLoan(id, 50_000))) // a friend pays part
	w.c.MustExec(t, w.bank.Sign(apptest.WriteOffLoan(id, "uncollectable")))
	l = w.loan(t, id)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_WRITTEN_OFF, l.Status)
	require.Equal(t, lending.Outstanding(&statepb.Loan{Installments: l.Installments}), l.WrittenOff)
	require.Equal(t, int64(0), lending.Exposure(w.c.State(), w.bob.Address, "CNY"))

	// A recovery after write-off is recorded as such.
	w.c.MustExec(t, w.alice.Sign(apptest.RepayLoan(id, 30_000)))
	l = w.loan(t, id)
	require.Equal(t, int64(30_000), l.Recovered)
	w.checkInvariants(t)
}

func TestPrepaymentReducesTermOrInstallment(t *testing.T) {
	for _, tc := range []struct {
		mode         string
		installments int
		next         int64 // principal + interest of instalment 3, the first recomputed
	}{
		// The prepayment takes effect at the next due date: instalment 2 stays 888.49 and
		// 8,415.14 − 5,000.00 = 3,415.14 is re-amortised at 1%/month (annuities checked
		// independently with Python's decimal): 3 periods would need 1,161.22, so
		// reduce_term takes 4 (875.24); reduce_installment keeps 10 periods: 360.58.
		{lending.PrepaymentReduceTerm, 2 + 4, 87524},
		{lending.PrepaymentReduceInstallment, 12, 36058},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			w := lendingWorld(t)
			p := productA()
			p.Prepayment = tc.mode
			id := w.openLoan(t, p, w.alice, 1_000_000, 12)
			w.at(t, "2026-02-05", "00:00")
			res := w.c.MustExec(t, w.alice.Sign(apptest.RepayLoan(id, 500_000)))
			require.Equal(t, "500000", attr(res.Events, "lending.repaid", "prepaid"))
			l := w.loan(t, id)
			require.Len(t, l.Installments, tc.installments)
			in2, in3 := l.Installments[1], l.Installments[2]
			require.Equal(t, []int64{79637, 9212, 0}, []int64{in2.Principal, in2.Interest, in2.PrincipalPaid}, "the instalment in progress is unchanged")
			require.Equal(t, int64(500_000), in3.PrincipalPaid, "the prepayment is recorded on the first recomputed instalment")
			require.Equal(t, tc.next, in3.Principal-in3.PrincipalPaid+in3.Interest)
			require.Equal(t, "2026-04-05", in3.DueDate, "due dates are kept")
			require.Equal(t, int64(1_000_000-78849-500_000), lending.Outstanding(l))
			require.Equal(t, uint32(1), lending.History(w.c.State(), w.alice.Address, 0).Prepayments)

			// Paying more than everything settles the loan (no interest has accrued yet in
			// the period that began today) and returns the rest.
			res = w.c.MustExec(t, w.alice.Sign(apptest.RepayLoan(id, 900_000)))
			require.Equal(t, int64(900_000-(1_000_000-78849-500_000)), mustInt(attr(res.Events, "lending.repaid", "returned")))
			require.Equal(t, statepb.LoanStatus_LOAN_STATUS_CLOSED, w.loan(t, id).Status)
			w.checkInvariants(t)
		})
	}
}

func TestSettlementPaysInterestAccruedToDate(t *testing.T) {
	w := lendingWorld(t)
	id := w.openLoan(t, productA(), w.alice, 1_000_000, 12) // disbursed 2026-01-05
	// Two partial prepayments before anything is due both stay on the books.
	w.c.MustExec(t, w.alice.Sign(apptest.RepayLoan(id, 100_000)))
	w.c.MustExec(t, w.alice.Sign(apptest.RepayLoan(id, 100_000)))
	w.checkInvariants(t)
	l := w.loan(t, id)
	require.Equal(t, int64(200_000), l.PrincipalRepaid)
	require.Equal(t, int64(200_000), l.Installments[1].PrincipalPaid)
	require.Equal(t, int64(10000), l.Installments[0].Interest, "the period in progress keeps its interest")

	// 15 of the first period's 31 days later, settling costs the principal left plus
	// 100.00 × 15/31 = 48.387… → 48.39 of interest.
	w.at(t, "2026-01-20", "10:00")
	res := w.c.MustExec(t, w.alice.Sign(apptest.RepayLoan(id, 2_000_000)))
	require.Equal(t, "4839", attr(res.Events, "lending.repaid", "interest"))
	require.Equal(t, "800000", attr(res.Events, "lending.repaid", "principal"))
	l = w.loan(t, id)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_CLOSED, l.Status)
	require.Equal(t, int64(4839), l.InterestPaid)
	w.checkInvariants(t)
}

func TestAutoApprovalRule(t *testing.T) {
	w := lendingWorld(t)
	p := productA()
	p.ApprovalRule = "amount <= 2000000 && kyc_level >= 2 && exposure == 0 && loans_defaulted == 0"
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterProduct(p)))
	w.c.MustExec(t, w.alice.Sign(apptest.ApplyLoan(1, 1_000_000, 12))) // KYC 2
	w.c.MustExec(t, w.bob.Sign(apptest.ApplyLoan(1, 1_000_000, 12)))   // KYC 1
	alice, bob := w.loan(t, 1), w.loan(t, 2)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_APPROVED, alice.Status)
	require.Equal(t, "auto: approved by the product rule", alice.Decision)
	require.Len(t, alice.DecisionInputsHash, 32)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_REJECTED, bob.Status)
	require.NotEqual(t, alice.DecisionInputsHash, bob.DecisionInputsHash)
	// The rule reads live facts: with a loan outstanding, alice's next application fails it.
	w.c.MustExec(t, w.bank.Sign(apptest.DisburseLoan(1)))
	w.c.MustExec(t, w.alice.Sign(apptest.ApplyLoan(1, 10000, 3)))
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_REJECTED, w.loan(t, 3).Status)
}

func attr(events []abci.Event, typ, key string) string {
	for _, e := range events {
		if e.Type != typ {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == key {
				return a.Value
			}
		}
	}
	return ""
}

func mustInt(s string) int64 {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		panic(err)
	}
	return v
}

func TestRegulatorSetsBucketsAndPortfolioReportsWriteOffRatio(t *testing.T) {
	w := lendingWorld(t)
	id := w.openLoan(t, productA(), w.bob, 1_000_000, 12)
	t0 := w.c.Time
	w.c.MustExec(t, w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 1_000_000)))

	// Ten days past the first due date: 1-30 under the default buckets, 8-14 under [7, 14, 30].
	w.at(t, "2026-02-15", "00:00")
	var lv query.Loan
	queryJSON(t, w.c, query.PathLoan, "1", &lv)
	require.Equal(t, uint32(10), lv.DPD)
	require.Equal(t, "1-30", lv.Bucket)
	res := w.c.Exec(w.regulator.Sign(&txpb.Msg{Sum: &txpb.Msg_SetDelinquencyBuckets{
		SetDelinquencyBuckets: &txpb.MsgSetDelinquencyBuckets{UpperBounds: []uint32{7, 30, 14}}}}))
	require.Equal(t, lending.ErrBadBuckets.Code, res.Code, "overlapping buckets are refused: %s", res.Log)
	w.regulator.SetNonce(w.regulator.Nonce() - 1) // a stateless refusal uses no nonce
	w.c.MustExec(t, w.regulator.Sign(&txpb.Msg{Sum: &txpb.Msg_SetDelinquencyBuckets{
		SetDelinquencyBuckets: &txpb.MsgSetDelinquencyBuckets{UpperBounds: []uint32{7, 14, 30}}}}))
	queryJSON(t, w.c, query.PathLoan, "1", &lv)
	require.Equal(t, "8-14", lv.Bucket)
	require.Equal(t, "31+", lending.BucketName([]uint32{7, 14, 30}, 45, 0))
	require.Equal(t, "current", lending.BucketName([]uint32{7, 14, 30}, 3, 5), "inside the product's arrears grace")

	// Written off 60 days after disbursement, viewed 120 days after: the average GLP over
	// the lender's history is half the loan, so the write-off ratio is 200%.
	w.c.Time = t0.Add(60*24*time.Hour - w.c.BlockInterval)
	w.c.MustExec(t, w.bank.Sign(apptest.WriteOffLoan(id, "fraud")))
	w.c.Time = t0.Add(120*24*time.Hour - w.c.BlockInterval)
	_, err := w.c.Block()
	require.NoError(t, err)
	var pf query.Portfolio
	queryJSON(t, w.c, query.PathPortfolio, w.bank.Address, &pf)
	require.Len(t, pf.Assets, 1)
	require.Equal(t, int64(500_000), pf.Assets[0].AverageGLP)
	require.Equal(t, "200.00", pf.Assets[0].WriteOffRatio)
	require.Equal(t, int64(1_000_000), pf.Assets[0].WrittenOff)
	require.Equal(t, int64(0), pf.Assets[0].GrossPortfolio)
	w.checkInvariants(t)
}

// A frozen borrower's collateral cannot be captured at default: the failure is an event, the
// block goes on, nothing moves, and no event claims a capture that did not happen.
func TestDefaultWithFrozenBorrowerKeepsCollateralHeld(t *testing.T) {
	w := lendingWorld(t)
	p := productA()
	p.CollateralBps, p.DefaultDpd = 2000, 30
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.bob.Address, 200_000)))
	id := w.openLoan(t, p, w.bob, 1_000_000, 12)
	w.c.MustExec(t, w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 1_000_000)))
	w.c.MustExec(t, w.regulator.Sign(apptest.SetFrozen(w.bob.Address, true)))
	bankBefore := w.avail(w.bank.Address)

	w.at(t, "2026-03-07", "00:00")
	l := w.loan(t, id)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_DEFAULTED, l.Status)
	require.Zero(t, l.CollateralCaptured)
	require.NotZero(t, l.CollateralHoldId, "the hold stays with the loan")
	require.Equal(t, int64(200_000), ledger.HeldOf(w.c.State(), w.bob.Address, "CNY"))
	require.Equal(t, bankBefore, w.avail(w.bank.Address))
	var types []string
	for _, e := range w.c.LastResponse.Events {
		types = append(types, e.Type)
	}
	require.Contains(t, types, "lending.collateral_capture_failed")
	require.NotContains(t, types, "ledger.hold_captured")
	w.checkInvariants(t)
}

// The approval rule can read the default scorecard's score: a KYC-2 newcomer scores 560 and a
// KYC-1 newcomer 545 (x/credit/scorecard's default model).
func TestApprovalRuleReadsTheCreditScore(t *testing.T) {
	w := lendingWorld(t)
	p := productA()
	p.ApprovalRule = "credit_score >= 550"
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterProduct(p)))
	w.c.MustExec(t, w.alice.Sign(apptest.ApplyLoan(1, 10000, 3)))
	w.c.MustExec(t, w.bob.Sign(apptest.ApplyLoan(1, 10000, 3)))
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_APPROVED, w.loan(t, 1).Status)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_REJECTED, w.loan(t, 2).Status)
}
