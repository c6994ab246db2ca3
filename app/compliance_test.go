package app_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/compliance"
)

// cnyUnits is a whole yuan in minor units (scale 2).
const cnyUnits = 100

type amlWorld struct {
	*world
	firm *apptest.Key // a member's account: a legal person
}

// newAMLWorld: the ledger world plus an enterprise, alice holding 2,000,000.00 minted on
// the day before the tests' business day.
func newAMLWorld(t *testing.T) *amlWorld {
	w := &amlWorld{world: newWorld(t)}
	w.firm = w.mfi
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.alice.Address, 2_000_000*cnyUnits)))
	w.nextDay()
	return w
}

// nextDay moves the chain's clock a business day on.
func (w *amlWorld) nextDay() { w.c.Time = w.c.Time.Add(24 * time.Hour) }

func (w *amlWorld) reports(t *testing.T) []query.LargeValueReport {
	var out []query.LargeValueReport
	queryJSON(t, w.c, query.PathLargeValueReports, "~", &out)
	return out
}

func (w *amlWorld) alerts(t *testing.T) []query.Alert {
	var out []query.Alert
	queryJSON(t, w.c, query.PathAlerts, "", &out)
	return out
}

func (w *amlWorld) regulate(t *testing.T, m *txpb.Msg) {
	t.Helper()
	w.c.MustExec(t, w.regulator.Sign(m))
}

func TestLargeValueThresholdsPerDayAndDirection(t *testing.T) {
	w := newAMLWorld(t)
	before := len(w.reports(t))
	// A natural person sends 200,000 + 180,000 + 150,000 to a legal person in one day: one
	// report (her outflow); the firm's inflow is far under its 2,000,000.
	for _, y := range []int64{200_000, 180_000, 150_000} {
		w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.firm.Address, "CNY", y*cnyUnits)))
	}
	got := w.reports(t)[before:]
	require.Len(t, got, 1)
	require.Equal(t, "natural_domestic", got[0].Criterion)
	require.Equal(t, "out", got[0].Direction)
	require.Equal(t, w.alice.Address, got[0].Account)
	require.Equal(t, int64(530_000*cnyUnits), got[0].DayTotal)

	// 499,999.99 in a day: none; the same amounts spread over two days: none.
	w.nextDay()
	before = len(w.reports(t))
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.firm.Address, "CNY", 499_999*cnyUnits+99)))
	w.nextDay()
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.firm.Address, "CNY", 300_000*cnyUnits)))
	w.nextDay()
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.firm.Address, "CNY", 230_000*cnyUnits)))
	require.Len(t, w.reports(t), before)

	// Inflows and outflows apart: 300,000 in and 300,000 out on one day is no crossing.
	w.nextDay()
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 300_000*cnyUnits)))
	w.c.MustExec(t, w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 300_000*cnyUnits)))
	require.Len(t, w.reports(t), before)
}

func TestOneMovementMeetingTwoCriteriaGivesTwoReports(t *testing.T) {
	w := newAMLWorld(t)
	before := len(w.reports(t))
	// 2,000,000 from a natural person to a legal person: her domestic outflow and the
	// firm's legal-person inflow.
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.firm.Address, "CNY", 2_000_000*cnyUnits)))
	got := w.reports(t)[before:]
	require.Len(t, got, 2)
	require.Equal(t, []string{"natural_domestic", "legal_person"}, []string{got[0].Criterion, got[1].Criterion})
}

func TestCashDepositsAndCrossBorder(t *testing.T) {
	w := newAMLWorld(t)
	before := len(w.reports(t))
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.bob.Address, 50_000*cnyUnits)))
	got := w.reports(t)[before:]
	require.Len(t, got, 1)
	require.Equal(t, "cash", got[0].Criterion)
	require.Equal(t, "in", got[0].Direction)

	// bob abroad: alice's 200,000 to him is a natural person's cross-border outflow and
	// his cross-border inflow.
	w.c.MustExec(t, w.bank.Sign(tx.Wrap(&txpb.MsgSetJurisdiction{Account: w.bob.Address, Jurisdiction: "HK", Reason: "KYC file"})))
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 200_000*cnyUnits)))
	got = w.reports(t)[before+1:]
	require.Len(t, got, 2)
	require.Equal(t, "natural_cross_border", got[0].Criterion)
	require.Equal(t, "natural_cross_border", got[1].Criterion)
}

func TestStructuringRule(t *testing.T) {
	for _, days := range []int{2, 3} {
		w := newAMLWorld(t)
		w.regulate(t, tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "structuring", Expression: compliance.StructuringRule,
			Outcome: "alert", Code: "str-01", Reason: "example rule"}))
		for d := 0; d < days; d++ {
			w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.bob.Address, 49_000*cnyUnits)))
			w.nextDay()
			w.nextDay()
		}
		var hits []query.Alert
		for _, a := range w.alerts(t) {
			if a.Rule == "structuring" {
				hits = append(hits, a)
			}
		}
		if days == 2 {
			require.Empty(t, hits, "two deposits near the threshold are no pattern")
			continue
		}
		require.Len(t, hits, 1, "three deposits near the threshold in a week")
		require.Equal(t, w.bob.Address, hits[0].Subject)
		require.Equal(t, "3", hits[0].Facts["to_near_threshold_7d"])
	}
}

func TestHoldRuleRefusesAndMovesNothing(t *testing.T) {
	w := newAMLWorld(t)
	w.regulate(t, tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "big-to-person", Outcome: "hold", Code: "h-100",
		Expression: `kind == "transfer" && to_kind == "natural" && amount >= 10000000`, Reason: "review large P2P"}))
	aliceBefore, bobBefore := w.avail(w.alice.Address), w.avail(w.bob.Address)
	res := w.c.Exec(w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 100_000*cnyUnits)))
	require.Equal(t, "compliance", res.Codespace)
	require.Equal(t, compliance.ErrHeldForReview.Code, res.Code)
	require.Contains(t, res.Log, "h-100")
	require.Equal(t, aliceBefore, w.avail(w.alice.Address))
	require.Equal(t, bobBefore, w.avail(w.bob.Address))
	alerts := w.alerts(t)
	require.Len(t, alerts, 1, "the refused movement still raises its alert")
	require.Equal(t, "hold", alerts[0].Outcome)
	require.Equal(t, "big-to-person", alerts[0].Rule)
	// Under the rule's amount it passes.
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 99_999*cnyUnits)))
}

func TestBadRulesAreRefusedAtRegistration(t *testing.T) {
	w := newAMLWorld(t)
	for _, expr := range []string{`amount`, `amount > "x"`, `unknown_fact > 1`, `[1,2,3,4,5,6,7,8,9,10].map(x, [1,2,3,4,5,6,7,8,9,10].map(y, x * y * amount)).size() > 0`, ``} {
		msg := tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "bad", Outcome: "alert", Code: "x", Expression: expr, Reason: "try"})
		before := dump(w.c.State())
		res := w.c.Exec(w.regulator.Sign(msg))
		require.Equal(t, compliance.ErrBadRule.Code, res.Code, "%s: %s", expr, res.Log)
		// A rule that does not compile fails the stateless check: not even the nonce is used.
		require.Equal(t, refusedKeys(res, w.regulator, msg), changedKeys(before, dump(w.c.State())), res.Log)
	}
	res := w.c.Exec(w.bank.Sign(tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "ok", Outcome: "alert", Code: "x",
		Expression: "amount > 1", Reason: "try"})))
	require.Equal(t, tx.ErrUnauthorized.Code, res.Code)
	require.Empty(t, compliance.Rules(w.c.State()))
}

func TestFreezeOrderReceivesButDoesNotSendAndLapses(t *testing.T) {
	w := newAMLWorld(t)
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1000*cnyUnits)))
	expiry := w.c.Time.Add(72 * time.Hour).Unix()
	order := &txpb.MsgIssueFreezeOrder{Account: w.bob.Address, Asset: "CNY", Amount: 600 * cnyUnits, Authority: "Court",
		LegalBasis: "Civil Procedure Law art. 103", DocumentNumber: "(2026) 01 No. 7", Expiry: expiry, Reason: "court order"}
	res := w.c.Exec(w.bank.Sign(tx.Wrap(order)))
	require.Equal(t, tx.ErrUnauthorized.Code, res.Code, "only the regulator freezes")
	w.regulate(t, tx.Wrap(order))

	res = w.c.Exec(w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 400*cnyUnits+1)))
	require.Equal(t, compliance.ErrFrozen.Code, res.Code, res.Log)
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 50*cnyUnits)))
	w.c.MustExec(t, w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 450*cnyUnits)))
	require.Equal(t, int64(600*cnyUnits), w.avail(w.bob.Address))
	res = w.c.Exec(w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 1)))
	require.Equal(t, compliance.ErrFrozen.Code, res.Code)

	var orders []query.FreezeOrder
	queryJSON(t, w.c, query.PathFreezeOrders, w.bob.Address, &orders)
	require.Len(t, orders, 1)
	require.Equal(t, "Court", orders[0].Authority)
	require.Equal(t, expiry, orders[0].Expiry)
	require.Equal(t, "active", orders[0].Status)

	// The order lapses by itself: nobody acts, blocks pass.
	w.c.Time = time.Unix(expiry, 0)
	_, err := w.c.Block()
	require.NoError(t, err)
	queryJSON(t, w.c, query.PathFreezeOrders, w.bob.Address, &orders)
	require.Equal(t, "lapsed", orders[0].Status)
	w.c.MustExec(t, w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 600*cnyUnits)))
	require.NoError(t, compliance.CheckInvariants(w.c.State()))
}

func TestWholeAccountFreezeAndDebitOrder(t *testing.T) {
	w := newAMLWorld(t)
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1000*cnyUnits)))
	w.regulate(t, tx.Wrap(&txpb.MsgIssueFreezeOrder{Account: w.bob.Address, WholeAccount: true, Authority: "PSB",
		LegalBasis: "Criminal Procedure Law art. 144", DocumentNumber: "PSB-1", Expiry: w.c.Time.Add(time.Hour).Unix(), Reason: "investigation"}))
	res := w.c.Exec(w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 1)))
	require.Equal(t, compliance.ErrFrozen.Code, res.Code)
	res = w.c.Exec(w.bob.Sign(apptest.PlaceHold(w.alice.Address, "CNY", 1, w.c.Time.Add(time.Hour).Unix())))
	require.Equal(t, compliance.ErrFrozen.Code, res.Code, "a hold is a debit too")
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1)))
	// A debit order (扣划) pays out of the frozen account.
	w.regulate(t, tx.Wrap(&txpb.MsgExecuteDebitOrder{OrderId: 1, To: w.bank.Address, Asset: "CNY", Amount: 300 * cnyUnits,
		DocumentNumber: "PSB-1-D", Reason: "confiscation"}))
	require.Equal(t, int64(700*cnyUnits+1), w.avail(w.bob.Address))
	require.NoError(t, compliance.CheckInvariants(w.c.State()))
}

func TestAlertWorkedIntoCaseAndOverdueReport(t *testing.T) {
	w := newAMLWorld(t)
	w.regulate(t, tx.Wrap(&txpb.MsgRegisterMonitoringRule{Name: "any-big", Outcome: "alert", Code: "a-1",
		Expression: "amount >= 10000000", Reason: "watch"}))
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 100_000*cnyUnits)))
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 100_000*cnyUnits)))
	require.Len(t, w.alerts(t), 2)
	w.regulate(t, tx.Wrap(&txpb.MsgTriageAlert{AlertId: 1, Decision: "dismiss", Reason: "salary"}))
	w.regulate(t, tx.Wrap(&txpb.MsgTriageAlert{AlertId: 2, Decision: "open_case", Reason: "second in a day"}))
	res := w.c.Exec(w.regulator.Sign(tx.Wrap(&txpb.MsgTriageAlert{AlertId: 2, Decision: "dismiss", Reason: "again"})))
	require.Equal(t, compliance.ErrBadTransition.Code, res.Code)
	w.regulate(t, tx.Wrap(&txpb.MsgConfirmCase{CaseId: 1, Reason: "pattern confirmed"}))
	var c query.Case
	queryJSON(t, w.c, query.PathCase, "1", &c)
	require.Equal(t, "confirmed", c.Status)
	// Confirmed on a Tuesday: due at the end of the next Tuesday (5 business days).
	due := time.Unix(c.ReportDue, 0).In(shanghai)
	require.Equal(t, time.Tuesday, w.c.Time.In(shanghai).Weekday())
	require.Equal(t, w.c.Time.In(shanghai).AddDate(0, 0, 8).Format(time.DateOnly), due.Format(time.DateOnly))
	w.c.Time = time.Unix(c.ReportDue, 0)
	_, err := w.c.Block()
	require.NoError(t, err)
	queryJSON(t, w.c, query.PathCase, "1", &c)
	require.True(t, c.Overdue, "the scheduler flags an overdue report")
	w.regulate(t, tx.Wrap(&txpb.MsgFileSuspiciousReport{CaseId: 1, Summary: "two large P2P transfers", Reason: "filed"}))
	w.regulate(t, tx.Wrap(&txpb.MsgFollowUpReport{ReportId: 1, Note: "more transfers seen", Reason: "follow-up"}))
	var reps []query.SuspiciousReport
	queryJSON(t, w.c, query.PathSuspiciousReports, "", &reps)
	require.Len(t, reps, 1)
	require.True(t, reps[0].Late)
	require.Len(t, reps[0].FollowUps, 1)
	var counts query.SupervisionCounts
	queryJSON(t, w.c, query.PathSupervisionCounts, "", &counts)
	require.Equal(t, map[string]int{"dismissed": 1, "in_case": 1}, counts.Alerts)
	require.Equal(t, map[string]int{"reported": 1}, counts.Cases)
	require.NoError(t, compliance.CheckInvariants(w.c.State()))
}

func TestSanctionsHitFreezesAtOnce(t *testing.T) {
	w := newAMLWorld(t)
	w.regulate(t, tx.Wrap(&txpb.MsgUpdateSanctionsList{Salt: "s1", Add: []string{compliance.SanctionsHash("s1", w.bob.Address)},
		Reason: "UN list"}))
	// bob receives (a frozen account may), and is frozen at once with an alert.
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 10*cnyUnits)))
	require.Equal(t, int64(10*cnyUnits), w.avail(w.bob.Address))
	alerts := w.alerts(t)
	require.Len(t, alerts, 1)
	require.Equal(t, "sanctions", alerts[0].Outcome)
	res := w.c.Exec(w.bob.Sign(apptest.Transfer(w.alice.Address, "CNY", 1)))
	require.Equal(t, "compliance", res.Codespace)
	require.Equal(t, compliance.ErrFrozen.Code, res.Code)
	require.NoError(t, compliance.CheckInvariants(w.c.State()))
}

func TestSanctionedSenderIsRefusedAndFrozen(t *testing.T) {
	w := newAMLWorld(t)
	w.regulate(t, tx.Wrap(&txpb.MsgUpdateSanctionsList{Salt: "s1", Add: []string{compliance.SanctionsHash("s1", w.alice.Address)},
		Reason: "UN list"}))
	before := w.avail(w.alice.Address)
	res := w.c.Exec(w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1)))
	require.Equal(t, compliance.ErrSanctioned.Code, res.Code)
	require.Equal(t, before, w.avail(w.alice.Address))
	var orders []query.FreezeOrder
	queryJSON(t, w.c, query.PathFreezeOrders, w.alice.Address, &orders)
	require.Len(t, orders, 1, "the refusal's freeze outlives the refused transaction")
	require.True(t, orders[0].WholeAccount)
}
