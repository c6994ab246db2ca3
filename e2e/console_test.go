package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/demo"
	"github.com/puhui-chain/puhui/fullnode"
	"github.com/puhui-chain/puhui/keyring"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/node"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// consoleWorld is a demo node with its seeded loans, one application waiting for the
// founding bank (the node's operator), and a browser on the console.
type consoleWorld struct {
	base   string // http://127.0.0.1:port of the API and console
	rpc    string // the node's CometBFT RPC
	home   string
	c      *client.Client
	sc     *demo.Scenario
	token  string
	bankID uint64 // the application waiting for the operator's decision
	appTx  string // its transaction hash
	b      *browser
	http   *http.Client
}

// TestConsole drives the console in headless Chromium against a demo node: every page loads
// without console errors, the portfolio's charts hold the API's figures, search finds an
// address, a transaction and a loan, an approval made in the page changes the loan on chain,
// the language switch changes the labels, and a phone-width viewport still shows the menu.
func TestConsole(t *testing.T) {
	w := startConsoleWorld(t)
	w.firstLoad(t)
	w.explorer(t)
	w.portfolio(t)
	w.search(t)
	w.work(t)
	w.borrower(t)
	w.consortium(t)
	w.language(t)
	w.narrow(t)
}

func startConsoleWorld(t *testing.T) *consoleWorld {
	keyring.KDFParams = keyring.Argon2Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}
	home := filepath.Join(t.TempDir(), "demo")
	require.NoError(t, node.Init(home, node.InitOptions{ChainID: "puhui-demo", MemberName: "Yangtze Bank",
		APIListen: "127.0.0.1:0", RPCListen: freePort(t), P2PListen: "127.0.0.1:0",
		AdjustGenesis: demo.Genesis(500 * time.Millisecond)}))
	n, err := fullnode.Start(context.Background(), home, node.Overrides{Log: io.Discard})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, n.Stop()) })
	ac, err := node.LoadAppConfig(home)
	require.NoError(t, err)
	inst, err := demo.LoadInstitutions(home)
	require.NoError(t, err)
	people, err := demo.LoadPeople(home)
	require.NoError(t, err)
	w := &consoleWorld{base: "http://" + n.APIAddr, rpc: "http://" + n.RPCAddr, home: home,
		c: client.New(n.Client, n.ChainID), token: ac.OperatorToken,
		http: &http.Client{Timeout: 10 * time.Second}}
	w.sc = &demo.Scenario{C: w.c, Inst: inst, People: people}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	require.NoError(t, w.sc.Seed(ctx))
	go func() { _ = w.sc.Run(ctx) }()

	// dina asks the bank (the node's operator) for a pooled loan: the page will decide it.
	r, err := w.c.Send(ctx, people["dina"], "", tx.Wrap(&txpb.MsgApplyLoan{ProductId: 2, Principal: 80_000, Periods: 4}))
	require.NoError(t, err)
	require.NoError(t, r.Err())
	w.appTx = r.Hash
	w.bankID = loanIDOf(t, r.Events)

	// Wait until the MFI's portfolio has loans at risk, so the charts have something to show.
	mfi := inst.MFI.Address()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		p, err := w.c.Portfolio(ctx, mfi)
		if err == nil && len(p.Assets) > 0 && p.Assets[0].PAR1 != "0.00" {
			break
		}
		require.True(t, time.Now().Before(deadline), "the MFI's portfolio never had a loan at risk")
		time.Sleep(250 * time.Millisecond)
	}
	w.b = newBrowser(t)
	return w
}

func loanIDOf(t *testing.T, events []query.Event) uint64 {
	for _, e := range events {
		for _, a := range e.Attributes {
			if e.Type == "lending.applied" && a.Key == "loan_id" {
				id, err := strconv.ParseUint(a.Value, 10, 64)
				require.NoError(t, err)
				return id
			}
		}
	}
	t.Fatal("no lending.applied event")
	return 0
}

func (w *consoleWorld) getJSON(t *testing.T, path string, out any) {
	t.Helper()
	res, err := w.http.Get(w.base + path)
	require.NoError(t, err)
	defer res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode, path)
	require.NoError(t, json.NewDecoder(res.Body).Decode(out))
}

// firstLoad opens the console cold and measures what it cost: the bytes of every response
// of the first load (the event stream aside) and the time until the first page was drawn.
func (w *consoleWorld) firstLoad(t *testing.T) {
	b := w.b
	b.run(t, "first load", chromedp.Navigate(w.base+"/"), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="explorer"]`)))
	b.noErrors(t, "first load")
	m := eval[struct {
		Bytes    int64   `json:"bytes"`
		Files    int     `json:"files"`
		Ready    float64 `json:"ready"`
		Paint    float64 `json:"paint"`
		Response float64 `json:"response"`
	}](t, b, `(() => {
		const nav = performance.getEntriesByType("navigation")[0];
		const res = performance.getEntriesByType("resource").filter((r) => !r.name.includes("/v1/events"));
		const paint = performance.getEntriesByName("first-contentful-paint")[0];
		return { bytes: nav.encodedBodySize + res.reduce((n, r) => n + r.encodedBodySize, 0), files: res.length + 1,
			ready: performance.getEntriesByName("console-ready")[0].startTime, paint: paint ? paint.startTime : -1,
			response: nav.responseEnd };
	})()`)
	t.Logf("first load: %d bytes in %d responses; first paint %.0f ms, explorer drawn with live data %.0f ms after navigation",
		m.Bytes, m.Files, m.Paint, m.Ready)
	require.LessOrEqual(t, m.Bytes, int64(500<<10), "first-load weight")
	require.Greater(t, m.Bytes, int64(200<<10), "the measure must include Chart.js")
	// Safe defaults: no token anywhere before sign-in, and the policy forbids inline script.
	require.Equal(t, "", eval[string](t, b, `sessionStorage.getItem("puhui.operator") || ""`))
	res, err := w.http.Get(w.base + "/")
	require.NoError(t, err)
	res.Body.Close()
	require.Contains(t, res.Header.Get("Content-Security-Policy"), "script-src 'self';")
}

func (w *consoleWorld) explorer(t *testing.T) {
	b := w.b
	require.Equal(t, "网络与浏览器", eval[string](t, b, `document.querySelector("#nav a").textContent`), "Chinese by default")
	var vals []struct {
		Address     string `json:"address"`
		VotingPower int64  `json:"voting_power"`
	}
	w.getJSON(t, "/v1/validators", &vals)
	rows := eval[[][]string](t, b, `[...document.querySelectorAll("#validators-table tbody tr")].map((r) => [...r.cells].map((c) => c.textContent))`)
	require.Len(t, rows, len(vals))
	require.Equal(t, []string{vals[0].Address, strconv.FormatInt(vals[0].VotingPower, 10)}, rows[0])
	require.NotEmpty(t, eval[[]string](t, b, `[...document.querySelectorAll("#txs-table tbody tr:not(.empty) td:first-child")].map((c) => c.textContent)`))
	// The head follows the event stream without a reload.
	h0 := eval[string](t, b, `document.getElementById("stat-height").textContent`)
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`Number(document.getElementById("stat-height").textContent) > %s`, h0)))
	require.NoError(t, err, "the height did not move live")
	require.NotEqual(t, "—", eval[string](t, b, `document.getElementById("stat-bps").textContent`))
	// The older page of blocks lists lower heights.
	first := eval[string](t, b, `document.querySelector("#blocks-table tbody td").textContent`)
	// Clicked in the page: the live list redraws its buttons with every block.
	b.run(t, "older blocks", chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-older="blocks"]').click()`),
		poll(fmt.Sprintf(`Number(document.querySelector("#blocks-table tbody td").textContent) < %s - 5`, first)))
	b.shot(t, "explorer")
	b.noErrors(t, "explorer")
}

// chartData is a chart's data as Chart.js holds it.
type chartData struct {
	Labels   []string `json:"labels"`
	Datasets []struct {
		Label string    `json:"label"`
		Data  []float64 `json:"data"`
		Keys  []string  `json:"keys"`
	} `json:"datasets"`
}

const readCharts = `(() => {
	const d = (id) => { const c = Chart.getChart(document.getElementById(id)); if (!c) return null;
		return { labels: c.data.labels.map(String), datasets: c.data.datasets.map((x) => ({ label: x.label, data: x.data, keys: x.keys || [] })) }; };
	return { par: d("chart-par"), status: d("chart-status"), bucket: d("chart-bucket"), history: d("chart-history") };
})()`

type portfolioCharts struct {
	Par, Status, Bucket, History *chartData
}

// historyMatches: the history chart plots the API's days, GLP in minor units and PAR30.
func historyMatches(t *testing.T, got *chartData, h query.PortfolioHistory) bool {
	var points []query.HistoryPoint
	for _, a := range h.Assets {
		if len(a.Points) > 0 {
			points = a.Points
			break
		}
	}
	if len(got.Labels) != len(points) || len(got.Datasets) != 2 {
		return false
	}
	for i, p := range points {
		par, err := strconv.ParseFloat(p.PAR30, 64)
		require.NoError(t, err)
		if got.Labels[i] != p.Date || got.Datasets[0].Data[i] != float64(p.GrossPortfolio) || got.Datasets[1].Data[i] != par {
			return false
		}
	}
	return true
}

// expectedCharts is what the charts must hold for these API answers.
func expectedCharts(t *testing.T, p query.Portfolio, l query.LenderLoans) (par map[string][]float64, status, bucket map[string]int) {
	par = map[string][]float64{}
	for _, a := range p.Assets {
		for _, s := range []string{a.PAR1, a.PAR30, a.PAR60, a.PAR90, a.ArrearsRate} {
			v, err := strconv.ParseFloat(s, 64) // a ratio for a chart axis, not money
			require.NoError(t, err)
			par[a.Asset] = append(par[a.Asset], v)
		}
	}
	return par, l.ByStatus, l.ByBucket
}

func chartCounts(c *chartData) map[string]int {
	out := map[string]int{}
	for i, k := range c.Datasets[0].Keys {
		out[k] = int(c.Datasets[0].Data[i])
	}
	return out
}

func (w *consoleWorld) portfolio(t *testing.T) {
	b := w.b
	mfi := w.sc.Inst.MFI.Address()
	type answers struct {
		p query.Portfolio
		l query.LenderLoans
		h query.PortfolioHistory
	}
	api := func() answers {
		var a answers
		w.getJSON(t, "/v1/lending/portfolios/"+mfi, &a.p)
		w.getJSON(t, "/v1/lending/lenders/"+mfi+"/loans", &a.l)
		w.getJSON(t, "/v1/lending/portfolios/"+mfi+"/history", &a.h)
		return a
	}
	// Business days pass every half second: the figures the page drew must equal the API's at
	// a moment while it drew them (read just before and just after).
	for attempt := 0; ; attempt++ {
		a1 := api()
		b.open(t, "explorer", "explorer")
		b.open(t, "portfolio/"+mfi, "portfolio")
		got := eval[portfolioCharts](t, b, readCharts)
		a2 := api()
		require.NotNil(t, got.Par)
		require.NotNil(t, got.Status)
		require.NotNil(t, got.Bucket)
		require.NotNil(t, got.History)
		gotPar := map[string][]float64{}
		for _, d := range got.Par.Datasets {
			gotPar[d.Label] = d.Data
		}
		matches := func(a answers) bool {
			par, status, bucket := expectedCharts(t, a.p, a.l)
			return reflect.DeepEqual(par, gotPar) && reflect.DeepEqual(status, chartCounts(got.Status)) &&
				reflect.DeepEqual(bucket, chartCounts(got.Bucket)) && historyMatches(t, got.History, a.h)
		}
		if matches(a1) || matches(a2) {
			require.NotEmpty(t, got.Status.Datasets[0].Keys)
			require.NotEmpty(t, got.History.Labels, "business days have passed: the chain recorded some")
			break
		}
		if reflect.DeepEqual(a1.p, a2.p) && reflect.DeepEqual(a1.l.ByStatus, a2.l.ByStatus) &&
			reflect.DeepEqual(a1.l.ByBucket, a2.l.ByBucket) && reflect.DeepEqual(a1.h, a2.h) || attempt == 5 {
			par, status, bucket := expectedCharts(t, a2.p, a2.l)
			t.Fatalf("charts differ from the API:\npar %v, want %v\nstatus %v, want %v\nbucket %v, want %v\nhistory %+v, want %+v",
				gotPar, par, chartCounts(got.Status), status, chartCounts(got.Bucket), bucket, got.History, a2.h)
		}
	}
	// The figures on the cards are the API's, formatted from the integer string.
	glp := eval[string](t, b, `document.getElementById("glp-CNY").textContent`)
	require.Regexp(t, `^[0-9,]+\.[0-9]{2} CNY$`, glp)
	// A loan's live schedule opens from the list.
	id := eval[string](t, b, `[...document.querySelectorAll("#pf-loans tbody tr")].find((r) => r.querySelector('[data-status="active"]')).querySelector("[data-schedule]").dataset.schedule`)
	b.run(t, "schedule", chromedp.Click(chromedp.CSS(`[data-schedule="`+id+`"]`)), chromedp.WaitReady(chromedp.CSS(`table.schedule[data-loan="`+id+`"]`)))
	var loan query.Loan
	w.getJSON(t, "/v1/lending/loans/"+id, &loan)
	require.NotEmpty(t, loan.Installments)
	require.Equal(t, len(loan.Installments), eval[int](t, b, `document.querySelectorAll("table.schedule tbody tr").length`))
	b.shot(t, "portfolio")
	b.noErrors(t, "portfolio")
}

// searchFor types into the search box and waits for the page it leads to.
func (w *consoleWorld) searchFor(t *testing.T, q, page string) {
	w.b.run(t, "search "+q, chromedp.SetValue(chromedp.CSS("#q"), q), chromedp.Click(chromedp.CSS("#search-go")),
		chromedp.WaitReady(chromedp.CSS(fmt.Sprintf(`#main[data-ready=%q]`, page))))
	w.b.noErrors(t, "search "+q)
}

func (w *consoleWorld) search(t *testing.T) {
	b := w.b
	amina := w.sc.People["amina"].Address()
	w.searchFor(t, amina, "account")
	require.Equal(t, amina, eval[string](t, b, `document.getElementById("acc-address").textContent`))
	require.Contains(t, eval[string](t, b, `document.getElementById("verify-cmd").textContent`), "puhui verify --file proof-"+amina+".json")
	require.Equal(t, 1, eval[int](t, b, `document.querySelectorAll("#balances tbody tr").length`))
	b.shot(t, "account")
	w.verifyDownload(t, amina)

	w.searchFor(t, strings.ToLower(w.appTx), "tx")
	require.Equal(t, w.appTx, eval[string](t, b, `document.getElementById("tx-hash").textContent`))
	require.True(t, strings.HasPrefix(eval[string](t, b, `document.getElementById("tx-code").textContent`), "0 "))
	require.Contains(t, eval[string](t, b, `document.querySelector(".json").textContent`), `"apply_loan"`)
	b.shot(t, "tx")

	id := strconv.FormatUint(w.bankID, 10)
	w.searchFor(t, id, "find")
	b.run(t, "open the loan found", chromedp.Click(chromedp.CSS(`a[data-kind="loan"]`)), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="loan"]`)))
	require.Contains(t, eval[string](t, b, `document.querySelector("#main h1").textContent`), "#"+id)
	w.searchFor(t, "block 2", "block")
	require.Contains(t, eval[string](t, b, `document.querySelector("#main h1").textContent`), "2")
}

// verifyDownload checks that the proof the account page offers (the API's answer, saved as
// is) passes the command the page shows.
func (w *consoleWorld) verifyDownload(t *testing.T, addr string) {
	res, err := w.http.Get(w.base + "/v1/accounts/" + addr + "?prove=true")
	require.NoError(t, err)
	raw, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "proof-"+addr+".json")
	require.NoError(t, os.WriteFile(file, raw, 0o600))
	out, err := exec.Command(binary(t), "verify", "--file", file, "--genesis", filepath.Join(w.home, "config", "genesis.json"),
		"--node", w.rpc).CombinedOutput()
	require.NoError(t, err, "%s", out)
}

func (w *consoleWorld) work(t *testing.T) {
	b := w.b
	b.open(t, "work", "work")
	b.run(t, "sign in", chromedp.SendKeys(chromedp.CSS("#token"), w.token), chromedp.Click(chromedp.CSS("#signin-go")),
		chromedp.WaitReady(chromedp.CSS(fmt.Sprintf(`[data-approve="%d"]`, w.bankID))))
	b.noErrors(t, "sign in")
	require.False(t, eval[bool](t, b, fmt.Sprintf(`location.href.includes(%q)`, w.token)), "the token must stay out of the URL")
	require.False(t, eval[bool](t, b, fmt.Sprintf(`Object.values(localStorage).some((v) => v.includes(%q))`, w.token)))
	require.Equal(t, w.token, eval[string](t, b, `sessionStorage.getItem("puhui.operator")`))
	// The queue shows the application's score and band.
	row := eval[string](t, b, fmt.Sprintf(`document.querySelector('[data-approve="%d"]').closest("tr").textContent`, w.bankID))
	l, err := w.c.Loan(context.Background(), w.bankID)
	require.NoError(t, err)
	require.Contains(t, row, strconv.FormatInt(l.DecisionScore, 10))
	require.NotEmpty(t, l.DecisionBand)
	require.Contains(t, row, l.DecisionBand)
	b.shot(t, "work")

	b.run(t, "approve", chromedp.SendKeys(chromedp.CSS(fmt.Sprintf("#reason-%d", w.bankID)), "checked in the branch"),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-approve="%d"]`, w.bankID))), chromedp.WaitReady(chromedp.CSS("#result-code")))
	b.noErrors(t, "approve")
	require.True(t, strings.HasPrefix(eval[string](t, b, `document.getElementById("result-code").textContent`), "0 "))
	l, err = w.c.Loan(context.Background(), w.bankID)
	require.NoError(t, err)
	require.NotEqual(t, "applied", l.Status, "the page's approval changed the loan on chain")
	require.Contains(t, l.Decision, "checked in the branch")
	require.Equal(t, l.Status, eval[string](t, b, `document.querySelector("#result-state [data-status]").dataset.status`))
	b.shot(t, "work-approved")

	// The bank records a repayment of 1.00 on gita's pooled loan, typed as a person would.
	gita := w.sc.Loans()["gita"]
	before, err := w.c.Loan(context.Background(), gita)
	require.NoError(t, err)
	if before.Status != "active" {
		t.Logf("gita's loan is %s: no repayment to record", before.Status)
		return
	}
	b.run(t, "repay", chromedp.SendKeys(chromedp.CSS(fmt.Sprintf("#amount-%d", gita)), "1.00"),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-repay="%d"]`, gita))), chromedp.WaitReady(chromedp.CSS("#result-code")))
	b.noErrors(t, "repay")
	require.True(t, strings.HasPrefix(eval[string](t, b, `document.getElementById("result-code").textContent`), "0 "))
	// Collections may run meanwhile, so read what this transaction did from its own events.
	hash := eval[string](t, b, `document.querySelector("#work-result a.mono").textContent`)
	var detail struct {
		Events []query.Event `json:"events"`
	}
	w.getJSON(t, "/v1/txs/"+hash, &detail)
	repaid := map[string]string{}
	for _, e := range detail.Events {
		if e.Type == "lending.repaid" {
			for _, a := range e.Attributes {
				repaid[a.Key] = a.Value
			}
		}
	}
	require.Equal(t, strconv.FormatUint(gita, 10), repaid["loan_id"])
	require.Equal(t, "100", repaid["amount"], "1.00 is 100 minor units of CNY")
	require.Equal(t, w.sc.Inst.Bank.Address(), repaid["payer"], "the node's operator paid")
}

func (w *consoleWorld) borrower(t *testing.T) {
	b := w.b
	b.open(t, "borrower/"+w.sc.People["bilal"].Address(), "borrower")
	require.Contains(t, eval[string](t, b, `document.querySelector("#main").textContent`), w.sc.People["bilal"].Address())
	b.shot(t, "borrower")
}

func (w *consoleWorld) consortium(t *testing.T) {
	b := w.b
	b.open(t, "consortium", "consortium")
	var members []query.Member
	w.getJSON(t, "/v1/members", &members)
	require.Equal(t, len(members), eval[int](t, b, `document.querySelectorAll("#members tbody tr").length`))
	var asset query.Asset
	w.getJSON(t, "/v1/assets/CNY", &asset)
	require.Contains(t, eval[string](t, b, `document.querySelector("#assets tbody tr").textContent.replaceAll(",", "")`),
		money.FormatMinor(asset.Supply, asset.Scale))
	b.shot(t, "consortium")
}

func (w *consoleWorld) language(t *testing.T) {
	b := w.b
	b.open(t, "explorer", "explorer")
	require.Equal(t, "网络与浏览器", eval[string](t, b, `document.querySelector("#nav a").textContent`))
	b.run(t, "switch to English", chromedp.Click(chromedp.CSS("#lang")), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="explorer"]`)),
		poll(`document.querySelector("#nav a").textContent === "Network & explorer"`))
	require.Equal(t, "Search", eval[string](t, b, `document.getElementById("search-go").textContent`))
	require.Equal(t, "en", eval[string](t, b, `document.documentElement.lang`))
	b.shot(t, "explorer-en")
	b.run(t, "switch back", chromedp.Click(chromedp.CSS("#lang")),
		poll(`document.querySelector("#nav a").textContent === "网络与浏览器"`))
	b.noErrors(t, "language")
}

func (w *consoleWorld) narrow(t *testing.T) {
	b := w.b
	b.run(t, "phone width", chromedp.EmulateViewport(375, 740, chromedp.EmulateMobile))
	b.open(t, "portfolio", "portfolio")
	b.open(t, "explorer", "explorer")
	m := eval[struct {
		Links    int     `json:"links"`
		Visible  int     `json:"visible"`
		Overflow float64 `json:"overflow"`
	}](t, b, `(() => {
		const links = [...document.querySelectorAll("#nav a")];
		const shown = links.filter((a) => { const r = a.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth; });
		return { links: links.length, visible: shown.length, overflow: document.documentElement.scrollWidth - innerWidth };
	})()`)
	require.Equal(t, 5, m.Links)
	require.GreaterOrEqual(t, m.Visible, 2, "the menu is on screen at phone width")
	require.LessOrEqual(t, m.Overflow, 0.0, "the page does not scroll sideways")
	b.run(t, "menu works", chromedp.Click(chromedp.CSS(`#nav a[data-page="work"]`)), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="work"]`)))
	b.shot(t, "phone")
	b.noErrors(t, "narrow")
}
