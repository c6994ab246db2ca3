package console

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/e2e/e2etest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

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
	out, err := exec.Command(e2etest.Binary(t), "verify", "--file", file, "--genesis", filepath.Join(w.home, "config", "genesis.json"),
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

	// A rejection carries its reason to the chain too.
	// (after the queue has been redrawn without the approved application)
	b.run(t, "reject", poll(fmt.Sprintf(`!document.querySelector('[data-approve="%d"]')`, w.bankID)),
		chromedp.WaitReady(chromedp.CSS(fmt.Sprintf(`[data-reject="%d"]`, w.reject))),
		chromedp.SendKeys(chromedp.CSS(fmt.Sprintf("#reason-%d", w.reject)), "income not shown"),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-reject="%d"]`, w.reject))), chromedp.WaitReady(chromedp.CSS("#result-code")))
	b.noErrors(t, "reject")
	l, err = w.c.Loan(context.Background(), w.reject)
	require.NoError(t, err)
	require.Equal(t, "rejected", l.Status)
	require.Contains(t, l.Decision, "income not shown")
	require.Equal(t, "rejected", eval[string](t, b, `document.querySelector("#result-state [data-status]").dataset.status`))

	// Investors fund the approved pooled loan, which pays it out; the bank then records a
	// repayment of 1.00 on it, typed as a person would.
	r, err := w.c.Send(context.Background(), w.sc.People["inv-bo"], "", tx.Wrap(&txpb.MsgFundLoan{LoanId: w.bankID, Amount: 80_000}))
	require.NoError(t, err)
	require.NoError(t, r.Err())
	l, err = w.c.Loan(context.Background(), w.bankID)
	require.NoError(t, err)
	require.Equal(t, "active", l.Status, "fully funded: paid out")
	b.open(t, "explorer", "explorer")
	b.open(t, "work", "work")
	b.run(t, "repay", chromedp.SendKeys(chromedp.CSS(fmt.Sprintf("#amount-%d", w.bankID)), "1.00"),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-repay="%d"]`, w.bankID))), chromedp.WaitReady(chromedp.CSS("#result-code")))
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
	require.Equal(t, strconv.FormatUint(w.bankID, 10), repaid["loan_id"])
	require.Equal(t, "100", repaid["amount"], "1.00 is 100 minor units of CNY")
	require.Equal(t, w.sc.Inst.Bank.Address(), repaid["payer"], "the node's operator paid")
}
