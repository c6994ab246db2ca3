package console

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/demo"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
)

// TestConsoleAssets drives the console's page of issued assets, offerings and escrow in
// headless Chromium against a demo node and holds its figures to the REST answers: the note's
// holder count and holdings, the coupon distribution's payouts (reached through the search
// box), the succeeded offering's state and pledges, and one party's swaps and HTLCs with links
// to the account page — in Chinese, then the offering again in English.
func TestConsoleAssets(t *testing.T) {
	w, _ := startDemoConsole(t)
	b := w.b
	b.run(t, "load the console", chromedp.Navigate(w.base+"/#/assets"), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="assets"]`)))
	b.noErrors(t, "assets")
	require.Equal(t, "资产·发行·托管", eval[string](t, b, `document.querySelector('#nav a[data-page="assets"]').textContent`))

	// Before any search: the assets issued with rules, as the API lists them.
	var ruled query.RuledAssets
	w.getJSON(t, "/v1/ruled-assets", &ruled)
	require.NotEmpty(t, ruled.Assets)
	b.run(t, "ruled assets listed", chromedp.WaitReady(chromedp.CSS(`#ruled-assets tbody tr`)))
	listed := eval[[]string](t, b, `[...document.querySelectorAll("#ruled-assets tbody tr")].map((r) => r.cells[0].textContent + "/" + r.cells[4].textContent)`)
	require.Len(t, listed, len(ruled.Assets))
	require.Equal(t, ruled.Assets[0].Asset+"/"+strconv.FormatUint(ruled.Assets[0].Holders, 10), listed[0])

	// The note: its rules and its holders, amounts in the note's units (scale 0).
	var rules query.AssetRules
	w.getJSON(t, "/v1/assets/"+demo.NoteCode+"/rules", &rules)
	var holders query.AssetHolders
	w.getJSON(t, "/v1/assets/"+demo.NoteCode+"/holders", &holders)
	require.NotEmpty(t, holders.Holders)
	b.open(t, "assets/a/"+demo.NoteCode, "assets")
	require.Equal(t, strconv.FormatUint(rules.Holders, 10), eval[string](t, b, `document.getElementById("asset-holders").textContent`))
	rows := eval[[][]string](t, b, `[...document.querySelectorAll("#asset-holders-table tbody tr")].map((r) => [...r.cells].map((c) => c.textContent.replaceAll(",", "")))`)
	require.Len(t, rows, len(holders.Holders))
	require.Equal(t, money.FormatMinor(holders.Holders[0].Balance, 0)+" "+demo.NoteCode, rows[0][1])
	require.Equal(t, holders.Holders[0].Address, eval[string](t, b, `document.querySelector("#asset-holders-table tbody a").dataset.addr`))
	modes := map[string]string{"free": "自由转让", "allow_list": "白名单", "pre_approved": "须预先批准"}
	require.Contains(t, eval[string](t, b, `document.querySelector(".kv").textContent`), modes[rules.TransferMode], "the note's transfer mode, labelled")
	b.shot(t, "assets")

	// The coupon (distribution 1), found through the page's search box once it is paid.
	var dist query.Distribution
	deadline := time.Now().Add(time.Minute)
	for w.getJSON(t, "/v1/distributions/1", &dist); dist.Phase != "done"; w.getJSON(t, "/v1/distributions/1", &dist) {
		require.True(t, time.Now().Before(deadline), "the coupon was never paid: phase %s", dist.Phase)
		time.Sleep(250 * time.Millisecond)
	}
	var pays query.DistributionPayouts
	w.getJSON(t, "/v1/distributions/1/payouts", &pays)
	require.NotEmpty(t, pays.Payouts)
	b.run(t, "search d:1", chromedp.SetValue(chromedp.CSS("#assets-search"), "d:1"),
		chromedp.Click(chromedp.CSS(`#assets-search + button`)), poll(`location.hash === "#/assets/d/1"`),
		chromedp.WaitReady(chromedp.CSS(`#main[data-ready="assets"] #payouts`)))
	b.noErrors(t, "distribution")
	pay := eval[[][]string](t, b, `[...document.querySelectorAll("#payouts tbody tr")].map((r) => [...r.cells].map((c) => c.textContent.replaceAll(",", "")))`)
	require.Len(t, pay, len(pays.Payouts))
	require.Equal(t, money.FormatMinor(pays.Payouts[0].Amount, 2)+" CNY", pay[0][2])
	require.Equal(t, money.FormatMinor(dist.Paid, 2)+" CNY", eval[string](t, b, `document.getElementById("dist-paid").textContent.replaceAll(",", "")`))

	// The offering that reached its hard cap.
	id := strconv.FormatUint(w.sc.Markets["offering-succeeded"], 10)
	var off query.Offering
	w.getJSON(t, "/v1/offerings/"+id, &off)
	var pledges query.OfferingPledges
	w.getJSON(t, "/v1/offerings/"+id+"/pledges", &pledges)
	b.open(t, "assets/o/"+id, "assets")
	require.Equal(t, off.Status, eval[string](t, b, `document.querySelector("#offering-status [data-status]").dataset.status`))
	require.Equal(t, "成功", eval[string](t, b, `document.querySelector("#offering-status [data-status]").textContent`))
	require.Equal(t, strconv.FormatUint(uint64(off.Pledges), 10), eval[string](t, b, `document.getElementById("offering-pledges").textContent`))
	require.Equal(t, len(pledges.Pledges), eval[int](t, b, `document.querySelectorAll("#pledges tbody tr").length`))

	// inv-ada's escrow listing: the swap she proposed, its parties linked to their accounts.
	ada := w.sc.People["inv-ada"].Address()
	var esc query.AccountEscrows
	w.getJSON(t, "/v1/escrows/accounts/"+ada, &esc)
	require.NotEmpty(t, esc.Swaps)
	b.open(t, "assets/acct/"+ada, "assets")
	ids := func(table string) []string {
		return eval[[]string](t, b, fmt.Sprintf(`[...document.querySelectorAll("#%s tbody tr:not(.empty) td:first-child")].map((c) => c.textContent)`, table))
	}
	want := func(n int, id func(int) uint64) []string {
		out := []string{}
		for i := range n {
			out = append(out, strconv.FormatUint(id(i), 10))
		}
		return out
	}
	require.Equal(t, want(len(esc.Swaps), func(i int) uint64 { return esc.Swaps[i].ID }), ids("swaps"))
	require.Equal(t, want(len(esc.Htlcs), func(i int) uint64 { return esc.Htlcs[i].ID }), ids("htlcs"))
	require.Equal(t, want(len(esc.Escrows), func(i int) uint64 { return esc.Escrows[i].ID }), ids("escrows"))
	require.Equal(t, 1, eval[int](t, b, fmt.Sprintf(`document.querySelectorAll('#swaps a[href="#/account/%s"]').length`, esc.Swaps[0].Counterparty)))

	// In English: the same offering, its state in English words.
	b.open(t, "assets/o/"+id, "assets")
	b.run(t, "switch to English", chromedp.Click(chromedp.CSS("#lang")),
		poll(`document.querySelector("#main h1") && document.querySelector("#main h1").textContent === "Issued assets, offerings and escrow"`),
		chromedp.WaitReady(chromedp.CSS(`#main[data-ready="assets"] #offering-status`)))
	require.Equal(t, "succeeded", eval[string](t, b, `document.querySelector("#offering-status [data-status]").textContent`))
	require.Equal(t, len(pledges.Pledges), eval[int](t, b, `document.querySelectorAll("#pledges tbody tr").length`))
	require.Equal(t, "Assets & escrow", eval[string](t, b, `document.querySelector('#nav a[data-page="assets"]').textContent`))
	b.noErrors(t, "assets in English")
}
