package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReadmeInsuranceWalkthrough runs the README's insurance section, as written, against a
// node initialised with a five-second governance voting period (as the section says).
func TestReadmeInsuranceWalkthrough(t *testing.T) {
	readmeBinary(t)
	if testing.Short() {
		t.Skip("runs a node through a 30-second season")
	}
	home := filepath.Join(t.TempDir(), "home")
	ports := &proc{api: freePort(t), rpc: freePort(t), p2p: freePort(t)}
	res, err := exec.Command(binary(t), "init", "--home", home, "--voting-period", "5s", "--api-listen", ports.api,
		"--rpc-listen", ports.rpc, "--p2p-listen", ports.p2p).CombinedOutput()
	require.NoError(t, err, string(res))
	n := startNode(t, home, ports)
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", readmeScript(t, "walkthrough:insurance"))
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "PUHUI_HOME="+home, "PUHUI_NODE=http://"+n.rpc)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "insurance walkthrough failed:\n%s\nnode log:\n%s", out, tail(n.logPath, 20))
	text := string(out)
	require.Contains(t, text, "insurance.pool_funded")
	require.Contains(t, text, "oracle.round_final feed_id=RAIN round_id=1 answer=10")
	require.Contains(t, text, "latest status: fresh")
	require.Contains(t, text, "status: paid")
	require.Contains(t, text, "paid: 3461.54", "the policy paid what the quote says")
	require.Contains(t, text, "available 3961.54", "1,000.00 − the premium 500.00 + the payout")
}
