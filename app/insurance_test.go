package app_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/insurance"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/lending"
)

func registerInsuranceProduct(p *txpb.InsuranceProduct) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_RegisterInsuranceProduct{RegisterInsuranceProduct: &txpb.MsgRegisterInsuranceProduct{Product: p}}}
}

func fundPool(asset string, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_FundPool{FundPool: &txpb.MsgFundPool{Asset: asset, Amount: amount}}}
}

func withdrawPool(asset string, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_WithdrawPool{WithdrawPool: &txpb.MsgWithdrawPool{Asset: asset, Amount: amount}}}
}

func buyPolicy(product uint64, insured string, sum int64, loan uint64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_BuyPolicy{BuyPolicy: &txpb.MsgBuyPolicy{ProductId: product, Insured: insured, SumInsured: sum, LoanId: loan}}}
}

func disputeSettlement(policy uint64, reason string) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_DisputeSettlement{DisputeSettlement: &txpb.MsgDisputeSettlement{PolicyId: policy, Reason: reason}}}
}

func resolveDispute(policy uint64, topUp int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_ResolveDispute{ResolveDispute: &txpb.MsgResolveDispute{PolicyId: policy, TopUp: topUp, Reason: "field visit"}}}
}

// droughtProduct is the terms: a yield ratio against a reference of 2.0, trigger
// 0.75, exit 0.10, at most 90% paid, a 5% premium; sold for a day, covering ten days from
// start, on the last answer of feed.
func droughtProduct(feed string, start time.Time) *txpb.InsuranceProduct {
	return &txpb.InsuranceProduct{Name: "Maize area yield", Kind: "parametric", Asset: "CNY", Cover: "crop",
		PremiumRatePpm: 50_000, MaxPayoutPpm: 900_000, SaleStart: start.Unix(), SaleEnd: start.Add(24 * time.Hour).Unix(),
		RiskStart: start.Unix(), RiskEnd: start.Add(240 * time.Hour).Unix(), MinSumInsured: 100, MaxSumInsured: 10_000_000,
		DisputeDays: 7, FeedId: feed, Index: "last", ReferenceMicro: 2_000_000, Direction: "below",
		TriggerMicro: 750_000, ExitMicro: 100_000}
}

// yieldFeed: area yield in t/ha at one decimal, answered once a season (a heartbeat of 30
// days), three reporters of whom all must answer within an hour.
func yieldFeed(reporters []string) *txpb.Feed {
	f := rainFeed("YIELD", 3, reporters)
	f.Description, f.Unit, f.HeartbeatSeconds = "area yield", "t/ha", 30*86400
	return f
}

func (w *oracleWorld) policy(t *testing.T, id uint64) *statepb.Policy {
	p, ok := insurance.GetPolicy(w.c.State(), id)
	require.True(t, ok, "policy %d", id)
	return p
}

func (w *oracleWorld) avail(addr string) int64 { return ledger.AvailableOf(w.c.State(), addr, "CNY") }

// until runs empty blocks until (at least) when, checking every invariant.
func (w *oracleWorld) until(t *testing.T, when time.Time) {
	w.c.Time = when.Add(-w.c.BlockInterval)
	_, err := w.c.Block()
	require.NoError(t, err)
	_, err = w.c.Block() // what the previous block's end released settles in this one
	require.NoError(t, err)
	require.NoError(t, w.c.App.CheckInvariants(w.c.State()))
}

// yieldRound has the first three reporters answer round id of feed with v each.
func (w *oracleWorld) yieldRound(t *testing.T, feed string, id uint64, v int64) {
	for _, k := range w.reporters[:3] {
		w.c.MustExec(t, k.Sign(observe(feed, id, v)))
	}
}

func TestParametricPolicySettlesByItselfAndAgreesWithTheQuote(t *testing.T) {
	w := newOracleWorld(t)
	start := w.c.Time
	w.c.MustExec(t, w.reporters[0].Sign(registerFeed(yieldFeed(w.reporterAddrs(3)))))
	w.c.MustExec(t, w.insurer.Sign(registerInsuranceProduct(droughtProduct("YIELD", start)), fundPool("CNY", 1_700_000)))

	// Two policies of 10,000.00 (premium 500.00, maximum payout 9,000.00 each) fit the pool of
	// 17,000.00 + 1,000.00; a third would need 27,000.00 and is refused, changing nothing.
	w.c.MustExec(t, w.alice.Sign(buyPolicy(1, w.alice.Address, 1_000_000, 0)))
	w.c.MustExec(t, w.bob.Sign(buyPolicy(1, w.bob.Address, 1_000_000, 0)))
	mustFail(t, w.c, w.alice, buyPolicy(1, w.alice.Address, 1_000_000, 0), insurance.ErrCapacity)
	mustFail(t, w.c, w.alice, buyPolicy(1, w.bob.Address, 1_000, 0), insurance.ErrNotInsured)
	pool := insurance.GetPool(w.c.State(), w.insurer.Address, "CNY")
	require.Equal(t, int64(1_800_000), pool.Balance)
	require.Equal(t, int64(1_800_000), pool.Exposure)
	require.Equal(t, int64(100_000_000-1_700_000), w.avail(w.insurer.Address), "premiums went into the pool")
	mustFail(t, w.c, w.insurer, withdrawPool("CNY", 1), insurance.ErrCapacity)

	// The season's yield: 1.0 t/ha against a reference of 2.0.
	w.yieldRound(t, "YIELD", 1, 10)
	w.c.Time = start.Add(25 * time.Hour)
	mustFail(t, w.c, w.bob, buyPolicy(1, w.bob.Address, 1_000, 0), insurance.ErrSaleClosed)

	before := w.avail(w.alice.Address)
	w.until(t, start.Add(241*time.Hour))
	p := w.policy(t, 1)
	require.Equal(t, statepb.PolicyStatus_POLICY_STATUS_PAID, p.Status)
	q, err := app.InsuranceQuote([]byte(`{"sum_insured":"10000.00","trigger":"0.75","exit":"0.10","max_payout_fraction":"0.90","index":"1.0","reference":"2.0","direction":"below"}`))
	require.NoError(t, err)
	require.Equal(t, "3461.54", q.Quote.Payout)
	require.Equal(t, q.Quote.Payout, money.FormatMinor(p.Paid, 2), "the quote and the settlement agree")
	require.Equal(t, before+346_154, w.avail(w.alice.Address))
	require.Equal(t, int64(346_154), w.policy(t, 2).Paid)
	pool = insurance.GetPool(w.c.State(), w.insurer.Address, "CNY")
	require.Equal(t, int64(1_800_000-2*346_154), pool.Balance)
	require.Equal(t, int64(0), pool.Exposure)
	rec, _ := insurance.GetProduct(w.c.State(), 1)
	require.True(t, rec.IndexFixed)

	// Basis risk: bob disputes within the week and the insurer tops up; alice's dispute after
	// the deadline is refused.
	w.c.MustExec(t, w.bob.Sign(disputeSettlement(2, "my field failed completely")))
	mustFail(t, w.c, w.bob, resolveDispute(2, 100), tx.ErrUnauthorized)
	w.c.MustExec(t, w.insurer.Sign(resolveDispute(2, 100_000)))
	require.Equal(t, int64(446_154), w.policy(t, 2).Paid)
	w.c.Time = start.Add(241*time.Hour + 9*24*time.Hour)
	mustFail(t, w.c, w.alice, disputeSettlement(1, "too late"), insurance.ErrDeadline)
	require.NoError(t, w.c.App.CheckInvariants(w.c.State()))

	// What no policy needs can be withdrawn, and no more.
	pool = insurance.GetPool(w.c.State(), w.insurer.Address, "CNY")
	mustFail(t, w.c, w.insurer, withdrawPool("CNY", pool.Balance+1), insurance.ErrCapacity)
	w.c.MustExec(t, w.insurer.Sign(withdrawPool("CNY", pool.Balance)))
	require.NoError(t, w.c.App.CheckInvariants(w.c.State()))
}

func TestPoliciesWaitOnAStaleRoundAndSettleOnAFreshAnswer(t *testing.T) {
	w := newOracleWorld(t)
	start := w.c.Time
	w.c.MustExec(t, w.reporters[0].Sign(registerFeed(yieldFeed(w.reporterAddrs(3)))))
	w.c.MustExec(t, w.insurer.Sign(registerInsuranceProduct(droughtProduct("YIELD", start)), fundPool("CNY", 5_000_000)))
	w.c.MustExec(t, w.alice.Sign(buyPolicy(1, w.alice.Address, 1_000_000, 0)))

	// The only round of the season gets one answer and goes stale: nothing settles.
	w.c.MustExec(t, w.reporters[0].Sign(observe("YIELD", 1, 10)))
	w.until(t, start.Add(241*time.Hour))
	require.Equal(t, statepb.RoundStatus_ROUND_STATUS_STALE, w.round(t, "YIELD", 1).Status)
	require.Equal(t, statepb.PolicyStatus_POLICY_STATUS_ACTIVE, w.policy(t, 1).Status)
	w.until(t, start.Add(250*time.Hour))
	require.Equal(t, statepb.PolicyStatus_POLICY_STATUS_ACTIVE, w.policy(t, 1).Status)

	// A fresh final answer arrives: the policy settles on it (0.5 of the reference).
	w.yieldRound(t, "YIELD", 2, 10)
	w.until(t, start.Add(251*time.Hour))
	p := w.policy(t, 1)
	require.Equal(t, statepb.PolicyStatus_POLICY_STATUS_PAID, p.Status)
	require.Equal(t, int64(346_154), p.Paid)
	rec, _ := insurance.GetProduct(w.c.State(), 1)
	require.Equal(t, uint64(2), rec.IndexLastRound)
}

func TestAPolicyWithNoPayoutCloses(t *testing.T) {
	w := newOracleWorld(t)
	start := w.c.Time
	w.c.MustExec(t, w.reporters[0].Sign(registerFeed(yieldFeed(w.reporterAddrs(3)))))
	w.c.MustExec(t, w.insurer.Sign(registerInsuranceProduct(droughtProduct("YIELD", start)), fundPool("CNY", 5_000_000)))
	w.c.MustExec(t, w.alice.Sign(buyPolicy(1, w.alice.Address, 1_000_000, 0)))
	w.yieldRound(t, "YIELD", 1, 18) // 0.9 of the reference: above the trigger
	w.until(t, start.Add(241*time.Hour))
	p := w.policy(t, 1)
	require.Equal(t, statepb.PolicyStatus_POLICY_STATUS_CLOSED, p.Status)
	require.Equal(t, int64(0), p.Paid)
	require.Equal(t, int64(0), insurance.GetPool(w.c.State(), w.insurer.Address, "CNY").Exposure)
}

func TestBadInsuranceInputIsRefusedAndChangesNothing(t *testing.T) {
	w := newOracleWorld(t)
	start := w.c.Time
	w.c.MustExec(t, w.reporters[0].Sign(registerFeed(yieldFeed(w.reporterAddrs(3)))))
	wrongOrder := droughtProduct("YIELD", start)
	wrongOrder.TriggerMicro, wrongOrder.ExitMicro = 100_000, 750_000
	aboveWrong := droughtProduct("YIELD", start)
	aboveWrong.Direction = "above"
	overOne := droughtProduct("YIELD", start)
	overOne.MaxPayoutPpm = 1_000_001
	premiumOverOne := droughtProduct("YIELD", start)
	premiumOverOne.PremiumRatePpm = 2_000_000
	noFeed := droughtProduct("NOFEED", start)
	for _, p := range []*txpb.InsuranceProduct{wrongOrder, aboveWrong, overOne, premiumOverOne, noFeed} {
		mustFail(t, w.c, w.insurer, registerInsuranceProduct(p), insurance.ErrBadProduct)
	}
	mustFail(t, w.c, w.bank, registerInsuranceProduct(droughtProduct("YIELD", start)), tx.ErrUnauthorized)
	mustFail(t, w.c, w.alice, buyPolicy(1, w.alice.Address, 1_000_000, 0), insurance.ErrUnknownProduct)
	w.c.MustExec(t, w.insurer.Sign(registerInsuranceProduct(droughtProduct("YIELD", start))))
	mustFail(t, w.c, w.alice, buyPolicy(1, w.alice.Address, 1_000_000, 0), insurance.ErrCapacity) // no pool
	mustFail(t, w.c, w.insurer, buyPolicy(1, w.alice.Address, 1_000_000, 0), insurance.ErrSelfCover)
	mustFail(t, w.c, w.alice, buyPolicy(1, w.alice.Address, 10_000_001, 0), insurance.ErrBadAmount)
	mustFail(t, w.c, w.alice, disputeSettlement(9, "x"), insurance.ErrUnknownPolicy)
}

// loanWorld has alice borrow principal from the bank under a three-month product and the
// bank buy a drought policy of sum insured on her behalf, linked to the loan.
func (w *oracleWorld) loanLinked(t *testing.T, start time.Time, principal int64) uint64 {
	p := productA()
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterProduct(p)))
	productID := uint64(len(lending.ListProducts(w.c.State())))
	w.c.MustExec(t, w.alice.Sign(apptest.ApplyLoan(productID, principal, 3)))
	loans := lending.LoansOf(w.c.State(), w.alice.Address)
	id := loans[len(loans)-1].Id
	w.c.MustExec(t, w.bank.Sign(apptest.DecideLoan(id, true, "covered")))
	w.c.MustExec(t, w.bank.Sign(apptest.DisburseLoan(id)))
	return id
}

func TestLoanLinkedCoverSettlesTheLoanFirst(t *testing.T) {
	w := newOracleWorld(t)
	start := w.c.Time
	w.c.MustExec(t, w.reporters[0].Sign(registerFeed(yieldFeed(w.reporterAddrs(3)))))
	w.c.MustExec(t, w.insurer.Sign(registerInsuranceProduct(droughtProduct("YIELD", start)), fundPool("CNY", 5_000_000)))
	small := w.loanLinked(t, start, 100_000)   // 1,000.00: the payout closes it
	large := w.loanLinked(t, start, 1_000_000) // 10,000.00: the payout reduces it

	// Only the borrower or the loan's lender buys loan-linked cover, for the borrower.
	mustFail(t, w.c, w.bob, buyPolicy(1, w.alice.Address, 1_000_000, small), insurance.ErrNotInsured)
	mustFail(t, w.c, w.bank, buyPolicy(1, w.bob.Address, 1_000_000, small), insurance.ErrBadLoan)
	bankBefore := w.avail(w.bank.Address)
	w.c.MustExec(t, w.bank.Sign(buyPolicy(1, w.alice.Address, 1_000_000, small)))
	w.c.MustExec(t, w.bank.Sign(buyPolicy(1, w.alice.Address, 1_000_000, large)))
	require.Equal(t, bankBefore-2*50_000, w.avail(w.bank.Address), "the lender paid the premiums")

	w.yieldRound(t, "YIELD", 1, 10)
	aliceBefore := w.avail(w.alice.Address)
	l, _ := lending.GetLoan(w.c.State(), large)
	owedLarge := lending.Outstanding(l)
	w.until(t, start.Add(241*time.Hour))

	l, _ = lending.GetLoan(w.c.State(), small)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_CLOSED, l.Status, "a payout above the loan closes it")
	p1 := w.policy(t, 1)
	require.Equal(t, int64(346_154), p1.Paid)
	require.Positive(t, p1.PaidToLoan)
	require.Less(t, p1.PaidToLoan, p1.Paid)
	require.Equal(t, aliceBefore+p1.Paid-p1.PaidToLoan, w.avail(w.alice.Address), "the rest goes to the borrower")

	l, _ = lending.GetLoan(w.c.State(), large)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_ACTIVE, l.Status, "a smaller payout reduces the loan")
	p2 := w.policy(t, 2)
	require.Equal(t, p2.Paid, p2.PaidToLoan)
	require.Less(t, lending.Outstanding(l), owedLarge)
	require.LessOrEqual(t, owedLarge-lending.Outstanding(l), p2.PaidToLoan, "principal repaid is part of the payout")
	require.NoError(t, lending.CheckInvariants(w.c.State()))
}

func fileClaimMsg(policy uint64, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_FileClaim{FileClaim: &txpb.MsgFileClaim{PolicyId: policy, Amount: amount, EvidenceHash: make([]byte, 32)}}}
}

func decideClaimMsg(claim uint64, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_DecideClaim{DecideClaim: &txpb.MsgDecideClaim{ClaimId: claim, Amount: amount, Reason: "assessed"}}}
}

// livestockProduct is an indemnity product: claims decided within two business days.
func livestockProduct(start time.Time) *txpb.InsuranceProduct {
	return &txpb.InsuranceProduct{Name: "Cattle cover", Kind: "indemnity", Asset: "CNY", Cover: "livestock",
		PremiumRatePpm: 30_000, MaxPayoutPpm: 1_000_000, SaleStart: start.Unix(), SaleEnd: start.Add(24 * time.Hour).Unix(),
		RiskStart: start.Unix(), RiskEnd: start.Add(30 * 24 * time.Hour).Unix(), MinSumInsured: 100, MaxSumInsured: 10_000_000,
		DecisionDays: 2}
}

func TestIndemnityClaimsAreDecidedOrEscalated(t *testing.T) {
	w := newOracleWorld(t)
	start := w.c.Time
	w.c.MustExec(t, w.insurer.Sign(registerInsuranceProduct(livestockProduct(start)), fundPool("CNY", 1_000_000)))
	w.c.MustExec(t, w.alice.Sign(buyPolicy(1, w.alice.Address, 500_000, 0)))

	// A claim within the maximum, decided by the insurer for less than claimed.
	mustFail(t, w.c, w.alice, fileClaimMsg(1, 500_001), insurance.ErrBadAmount)
	mustFail(t, w.c, w.bob, fileClaimMsg(1, 100), insurance.ErrNotInsured)
	w.c.MustExec(t, w.alice.Sign(fileClaimMsg(1, 200_000)))
	mustFail(t, w.c, w.insurer, decideClaimMsg(1, 200_001), insurance.ErrBadAmount)
	before := w.avail(w.alice.Address)
	w.c.MustExec(t, w.insurer.Sign(decideClaimMsg(1, 150_000)))
	require.Equal(t, before+150_000, w.avail(w.alice.Address))
	mustFail(t, w.c, w.insurer, decideClaimMsg(1, 1), insurance.ErrWrongStatus)
	c, _ := insurance.GetClaim(w.c.State(), 1)
	require.Equal(t, statepb.ClaimStatus_CLAIM_STATUS_APPROVED, c.Status)

	// A second claim left undecided is escalated after two business days: then only
	// governance decides it.
	w.c.MustExec(t, w.alice.Sign(fileClaimMsg(1, 100_000)))
	w.until(t, start.Add(4*24*time.Hour))
	c, _ = insurance.GetClaim(w.c.State(), 2)
	require.Equal(t, statepb.ClaimStatus_CLAIM_STATUS_ESCALATED, c.Status)
	mustFail(t, w.c, w.insurer, decideClaimMsg(2, 100_000), insurance.ErrNotInsurer)
	require.NoError(t, w.c.App.CheckInvariants(w.c.State()))

	// At the end of the cover the policy waits for the escalated claim; rejecting it (as
	// governance would) closes the policy, and the pool keeps what was not paid.
	w.until(t, start.Add(31*24*time.Hour))
	require.Equal(t, statepb.PolicyStatus_POLICY_STATUS_ACTIVE, w.policy(t, 1).Status)
	pool := insurance.GetPool(w.c.State(), w.insurer.Address, "CNY")
	require.Equal(t, int64(500_000-150_000), pool.Exposure)

	action := &txpb.ProposalAction{Action: &txpb.ProposalAction_Msg{Msg: decideClaimMsg(2, 0)}}
	w.c.MustExec(t, w.bank.Sign(apptest.Propose("reject claim 2", action)))
	for _, k := range append([]*apptest.Key{w.bank, w.insurer, w.regulator}, w.reporters...) {
		w.c.MustExec(t, k.Sign(apptest.Vote(1, txpb.VoteOption_VOTE_OPTION_YES)))
	}
	w.until(t, start.Add(39*24*time.Hour))
	c, _ = insurance.GetClaim(w.c.State(), 2)
	require.Equal(t, statepb.ClaimStatus_CLAIM_STATUS_REJECTED, c.Status)
	require.Equal(t, "governance", c.DecidedBy)
	p := w.policy(t, 1)
	require.Equal(t, statepb.PolicyStatus_POLICY_STATUS_PAID, p.Status)
	require.Equal(t, int64(150_000), p.Paid)
	require.Equal(t, int64(0), insurance.GetPool(w.c.State(), w.insurer.Address, "CNY").Exposure)
}

func TestALoanProductRequiringCoverPaysOutOnlyWithIt(t *testing.T) {
	w := newOracleWorld(t)
	start := w.c.Time
	w.c.MustExec(t, w.reporters[0].Sign(registerFeed(yieldFeed(w.reporterAddrs(3)))))
	w.c.MustExec(t, w.insurer.Sign(registerInsuranceProduct(droughtProduct("YIELD", start)), fundPool("CNY", 5_000_000)))
	p := productA()
	p.RequiredCover = "crop"
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterProduct(p)))
	w.c.MustExec(t, w.alice.Sign(apptest.ApplyLoan(1, 100_000, 3)))
	w.c.MustExec(t, w.bank.Sign(apptest.DecideLoan(1, true, "needs crop cover")))
	mustFail(t, w.c, w.bank, apptest.DisburseLoan(1), lending.ErrCoverRequired)
	w.c.MustExec(t, w.bank.Sign(buyPolicy(1, w.alice.Address, 1_000_000, 1)))
	w.c.MustExec(t, w.bank.Sign(apptest.DisburseLoan(1)))
	l, _ := lending.GetLoan(w.c.State(), 1)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_ACTIVE, l.Status)
	bad := productA()
	bad.RequiredCover = "Crop!"
	mustFail(t, w.c, w.bank, apptest.RegisterProduct(bad), lending.ErrBadProduct)
}
