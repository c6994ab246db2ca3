package console

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/demo"
	"github.com/puhui-chain/puhui/e2e/e2etest"
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
	bankID uint64 // the application the page approves
	appTx  string // its transaction hash
	reject uint64 // the application the page rejects
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

// startDemoConsole starts a demo node, seeds the demo, keeps its scenario running and opens a
// browser; the console is at w.base.
func startDemoConsole(t *testing.T) (*consoleWorld, context.Context) {
	keyring.KDFParams = keyring.Argon2Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}
	home := filepath.Join(t.TempDir(), "demo")
	require.NoError(t, node.Init(home, node.InitOptions{ChainID: "puhui-demo", MemberName: "Yangtze Bank",
		APIListen: "127.0.0.1:0", RPCListen: e2etest.ConsoleBand.FreePort(t), P2PListen: "127.0.0.1:0",
		AdjustGenesis: demo.Genesis(500 * time.Millisecond)}))
	n, err := fullnode.Start(context.Background(), home, node.Overrides{Log: io.Discard})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, n.Stop()) })
	ac, err := node.LoadAppConfig(home)
	require.NoError(t, err)
	w := &consoleWorld{base: "http://" + n.APIAddr, rpc: "http://" + n.RPCAddr, home: home,
		c: client.New(n.Client, n.ChainID), token: ac.OperatorToken,
		http: &http.Client{Timeout: 10 * time.Second}}
	w.sc, err = demo.Load(home, w.c, nil)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	require.NoError(t, w.sc.Seed(ctx))
	go func() { _ = w.sc.Run(ctx) }()
	w.b = newBrowser(t)
	return w, ctx
}

func startConsoleWorld(t *testing.T) *consoleWorld {
	w, ctx := startDemoConsole(t)
	// dina asks the bank (the node's operator) for a pooled loan: the page will decide it.
	r, err := w.c.Send(ctx, w.sc.People["dina"], "", tx.Wrap(&txpb.MsgApplyLoan{ProductId: 2, Principal: 80_000, Periods: 4}))
	require.NoError(t, err)
	require.NoError(t, r.Err())
	w.appTx = r.Hash
	w.bankID = loanIDOf(t, r.Events)
	r, err = w.c.Send(ctx, w.sc.People["lena"], "", tx.Wrap(&txpb.MsgApplyLoan{ProductId: 2, Principal: 60_000, Periods: 4}))
	require.NoError(t, err)
	require.NoError(t, r.Err())
	w.reject = loanIDOf(t, r.Events)

	// Wait until the MFI's portfolio has loans at risk, so the charts have something to show.
	mfi := w.sc.Inst.MFI.Address()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		p, err := w.c.Portfolio(ctx, mfi)
		if err == nil && len(p.Assets) > 0 && p.Assets[0].PAR1 != "0.00" {
			break
		}
		require.True(t, time.Now().Before(deadline), "the MFI's portfolio never had a loan at risk")
		time.Sleep(250 * time.Millisecond)
	}
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
	require.Equal(t, 10, m.Links)
	require.GreaterOrEqual(t, m.Visible, 2, "the menu is on screen at phone width")
	require.LessOrEqual(t, m.Overflow, 0.0, "the page does not scroll sideways")
	b.run(t, "menu works", chromedp.Click(chromedp.CSS(`#nav a[data-page="work"]`)), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="work"]`)))
	b.shot(t, "phone")
	b.noErrors(t, "narrow")
}
