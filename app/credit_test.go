package app_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/credit"
	"github.com/puhui-chain/puhui/x/credit/scorecard"
	"github.com/puhui-chain/puhui/x/governance"
	"github.com/puhui-chain/puhui/x/lending"
)

func grantConsent(borrower, lender, purpose string, expires int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_GrantConsent{GrantConsent: &txpb.MsgGrantConsent{
		Borrower: borrower, Lender: lender, Purpose: purpose, ExpiresAt: expires}}}
}

func revokeConsent(borrower, lender, purpose string) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_RevokeConsent{RevokeConsent: &txpb.MsgRevokeConsent{
		Borrower: borrower, Lender: lender, Purpose: purpose}}}
}

func requestReport(borrower, purpose string) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_RequestCreditReport{RequestCreditReport: &txpb.MsgRequestCreditReport{
		Borrower: borrower, Purpose: purpose, Asset: "CNY"}}}
}

func registerScorecard(m *txpb.Scorecard) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_RegisterScorecard{RegisterScorecard: &txpb.MsgRegisterScorecard{Model: m}}}
}

// threeMonths: 1,000.00 over three months at 12%, defaulting at 30 days past due.
func threeMonths() *txpb.LoanProduct {
	p := productA()
	p.MinPeriods, p.DefaultDpd = 3, 30
	return p
}

// creditHistoryWorld gives alice a history across two lenders: a bank loan repaid on time,
// an MFI loan with one instalment paid 11 days late, and a second bank loan that defaults.
func creditHistoryWorld(t *testing.T) *world {
	w := lendingWorld(t)
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.mfi.Address, 10_000_000)))
	w.openLoan(t, threeMonths(), w.alice, 100_000, 3) // loan 1, the bank, due on the 5th

	w.at(t, "2026-01-06", "09:00")
	w.c.MustExec(t, w.mfi.Sign(apptest.RegisterProduct(threeMonths()))) // product 2
	w.c.MustExec(t, w.alice.Sign(apptest.ApplyLoan(2, 100_000, 3)))     // loan 2, the MFI, due on the 6th
	w.c.MustExec(t, w.mfi.Sign(apptest.DecideLoan(2, true, "")))
	w.c.MustExec(t, w.mfi.Sign(apptest.DisburseLoan(2)))

	w.at(t, "2026-02-05", "09:00")
	w.at(t, "2026-02-06", "09:00")
	w.at(t, "2026-03-05", "09:00")
	// Alice moves her money out after the bank's collection: the MFI's falls overdue.
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", w.avail(w.alice.Address))))
	w.at(t, "2026-03-06", "09:00")
	require.Equal(t, uint32(0), w.loan(t, 2).Dpd)
	w.at(t, "2026-03-16", "09:00")
	require.Equal(t, uint32(10), w.loan(t, 2).Dpd)
	w.c.MustExec(t, w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", w.avail(w.bob.Address))))
	w.at(t, "2026-03-17", "09:00") // the day's arrears visit collects, 11 days late
	require.Equal(t, uint32(0), w.loan(t, 2).Dpd)
	for _, d := range []string{"2026-04-05", "2026-04-06"} {
		w.at(t, d, "09:00")
	}
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_CLOSED, w.loan(t, 1).Status)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_CLOSED, w.loan(t, 2).Status)

	w.at(t, "2026-04-10", "09:00")
	w.c.MustExec(t, w.alice.Sign(apptest.ApplyLoan(1, 200_000, 3))) // loan 3, the bank
	w.c.MustExec(t, w.bank.Sign(apptest.DecideLoan(3, true, "")))
	w.c.MustExec(t, w.bank.Sign(apptest.DisburseLoan(3)))
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", w.avail(w.alice.Address))))
	w.at(t, "2026-05-10", "09:00")
	w.at(t, "2026-06-10", "09:00") // 31 days past due: defaulted
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_DEFAULTED, w.loan(t, 3).Status)
	return w
}

func TestCreditHistoryAcrossTwoLenders(t *testing.T) {
	w := creditHistoryWorld(t)
	now := w.c.Time.Unix()
	p := credit.ProfileOf(w.c.State(), w.alice.Address, "CNY", now)
	h := p.History
	require.Equal(t, uint32(3), h.LoansTaken)
	require.Equal(t, uint32(2), h.LoansCompleted)
	require.Equal(t, uint32(1), h.LoansDefaulted)
	require.Equal(t, uint32(1), h.LoansActive, "a defaulted loan is still owed")
	require.Equal(t, uint32(5), h.InstallmentsOnTime)
	require.Equal(t, uint32(1), h.InstallmentsLate)
	require.Equal(t, uint32(31), h.MaxDpd)
	require.Equal(t, uint32(31), h.MaxDpd_12M)
	require.Equal(t, int64(200_000), p.Exposure.Outstanding, "loan 3's principal, accelerated and unpaid")
	require.Equal(t, int64(1), p.Exposure.Lenders)
	require.Zero(t, p.Groups.Groups, "no group loans")
	require.Equal(t, int64(-1), p.Groups.GroupParBps)

	// A year on, the arrears have aged out of the twelve-month window but not out of "ever".
	later := credit.ProfileOf(w.c.State(), w.alice.Address, "CNY", w.c.Time.AddDate(1, 1, 0).Unix())
	require.Equal(t, uint32(31), later.History.MaxDpd)
	require.Equal(t, uint32(0), later.History.MaxDpd_12M)

	// The reasons for her low score name what lowered it: the recent arrears and the default
	// first, then the late instalment.
	s, err := p.Score(scorecard.Default())
	require.NoError(t, err)
	var codes []string
	for _, r := range s.Reasons {
		codes = append(codes, r.Code)
	}
	require.Equal(t, []string{"D01", "D02"}, codes[:2], "%v", s.Reasons)
	require.Contains(t, codes, "P01")
	require.Equal(t, "E", s.Band)
	newcomer, err := credit.ProfileOf(w.c.State(), w.bob.Address, "CNY", now).Score(scorecard.Default())
	require.NoError(t, err)
	require.Greater(t, newcomer.Score, s.Score)
}

func TestCashFlowSignalsComeFromTheLedger(t *testing.T) {
	w := lendingWorld(t) // alice received 1,000.00 at genesis time, 2026-01-05
	for _, d := range []string{"2026-02-01", "2026-03-01", "2026-04-01"} {
		w.at(t, d, "09:00")
		w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.alice.Address, 300_000)))
	}
	p := credit.ProfileOf(w.c.State(), w.alice.Address, "CNY", w.c.Time.Unix()+24*3600)
	require.Equal(t, uint32(4), p.CashFlow.InflowMonths_12, "January to April")
	require.Equal(t, int64(233_333), p.CashFlow.AvgMonthlyInflow_3M, "January's 1,000 + February's and March's 3,000 over three months, rounded down")
	// Balance-days: January 1,000.00 × 27 days (from the 5th); February 4,000.00 × 28;
	// March 7,000.00 × 31: 51,700,000 over the 90 days of January–March.
	require.Equal(t, int64((100_000*27+400_000*28+700_000*31)/90), p.CashFlow.AvgBalance_3M)
	require.Equal(t, int64(0), p.CashFlow.DebtServiceRatioBps, "no debt")
}

func TestConsentGatesReports(t *testing.T) {
	w := lendingWorld(t)
	w.openLoan(t, threeMonths(), w.alice, 100_000, 3)
	day := int64(24 * 3600)
	noConsent := func(t *testing.T) {
		t.Helper()
		before := dump(w.c.State())
		res := w.c.Exec(w.mfi.Sign(requestReport(w.alice.Address, "loan_application")))
		require.Equal(t, credit.ErrNoConsent.Codespace, res.Codespace, res.Log)
		require.Equal(t, credit.ErrNoConsent.Code, res.Code, res.Log)
		require.Equal(t, []string{string(tx.NonceKey(w.mfi.Address))}, changedKeys(before, dump(w.c.State())))
	}
	noConsent(t)

	w.c.MustExec(t, w.alice.Sign(grantConsent(w.alice.Address, w.mfi.Address, "loan_application", w.c.Time.Unix()+30*day)))
	res := w.c.MustExec(t, w.mfi.Sign(requestReport(w.alice.Address, "loan_application")))
	require.Equal(t, "1", attr(res.Events, "credit.report_accessed", "access_id"))
	acc := credit.Accesses(w.c.State(), w.alice.Address)
	require.Len(t, acc, 1)
	require.Equal(t, w.mfi.Address, acc[0].Lender)
	require.Equal(t, "loan_application", acc[0].Purpose)
	require.Equal(t, w.c.Time.Unix(), acc[0].At)
	require.Len(t, acc[0].ReportSha256, 32, "state keeps the report's hash, not the report")
	require.Equal(t, credit.DefaultModelName, acc[0].Model)
	pr, code := readReport(t, w.c, w.mfi, w.alice.Address, 1)
	require.Zero(t, code)
	rep := pr.Report
	require.Equal(t, uint32(1), rep.History.LoansActive)
	require.Equal(t, int64(100_000), rep.Exposure[0].Outstanding)
	require.Equal(t, credit.DefaultModelName, rep.Score.Model)
	require.NotZero(t, rep.Score.Score)
	sum := sha256.Sum256(pr.Content)
	require.Equal(t, acc[0].ReportSha256, sum[:], "the report served is the one whose hash was recorded")

	// A consent is for its purpose and its lender only.
	res = w.c.Exec(w.mfi.Sign(requestReport(w.alice.Address, "monitoring")))
	require.Equal(t, credit.ErrNoConsent.Code, res.Code, res.Log)
	res = w.c.Exec(w.bank.Sign(requestReport(w.alice.Address, "loan_application")))
	require.Equal(t, credit.ErrNoConsent.Code, res.Code, res.Log)

	_, code = readReport(t, w.c, w.bank, w.alice.Address, 1)
	require.Equal(t, credit.ErrNotReader.Code, code, "another lender cannot read it")
	w.c.MustExec(t, w.alice.Sign(revokeConsent(w.alice.Address, w.mfi.Address, "loan_application")))
	noConsent(t)
	_, code = readReport(t, w.c, w.mfi, w.alice.Address, 1)
	require.Equal(t, credit.ErrNotReader.Code, code, "without a live consent the lender no longer reads it")
	byBorrower, code := readReport(t, w.c, w.alice, w.alice.Address, 1)
	require.Zero(t, code)
	require.Equal(t, rep, byBorrower.Report, "the borrower reads what the lender was given")

	w.c.MustExec(t, w.alice.Sign(grantConsent(w.alice.Address, w.mfi.Address, "loan_application", w.c.Time.Unix()+day)))
	w.c.MustExec(t, w.mfi.Sign(requestReport(w.alice.Address, "loan_application")))
	w.at(t, "2026-01-08", "09:00")
	noConsent(t) // expired
	require.Len(t, credit.Accesses(w.c.State(), w.alice.Address), 2, "every access logged, refusals change nothing")
}

func testScorecard(version uint32) *txpb.Scorecard {
	m := credit.ProtoOf(scorecard.Default())
	m.Name, m.Version, m.Description = "mfi-rural", version, "the default's bins, for rural MFIs"
	return m
}

func TestScorecardRegistryAndDecisionRecord(t *testing.T) {
	w := lendingWorld(t)
	scorer := apptest.NewKey("scorer")
	passGovernance(t, w, apptest.AddMemberAction("Bureau", scorer.PubKey(), "scorer"))
	w.c.MustExec(t, scorer.Sign(registerScorecard(testScorecard(1))))
	w.c.MustExec(t, scorer.Sign(registerScorecard(testScorecard(2))))
	recs := credit.Scorecards(w.c.State())
	require.Len(t, recs, 2)
	require.Equal(t, scorer.Address, recs[1].RegisteredBy)

	p := productA()
	p.Scorecard, p.ApprovalRule = "mfi-rural", "credit_score >= 500"
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterProduct(p)))
	w.c.MustExec(t, w.alice.Sign(apptest.ApplyLoan(1, 10_000, 3)))
	l := w.loan(t, 1)
	require.Equal(t, "mfi-rural", l.DecisionModel)
	require.Equal(t, uint32(2), l.DecisionModelVersion, "the newest version scores")
	require.Equal(t, int64(560), l.DecisionScore, "a KYC level 2 newcomer without inflows")
	require.Equal(t, []string{"H01", "C01", "C02", "P01"}, l.DecisionReasons)
	require.Len(t, l.DecisionInputsHash, 32)
	require.Equal(t, statepb.LoanStatus_LOAN_STATUS_APPROVED, l.Status)
	// The loan views name the score's band under the version that gave it.
	bureau := credit.Bureau{}
	require.Equal(t, "C", bureau.Band(w.c.State(), "mfi-rural", 2, 560))
	require.Equal(t, "A", bureau.Band(w.c.State(), credit.DefaultModelName, 1, 610), "the built-in default")
	require.Equal(t, "E", bureau.Band(w.c.State(), "mfi-rural", 1, 100), "a low score: the lowest band")
	require.Empty(t, bureau.Band(w.c.State(), "mfi-rural", 9, 560), "an unknown version")

	// Governance may register a version too.
	passGovernance(t, w, &txpb.ProposalAction{Action: &txpb.ProposalAction_RegisterScorecard{
		RegisterScorecard: &txpb.MsgRegisterScorecard{Model: testScorecard(3)}}})
	recs = credit.Scorecards(w.c.State())
	require.Equal(t, credit.ByGovernance, recs[len(recs)-1].RegisteredBy)
}

func TestCreditBadInput(t *testing.T) {
	w := lendingWorld(t)
	scorer := apptest.NewKey("scorer")
	passGovernance(t, w, apptest.AddMemberAction("Bureau", scorer.PubKey(), "scorer"))
	w.c.MustExec(t, scorer.Sign(registerScorecard(testScorecard(1))))
	overlapping := testScorecard(2)
	overlapping.Characteristics[0].Bins[1].Max = 8500
	missing := testScorecard(2)
	missing.Characteristics = nil
	unknownFact := testScorecard(2)
	unknownFact.Characteristics[0].Fact = "shoe_size"
	expires := w.c.Time.Unix() + 3600
	withScorecard := productA()
	withScorecard.Scorecard = "nonexistent"
	for _, tc := range []struct {
		name   string
		signer *apptest.Key
		msg    *txpb.Msg
		want   *tx.Error
	}{
		{"model with overlapping bins", scorer, registerScorecard(overlapping), credit.ErrBadScorecard},
		{"model without characteristics", scorer, registerScorecard(missing), credit.ErrBadScorecard},
		{"model scoring an unknown fact", scorer, registerScorecard(unknownFact), credit.ErrBadScorecard},
		{"model version not above the last", scorer, registerScorecard(testScorecard(1)), credit.ErrStaleVersion},
		{"model by a bank", w.bank, registerScorecard(testScorecard(5)), tx.ErrUnauthorized},
		{"product naming an unknown model", w.bank, apptest.RegisterProduct(withScorecard), credit.ErrUnknownScorecard},
		{"consent by someone other than the borrower", w.bob, grantConsent(w.alice.Address, w.mfi.Address, "loan_application", expires), credit.ErrNotBorrower},
		{"consent by a bank", w.bank, grantConsent(w.alice.Address, w.mfi.Address, "loan_application", expires), tx.ErrUnauthorized},
		{"consent to a non-member", w.alice, grantConsent(w.alice.Address, w.bob.Address, "loan_application", expires), credit.ErrUnknownLender},
		{"consent with a bad purpose", w.alice, grantConsent(w.alice.Address, w.mfi.Address, "Loan Application!", expires), credit.ErrBadConsent},
		{"consent already expired", w.alice, grantConsent(w.alice.Address, w.mfi.Address, "loan_application", w.c.Time.Unix()), credit.ErrBadConsent},
		{"consent for over a year", w.alice, grantConsent(w.alice.Address, w.mfi.Address, "loan_application", expires+credit.MaxConsentSeconds), credit.ErrBadConsent},
		{"revoke without a consent", w.alice, revokeConsent(w.alice.Address, w.mfi.Address, "loan_application"), credit.ErrNoConsent},
		{"report asked by an individual", w.bob, requestReport(w.alice.Address, "loan_application"), tx.ErrUnauthorized},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := dump(w.c.State())
			res := w.c.Exec(tc.signer.Sign(tc.msg))
			require.Equal(t, tc.want.Codespace, res.Codespace, res.Log)
			require.Equal(t, tc.want.Code, res.Code, res.Log)
			require.Equal(t, refusedKeys(res, tc.signer, tc.msg), changedKeys(before, dump(w.c.State())))
		})
	}
}

func TestDebtServiceCap(t *testing.T) {
	w := lendingWorld(t)
	p := productA()
	p.MaxDebtServiceBps = 4000 // 40% of the average monthly inflow
	w.c.MustExec(t, w.bank.Sign(apptest.RegisterProduct(p)))
	res := w.c.Exec(w.alice.Sign(apptest.ApplyLoan(1, 100_000, 3)))
	require.Equal(t, lending.ErrDebtService.Code, res.Code, "no inflow history yet: %s", res.Log)
	for _, d := range []string{"2026-02-01", "2026-03-01", "2026-04-01"} {
		w.at(t, d, "09:00")
		w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.alice.Address, 100_000)))
	}
	// Inflow averages 1,000.00 a month (January's genesis 1,000 + February's and March's):
	// a 3,000.00 loan over three months asks about 1,020 a month, far above 40%.
	res = w.c.Exec(w.alice.Sign(apptest.ApplyLoan(1, 300_000, 3)))
	require.Equal(t, lending.ErrDebtService.Code, res.Code, res.Log)
	// 1,000.00 over three months is about 340 a month: 34%.
	w.c.MustExec(t, w.alice.Sign(apptest.ApplyLoan(1, 100_000, 3)))
}

// passGovernance has every member of the lending world vote yes on a proposal and runs a
// block after its week of voting.
func passGovernance(t *testing.T, w *world, a *txpb.ProposalAction) {
	t.Helper()
	w.c.MustExec(t, w.bank.Sign(apptest.Propose("proposal", a)))
	id := uint64(len(governance.ListProposals(w.c.State())))
	for _, k := range []*apptest.Key{w.bank, w.mfi, w.regulator, w.kyc} {
		w.c.MustExec(t, k.Sign(apptest.Vote(id, txpb.VoteOption_VOTE_OPTION_YES)))
	}
	w.c.Time = w.c.Time.Add(7*24*time.Hour + time.Hour)
	_, err := w.c.Block()
	require.NoError(t, err)
	p, _ := governance.GetProposal(w.c.State(), id)
	require.Equal(t, statepb.ProposalStatus_PROPOSAL_STATUS_PASSED, p.Status)
}

// readReport reads an access's report through the application's signed query, as key.
func readReport(t *testing.T, c *apptest.Chain, key *apptest.Key, borrower string, id int64) (query.PrivateReport, uint32) {
	t.Helper()
	now := time.Now().Unix()
	sig, err := key.Priv.Sign(tx.ReportReadBytes(borrower, id, now))
	require.NoError(t, err)
	data, err := json.Marshal(query.ReportRequest{Borrower: borrower, ID: id, PubKey: key.PubKey(), Time: now, Signature: sig})
	require.NoError(t, err)
	res, err := c.App.Query(context.Background(), &abci.QueryRequest{Path: query.PathCreditReport, Data: data})
	require.NoError(t, err)
	var out query.PrivateReport
	if res.Code == 0 {
		require.NoError(t, json.Unmarshal(res.Value, &out))
	}
	return out, res.Code
}
