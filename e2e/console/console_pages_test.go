package console

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/money"
)

// What the module pages' tests share.

// cny is an amount as the console shows it, without its thousands separators.
func cny(minor int64) string { return money.FormatMinor(minor, 2) + " CNY" }

// text is an element's text with the thousands separators taken out ("" if it is absent).
func text(t *testing.T, b *browser, css string) string {
	t.Helper()
	return eval[string](t, b, `(() => { const e = document.querySelector(`+jsString(css)+`); return e ? e.textContent.replaceAll(",", "") : ""; })()`)
}

// count is how many elements match.
func count(t *testing.T, b *browser, css string) int {
	t.Helper()
	return eval[int](t, b, `document.querySelectorAll(`+jsString(css)+`).length`)
}

// rows counts a table's data rows (the "—" row of an empty table is not one).
func rows(t *testing.T, b *browser, table string) int {
	t.Helper()
	return count(t, b, table+" tbody tr:not(.empty)")
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// atPhoneWidth opens a route at 375 px and requires that the page does not scroll sideways
// (wide tables and the graph scroll inside their own boxes), then returns to desktop width.
func atPhoneWidth(t *testing.T, b *browser, route, page, shot string) {
	t.Helper()
	b.run(t, "phone width", chromedp.EmulateViewport(375, 740, chromedp.EmulateMobile))
	b.open(t, "explorer", "explorer")
	b.open(t, route, page)
	// Mobile emulation widens the layout viewport to the content, so the page's own width is
	// compared with the screen's.
	require.LessOrEqual(t, eval[int](t, b, `document.documentElement.scrollWidth`), 375, "%s scrolls sideways at phone width", route)
	require.Equal(t, 1, count(t, b, `#nav a[aria-current="page"][data-page="`+page+`"]`), "the menu marks the page")
	keepShot(t, b, shot)
	b.run(t, "desktop width", chromedp.EmulateViewport(1280, 900))
}

// keepShot takes a screenshot and, with PUHUI_SHOTS set to a directory, keeps a copy there.
func keepShot(t *testing.T, b *browser, name string) {
	t.Helper()
	b.shot(t, name)
	dir := os.Getenv("PUHUI_SHOTS")
	if dir == "" {
		return
	}
	png, err := os.ReadFile(filepath.Join(os.TempDir(), "puhui-console-"+name+".png"))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
}
