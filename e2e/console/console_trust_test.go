package console

import (
	"context"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
)

// TestConsoleTrust drives the console's trust pages in headless Chromium against a demo node:
// the list holds every trust, the charity project shows its three tranches (released,
// awaiting approval, pending) and its donations, and a donor's trace shows where the
// donation went, each page without console errors.
func TestConsoleTrust(t *testing.T) {
	w := startConsoleWorld(t)
	b := w.b
	b.run(t, "load the trusts", chromedp.Navigate(w.base+"/#/trusts"), chromedp.WaitReady(chromedp.CSS(`#main[data-ready="trusts"]`)))
	b.noErrors(t, "trusts")
	var all []query.Trust
	w.getJSON(t, "/v1/trusts", &all)
	require.GreaterOrEqual(t, len(all), 2)
	require.Equal(t, len(all), eval[int](t, b, `document.querySelectorAll("#trusts tbody tr").length`))

	trusts, err := w.sc.Trusts(context.Background())
	require.NoError(t, err)
	project := trusts[0]
	b.open(t, "trust/"+strconv.FormatUint(project.ID, 10), "trust")
	require.Equal(t, 3, eval[int](t, b, `document.querySelectorAll("#tranches tbody tr").length`))
	statuses := eval[[]string](t, b, `[...document.querySelectorAll("#tranches tbody tr td:nth-child(5)")].map((td) => td.textContent)`)
	require.Equal(t, []string{"已拨付", "待审批", "待提交"}, statuses)
	require.Equal(t, 3, eval[int](t, b, `document.querySelectorAll("#donations tbody tr").length`))
	require.Equal(t, 1, eval[int](t, b, `document.querySelectorAll("#releases tbody tr").length`))

	donor := w.sc.People["inv-ada"].Address()
	b.open(t, "donor/"+donor, "donor")
	require.Equal(t, 1, eval[int](t, b, `document.querySelectorAll("table.trace tbody tr").length`), "tranche 1 used inv-ada's gift")
	b.shot(t, "trust-donor")
}
