package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// walkthrough extracts the README's main walkthrough script.
func walkthrough(t *testing.T) string { return readmeScript(t, "walkthrough") }

// readmeScript extracts the bash block README.md marks with <!-- name:start --> and
// <!-- name:end --> (each module's section marks its own, e.g. "walkthrough:scf"), so that a
// test runs the commands exactly as a reader sees them.
func readmeScript(t *testing.T, name string) string {
	t.Helper()
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	_, rest, ok := strings.Cut(string(readme), "<!-- "+name+":start -->")
	require.True(t, ok, "README has no %s start marker", name)
	block, _, ok := strings.Cut(rest, "<!-- "+name+":end -->")
	require.True(t, ok, "README has no %s end marker", name)
	block = strings.TrimSpace(block)
	block = strings.TrimPrefix(block, "```bash")
	block = strings.TrimSuffix(block, "```")
	return block
}

// readmeBinary puts the built binary at bin/puhui in the repository root (ignored by git),
// where the README's module sections expect it (the main walkthrough builds it there), once
// per run: rewriting a binary that a test still executes fails with "text file busy".
func readmeBinary(t *testing.T) {
	t.Helper()
	readmeBinOnce.Do(func() {
		raw, err := os.ReadFile(binary(t))
		if err == nil {
			err = os.MkdirAll("../bin", 0o755)
		}
		if err == nil {
			err = os.WriteFile("../bin/puhui", raw, 0o755)
		}
		readmeBinErr = err
	})
	require.NoError(t, readmeBinErr)
}

var (
	readmeBinOnce sync.Once
	readmeBinErr  error
)

// readmeSections are the README's sections that go on in the walkthrough's shell, in the
// order a reader meets them. (Modules' own sections are run by their tests.)
var readmeSections = []string{"rest", "members", "schedule", "progressive", "loans", "credit", "docs"}

// TestReadmeWalkthrough runs the README's walkthrough, as written, against a node started
// with the built binary.
func TestReadmeWalkthrough(t *testing.T) {
	home := filepath.Join(t.TempDir(), "home")
	n := startNode(t, home, nil)
	script := walkthrough(t)
	for _, section := range readmeSections {
		script += "\n# --- " + section + "\n" + readmeScript(t, "walkthrough:"+section)
	}
	// The script builds bin/puhui from the repository root (ignored by git) and writes
	// alice-proof.json there, which the test removes.
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", script)
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "PUHUI_HOME="+home, "PUHUI_NODE=http://"+n.rpc, "PUHUI_API=http://"+n.api)
	out, err := cmd.CombinedOutput()
	t.Cleanup(func() { os.Remove("../alice-proof.json") })
	require.NoError(t, err, "walkthrough failed:\n%s\nnode log:\n%s", out, tail(n.logPath, 20))
	text := string(out)
	require.Contains(t, text, "ledger.minted")
	require.Contains(t, text, "amount=12.34", "events show amounts in the asset's units")
	require.Contains(t, text, "available 987.66")
	require.Contains(t, text, "OK: 5 entries")
	require.Regexp(t, `"code":0.*PTS|PTS.*"code":0`, text, "the operator endpoint registered the asset")
	require.Contains(t, text, "KYC level 3; attested by", "the KYC provider admitted by governance attested")
	require.Contains(t, text, "17.13            83.66", "the progressive schedule's instalment")
	require.Contains(t, text, "principal 10000.00 CNY over 12 periods")
	require.Contains(t, text, "sunrise-micro")
	require.Contains(t, text, "granted ")
	require.Contains(t, text, "2026 Q3 statement: revenue", "the grantee fetched and decrypted the document")

	// SIGTERM stops the node cleanly; a second start reuses the home and carries on.
	st, err := n.client(t).Status(context.Background())
	require.NoError(t, err)
	n.stop(t)
	n2 := startNode(t, home, &proc{api: n.api, rpc: n.rpc, p2p: n.p2p})
	require.NoError(t, n2.client(t).WaitHeight(context.Background(), st.Height+1, 30*time.Second))
	require.NotContains(t, tail(n.logPath, 200), "panic")
}
