package web

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func get(t *testing.T, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

// TestServedWithSafeHeaders: the index and the assets carry the policy; no directory is
// listed.
func TestServedWithSafeHeaders(t *testing.T) {
	for _, path := range []string{"/", "/console/js/app.js", "/console/css/console.css", "/console/vendor/chart.umd.min.js"} {
		rec := get(t, path)
		require.Equal(t, http.StatusOK, rec.Code, path)
		require.Equal(t, CSP, rec.Header().Get("Content-Security-Policy"), path)
		require.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"), path)
		require.Equal(t, "no-referrer", rec.Header().Get("Referrer-Policy"), path)
	}
	require.Contains(t, get(t, "/console/js/app.js").Header().Get("Content-Type"), "javascript")
	require.Contains(t, get(t, "/").Body.String(), `<script type="module" src="/console/js/app.js">`)
	require.Equal(t, http.StatusNotFound, get(t, "/console/js/").Code, "no directory listing")
	require.Equal(t, http.StatusNotFound, get(t, "/console/nothing.js").Code)
	require.NotContains(t, CSP, "unsafe-inline")
	require.NotContains(t, CSP, "unsafe-eval")
}

// TestNoInlineScriptOrStyle: the policy forbids inline script and style, so the markup must
// hold none (a handler attribute or a style attribute would be refused by the browser).
func TestNoInlineScriptOrStyle(t *testing.T) {
	html, err := fs.ReadFile(Static(), "index.html")
	require.NoError(t, err)
	for _, tag := range regexp.MustCompile(`<script[^>]*>`).FindAllString(string(html), -1) {
		require.Contains(t, tag, ` src="/console/`, "inline script: %s", tag)
	}
	require.NotRegexp(t, `\son[a-z]+=|\sstyle=|javascript:`, string(html))
	// Nor may the scripts build markup from strings, which would bypass the text-only helpers.
	markup := regexp.MustCompile(`\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|console\.(log|info|debug)`)
	walkJS(t, func(name, src string) {
		require.Empty(t, markup.FindAllString(src, -1), "%s builds markup from strings, evaluates code or logs (the token must never be logged)", name)
	})
}

// TestFirstLoadWeight: every file the first load fetches (all of static/ but the licence)
// fits in 500 KB.
func TestFirstLoadWeight(t *testing.T) {
	var total int64
	require.NoError(t, fs.WalkDir(Static(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, "LICENSE.md") {
			return err
		}
		info, err := d.Info()
		total += info.Size()
		return err
	}))
	t.Logf("console files: %d bytes", total)
	require.LessOrEqual(t, total, int64(500<<10))
}

// TestLabelsInBothLanguages: Chinese and English have the same keys, and every key the pages
// use literally has a label.
func TestLabelsInBothLanguages(t *testing.T) {
	src, err := fs.ReadFile(Static(), "js/i18n.js")
	require.NoError(t, err)
	zhPart, enPart, ok := strings.Cut(string(src), "const en = {")
	require.True(t, ok)
	keyRE := regexp.MustCompile(`"([a-zA-Z_]+\.[a-zA-Z_.]+)":`)
	keys := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, m := range keyRE.FindAllStringSubmatch(s, -1) {
			out[m[1]] = true
		}
		return out
	}
	zh, en := keys(zhPart), keys(enPart)
	require.Greater(t, len(zh), 100)
	require.Equal(t, zh, en)
	useRE := regexp.MustCompile(`\bt\("([a-zA-Z_]+\.[a-zA-Z_.]*[a-zA-Z_])"`)
	walkJS(t, func(name, src string) {
		for _, m := range useRE.FindAllStringSubmatch(src, -1) {
			require.True(t, zh[m[1]], "%s uses %q, which has no label", name, m[1])
		}
	})
}

func walkJS(t *testing.T, f func(name, src string)) {
	t.Helper()
	require.NoError(t, fs.WalkDir(Static(), "js", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Static(), path)
		f(path, string(b))
		return err
	}))
}
