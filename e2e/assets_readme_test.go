package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReadmeAssetsWalkthrough runs the README's issued-assets section, as written, against a
// fresh node: a ruled note, two refusals naming their rules, and a coupon paid exactly.
func TestReadmeAssetsWalkthrough(t *testing.T) {
	readmeBinary(t)
	if testing.Short() {
		t.Skip("runs a node")
	}
	home := filepath.Join(t.TempDir(), "home")
	ports := &proc{api: freePort(t), rpc: freePort(t), p2p: freePort(t)}
	res, err := exec.Command(binary(t), "init", "--home", home, "--api-listen", ports.api,
		"--rpc-listen", ports.rpc, "--p2p-listen", ports.p2p).CombinedOutput()
	require.NoError(t, err, string(res))
	n := startNode(t, home, ports)
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", readmeScript(t, "walkthrough:assets"))
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "PUHUI_HOME="+home, "PUHUI_NODE=http://"+n.rpc)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "assets walkthrough failed:\n%s\nnode log:\n%s", out, tail(n.logPath, 20))
	text := string(out)
	require.Contains(t, text, "assets.rule_kyc_level")
	require.Contains(t, text, "assets.rule_lockup")
	require.Contains(t, text, `"amount": 6667`, "ada's 600 of 900 of 100.00, with the unit left over")
	require.Contains(t, text, `"amount": 3333`)
}
