package console

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
)

// TestConsoleCompliance opens the compliance and supervision page on a demo node: the alerts
// with their rule and facts, the cases (one flagged overdue by the scheduler), the suspicious
// report with its follow-up, large-value reports for a chosen business date, the investor's
// freeze order (authority, basis, expiry), the early warnings, the MFI's supervision figures
// and a borrower's exposure across lenders, all as the API answers; in Chinese, in English
// and at phone width.
func TestConsoleCompliance(t *testing.T) {
	w, _ := startDemoConsole(t)
	b := w.b
	var alerts []query.Alert
	var cases []query.Case
	var strs []query.SuspiciousReport
	// The scheduler flags the confirmed case's report overdue five business days on.
	overdue := 0
	for deadline := time.Now().Add(time.Minute); overdue == 0; time.Sleep(250 * time.Millisecond) {
		require.True(t, time.Now().Before(deadline), "no case was flagged overdue")
		w.getJSON(t, "/v1/compliance/cases", &cases)
		for _, c := range cases {
			if c.Overdue {
				overdue++
			}
		}
	}
	w.getJSON(t, "/v1/compliance/alerts", &alerts)
	w.getJSON(t, "/v1/compliance/suspicious-reports", &strs)
	var c1, c2 query.SupervisionCounts
	w.getJSON(t, "/v1/supervision/counts", &c1)
	b.run(t, "load", chromedp.Navigate(w.base+"/#/compliance"), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="compliance"]`)))
	b.noErrors(t, "compliance")
	w.getJSON(t, "/v1/supervision/counts", &c2)
	require.Equal(t, "合规与监管", text(t, b, "#main h1"))

	require.Len(t, alerts, 4, "the demo's four held transfers")
	require.Equal(t, len(alerts), rows(t, b, "#alerts"))
	require.Equal(t, 4, count(t, b, `#alerts [data-rule="p2p-review"]`), "each alert names its rule")
	require.Equal(t, "p2p-review (HLD-01)", text(t, b, "#alerts tbody tr:first-child [data-rule]"))
	require.Equal(t, cny(alerts[0].Movement.Amount), text(t, b, `#alerts tbody tr:first-child [data-fact="amount"]`), "the facts' amounts in yuan")
	require.Equal(t, alerts[0].Facts["from_kind"], text(t, b, `#alerts tbody tr:first-child [data-fact="from_kind"]`))
	require.Equal(t, len(cases), rows(t, b, "#cases"))
	require.Equal(t, 1, overdue, "the confirmed case without a report is overdue")
	require.Equal(t, overdue, count(t, b, "#cases .bad"))
	require.Len(t, strs, 1)
	require.Contains(t, text(t, b, "#strs"), strs[0].FollowUps[0].Note)
	lv := text(t, b, "#count-lv")
	require.True(t, lv == fmt.Sprint(c1.LargeValueReports) || lv == fmt.Sprint(c2.LargeValueReports), "large-value count %s; API %d / %d", lv, c1.LargeValueReports, c2.LargeValueReports)
	keepShot(t, b, "compliance")

	// Large-value reports of one business date.
	var all []query.LargeValueReport
	w.getJSON(t, "/v1/compliance/large-value/~", &all)
	require.NotEmpty(t, all)
	day := all[len(all)-1].BusinessDate // the latest report's day; the first mints were days before
	var ofDay []query.LargeValueReport
	w.getJSON(t, "/v1/compliance/large-value/"+day+"~"+day, &ofDay)
	require.Less(t, len(ofDay), len(all))
	b.run(t, "range", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById("lv-from").value = %q;
		document.getElementById("lv-to").value = %q; document.getElementById("lv-range").requestSubmit()`, day, day)),
		poll(`location.hash.includes("range/`+day+`")`), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="compliance"]`)))
	b.noErrors(t, "large-value range")
	require.Equal(t, len(ofDay), rows(t, b, "#large-value"))
	require.Equal(t, day, text(t, b, "#large-value tbody tr:first-child td:nth-child(2)"))
	// The range's export: a header and one line a report.
	csv := eval[string](t, b, `document.querySelector('#lv-range [data-export="csv"]').file.text()`)
	require.Len(t, strings.Split(strings.TrimSpace(csv), "\n"), len(ofDay)+1, csv)
	require.True(t, strings.HasPrefix(csv, "id,account,asset,criterion,direction,business_date,"), csv)

	// The investor's freeze order, found by the account.
	inv := w.sc.People["inv-cy"].Address()
	b.run(t, "freezes", chromedp.SendKeys(chromedp.CSS("#freeze-addr"), inv+"\r"), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="compliance"] #freezes`)))
	var orders []query.FreezeOrder
	w.getJSON(t, "/v1/compliance/freezes/"+inv, &orders)
	require.Len(t, orders, 1)
	require.Equal(t, 1, rows(t, b, "#freezes"))
	require.Contains(t, text(t, b, "#freezes"), orders[0].Authority)
	require.Contains(t, text(t, b, "#freezes"), orders[0].DocumentNumber)
	require.Equal(t, len(ofDay), rows(t, b, "#large-value"), "the range stays in the route")

	// Early warnings and the MFI's figures.
	var warnings []query.EarlyWarning
	w.getJSON(t, "/v1/supervision/warnings", &warnings)
	require.NotEmpty(t, warnings)
	require.Equal(t, len(warnings), rows(t, b, "#warnings"))
	mfi := w.sc.Inst.MFI.Address()
	var s1, s2 query.LenderSupervision
	w.getJSON(t, "/v1/supervision/lenders/"+mfi, &s1)
	b.open(t, "compliance/lender/"+mfi, "compliance")
	w.getJSON(t, "/v1/supervision/lenders/"+mfi, &s2)
	glp := text(t, b, "#sup-glp-CNY")
	require.True(t, glp == cny(s1.Portfolio.Assets[0].GrossPortfolio) || glp == cny(s2.Portfolio.Assets[0].GrossPortfolio), "GLP %s", glp)
	require.Equal(t, len(s2.LargeExposures), rows(t, b, "#large-exposures"))
	require.NotZero(t, rows(t, b, "#large-exposures"), "the declared net assets make a large exposure")

	// A borrower's exposure across lenders.
	bilal := w.sc.People["bilal"].Address()
	b.run(t, "exposure", chromedp.SendKeys(chromedp.CSS("#exp-addr"), bilal+"\r"), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="compliance"] #exposure`)))
	var bx query.BorrowerExposure
	w.getJSON(t, "/v1/supervision/borrowers/"+bilal, &bx)
	require.Equal(t, len(bx.Lenders), rows(t, b, "#exposure"))

	b.run(t, "English", chromedp.Click(chromedp.CSS("#lang")), poll(`document.querySelector('#nav a[data-page="compliance"]').textContent === "Compliance"`),
		chromedp.WaitReady(chromedp.CSS(`#main[data-ready="compliance"] #alerts`)))
	require.Equal(t, "Compliance and supervision", text(t, b, "#main h1"))
	require.Contains(t, text(t, b, "#alerts tbody tr:first-child"), "held for review")
	keepShot(t, b, "compliance-en")
	b.noErrors(t, "compliance in English")
	atPhoneWidth(t, b, "compliance", "compliance", "compliance-phone")
}
