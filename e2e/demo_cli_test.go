package e2e

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestDemoCommand runs `puhui demo` as README.md gives it: with no home it picks free
// loopback ports (so it runs beside a README node), seeds, prints how to reach it, and on
// Ctrl-C stops and removes its temporary home.
func TestDemoCommand(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("seeds a whole demo consortium")
	}
	tmp := t.TempDir()
	cmd := exec.Command(binary(t), "demo", "--day", "1s")
	cmd.Env = append(os.Environ(), "HOME="+tmp, "TMPDIR="+tmp, "PUHUI_HOME=")
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = io.Discard
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	lines := make(chan string, 1024)
	go func() {
		s := bufio.NewScanner(out)
		for s.Scan() {
			lines <- s.Text()
		}
		close(lines)
	}()
	var seen []string
	home := ""
	deadline := time.After(4 * time.Minute)
	for home == "" {
		select {
		case l, ok := <-lines:
			require.True(t, ok, "demo ended early:\n%s", strings.Join(seen, "\n"))
			seen = append(seen, l)
			if m := regexp.MustCompile(`export PUHUI_HOME=(\S+) PUHUI_NODE=http://127\.0\.0\.1:(\d+)`).FindStringSubmatch(l); m != nil {
				home = m[1]
				require.NotEqual(t, "26657", m[2], "a temporary demo picks a free port")
			}
		case <-deadline:
			t.Fatalf("demo did not finish seeding:\n%s", strings.Join(seen, "\n"))
		}
	}
	require.True(t, strings.HasPrefix(home, tmp), "the demo's home %s is temporary", home)
	require.DirExists(t, filepath.Join(home, "keyring"))

	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	for l := range lines {
		seen = append(seen, l)
	}
	require.NoError(t, cmd.Wait(), strings.Join(seen, "\n"))
	require.NoDirExists(t, home, "the temporary home is removed on exit")
	require.Contains(t, strings.Join(seen, "\n"), "removed "+home)
}
