package e2e

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
)

// goEnv is one of the go command's settings, as this test's environment resolves it.
func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	require.NoError(t, err)
	return strings.TrimSpace(string(out))
}

// startedLine is what `puhui testnet start` prints for each node it starts.
var startedLine = regexp.MustCompile(`^(node\d+) started \(pid \d+\): api (\S+) rpc (\S+)$`)

// TestReadmeTestnet runs the README's "consortium on one machine" block as written, in a fresh
// home: it writes four validator homes, starts them as child processes, the four reach
// consensus, and Ctrl-C (SIGINT to the foreground process group, as a terminal sends it)
// stops every one of them.
func TestReadmeTestnet(t *testing.T) {
	if testing.Short() {
		t.Skip("starts four validator processes")
	}
	home := t.TempDir()
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", readmeScript(t, "walkthrough:testnet"))
	cmd.Dir = ".."
	// A fresh HOME, but Go's module and build caches stay where they are (they default to
	// paths under HOME, and a cold cache would download and rebuild everything).
	cmd.Env = append(os.Environ(), "HOME="+home, "GOMODCACHE="+goEnv(t, "GOMODCACHE"), "GOCACHE="+goEnv(t, "GOCACHE"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	interrupt := func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGINT) }
	t.Cleanup(func() { _ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })

	rpcs := map[string]string{}
	var out strings.Builder
	lines := bufio.NewScanner(stdout)
	for len(rpcs) < 4 && lines.Scan() {
		out.WriteString(lines.Text() + "\n")
		if m := startedLine.FindStringSubmatch(lines.Text()); m != nil {
			rpcs[m[1]] = m[3]
		}
	}
	require.Len(t, rpcs, 4, "testnet start did not report four nodes:\n%s\n%s", out.String(), stderr.String())
	_, err = os.Stat(home + "/puhui-net/testnet.json")
	require.NoError(t, err, "the testnet lives in the home, outside the repository")

	ctx := context.Background()
	var heights []int64
	for _, name := range []string{"node0", "node1", "node2", "node3"} {
		// The node's RPC is not up the moment its process starts: ask until it answers.
		var height int64
		require.Eventually(t, func() bool {
			c, err := client.Dial(ctx, rpcs[name])
			if err != nil {
				return false
			}
			if st, err := c.Status(ctx); err == nil {
				height = st.Height
			}
			return height >= 3
		}, 120*time.Second, 500*time.Millisecond, "%s did not reach height 3", name)
		heights = append(heights, height)
	}
	for _, h := range heights {
		require.GreaterOrEqual(t, h, int64(3))
	}

	interrupt()
	done := make(chan error, 1)
	go func() {
		for lines.Scan() {
			out.WriteString(lines.Text() + "\n")
		}
		done <- cmd.Wait()
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatalf("Ctrl-C did not stop the testnet:\n%s", out.String())
	}
	require.Contains(t, out.String(), "stopping all nodes", "testnet start handled the interrupt itself")
	require.NotContains(t, stderr.String(), "panic")
}
