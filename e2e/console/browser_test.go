package console

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is where Debian's chromium package puts the browser (.ci/run installs it).
const chromiumPath = "/usr/bin/chromium"

// browser is one headless Chromium tab with every console message it logs.
type browser struct {
	ctx  context.Context
	mu   sync.Mutex
	logs []chromedp.ConsoleMessage
}

// newBrowser starts headless Chromium with a fresh profile. A missing browser fails the test:
// the console's tests are part of the suite. Only with PUHUI_SKIP_BROWSER set does it skip.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	path := chromiumPath
	if _, err := os.Stat(path); err != nil {
		if p, lookErr := exec.LookPath("chromium"); lookErr == nil {
			path = p
		} else if os.Getenv("PUHUI_SKIP_BROWSER") != "" {
			t.Skip("no chromium (apt-get install -y chromium) and PUHUI_SKIP_BROWSER is set: the console's browser tests did not run")
		} else {
			t.Fatalf("no chromium at %s: install it (apt-get install -y --no-install-recommends chromium; .ci/run does)", chromiumPath)
		}
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.UserDataDir(t.TempDir()), chromedp.NoSandbox, chromedp.Headless,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true), chromedp.WindowSize(1280, 900),
	}
	// Chromium now and then exits before it listens when the two cores are busy (both e2e
	// packages run at once): a start is tried up to three times; the tests then run as ever.
	var ctx context.Context
	for attempt := 1; ; attempt++ {
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		tab, cancelTab := chromedp.NewContext(actx)
		err := chromedp.Do(tab) // start the browser and open the tab
		if err == nil {
			ctx = tab
			t.Cleanup(func() { cancelTab(); cancelAlloc() })
			break
		}
		cancelTab()
		cancelAlloc()
		if attempt == 3 {
			t.Fatalf("start chromium (%d attempts): %v", attempt, err)
		}
		t.Logf("start chromium, attempt %d: %v", attempt, err)
	}
	b := &browser{ctx: ctx}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.logs = append(b.logs, m)
			b.mu.Unlock()
		}
	}()
	return b
}

// errors returns the console errors and exceptions logged since the last call.
func (b *browser) errors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, m := range b.logs {
		if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
			out = append(out, fmt.Sprintf("%s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line))
		}
	}
	b.logs = nil
	return out
}

// run runs steps with a deadline, failing the test with what was being done.
func (b *browser) run(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 45*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression (a promise is awaited) and decodes its value.
func eval[T any](t *testing.T, b *browser, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// open goes to a console route and waits until the page says it is drawn; it then requires
// that nothing was logged as an error while it loaded.
func (b *browser) open(t *testing.T, route, page string) {
	t.Helper()
	b.run(t, "open "+route,
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf("location.hash = %q", "#/"+route)),
		chromedp.WaitReady(chromedp.CSS(fmt.Sprintf(`#main[data-ready=%q]`, page))))
	b.noErrors(t, route)
}

func (b *browser) noErrors(t *testing.T, where string) {
	t.Helper()
	if shown := eval[string](t, b, `[...document.querySelectorAll("#main .error")].map((e) => e.textContent).join("; ")`); shown != "" {
		t.Fatalf("the page shows an error on %s: %s", where, shown)
	}
	if errs := b.errors(); len(errs) > 0 {
		t.Fatalf("console errors on %s:\n%s", where, strings.Join(errs, "\n"))
	}
}

// shot saves a full-page screenshot under the temporary directory and says where.
func (b *browser) shot(t *testing.T, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	// From the top, so that the sticky menu is drawn where it belongs; quality 100 is PNG.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void]("window.scrollTo(0, 0)")); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := fmt.Sprintf("%s/puhui-console-%s.png", os.TempDir(), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", path)
}

// poll waits until a JavaScript expression is true.
func poll(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr)(ctx, t)
		return err
	})
}
