package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// runSection runs one README section, as written, against a fresh node (bin/puhui at the
// repository root, as the main walkthrough builds it).
func runSection(t *testing.T, name string) string {
	t.Helper()
	home := filepath.Join(t.TempDir(), "home")
	ports := &proc{api: freePort(t), rpc: freePort(t), p2p: freePort(t)}
	res, err := exec.Command(binary(t), "init", "--home", home, "--api-listen", ports.api,
		"--rpc-listen", ports.rpc, "--p2p-listen", ports.p2p).CombinedOutput()
	require.NoError(t, err, string(res))
	n := startNode(t, home, ports)
	readmeBinary(t)
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", readmeScript(t, name))
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "PUHUI_HOME="+home, "PUHUI_NODE=http://"+n.rpc)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s failed:\n%s\nnode log:\n%s", name, out, tail(n.logPath, 20))
	return string(out)
}

// TestReadmeOfferingWalkthrough: the quote, the refused pledge over the maximum, the hard-cap
// settlement, the failed offering's refund, a withdrawn pledge and a cancelled offering, as the
// README's offering section shows them.
func TestReadmeOfferingWalkthrough(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a node past an offering's closing time")
	}
	text := runSection(t, "walkthrough:offering")
	require.Contains(t, text, `"cost": "60000"`, "600 notes at 1.00 cost 600.00")
	require.Contains(t, text, `"fee": "600"`)
	require.Contains(t, text, "offering.above_investor_maximum")
	require.Contains(t, text, "offering.settled")
	require.Contains(t, text, "succeeded")
	require.Contains(t, text, "refunded")
	require.Contains(t, text, "4600.00", "Bo paid 400.00 for offering 1 and got offering 2's 300.00 back")
	require.Contains(t, text, "offering.withdrawn")
	require.Contains(t, text, "offering.cancelled")
	require.Contains(t, text, "withdrawn", "offering 3's pledges: Ada's withdrawn")
}

// TestReadmeEscrowWalkthrough: the arbiter's release, the swap, and the HTLC's wrong and right
// preimages, as the README's escrow section shows them.
func TestReadmeEscrowWalkthrough(t *testing.T) {
	text := runSection(t, "walkthrough:escrow")
	require.Contains(t, text, "escrow.released")
	require.Contains(t, text, "swap.accepted")
	require.Contains(t, text, "escrow.wrong_preimage")
	require.Contains(t, text, "htlc.claimed")
	require.Contains(t, text, "claimed")
}
