package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReadmeTrustWalkthrough runs the README's trust walkthrough, as written, against a fresh
// node, then checks the donors' traces it printed and the REST side: the trust and a donor's
// trace under /v1/trusts.
func TestReadmeTrustWalkthrough(t *testing.T) {
	readmeBinary(t)
	home := filepath.Join(t.TempDir(), "home")
	out, err := exec.Command(binary(t), "init", "--home", home).CombinedOutput()
	require.NoError(t, err, "%s", out)
	n := startNode(t, home, nil)

	cmd := exec.Command("bash", "-euo", "pipefail", "-c", readmeScript(t, "walkthrough:trust"))
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "PUHUI_HOME="+home, "PUHUI_NODE=http://"+n.rpc)
	script, err := cmd.CombinedOutput()
	require.NoError(t, err, "walkthrough failed:\n%s\nnode log:\n%s", script, tail(n.logPath, 20))
	text := string(script)
	require.Contains(t, text, "trust.evidence_not_approved", "the release without evidence is refused")
	require.Contains(t, text, "trust.tranche_released")

	var trust struct {
		Status   string
		Released string
		Balance  string
		Tranches []struct{ Status string }
	}
	getJSON(t, "http://"+n.api+"/v1/trusts/1", &trust)
	require.Equal(t, "active", trust.Status)
	require.Equal(t, "300000", trust.Released)
	require.Equal(t, "0", trust.Balance)
	require.Len(t, trust.Tranches, 3)
	var traces []struct {
		Donation struct{ Donor, Amount, Unspent string }
		Uses     []struct {
			Tranche int
			Amount  string
		}
	}
	donorA := donorOf(t, text)
	getJSON(t, "http://"+n.api+"/v1/trusts/donors/"+donorA+"/trace", &traces)
	require.Len(t, traces, 1)
	require.Equal(t, "0", traces[0].Donation.Unspent)
	require.Len(t, traces[0].Uses, 2)
	require.Equal(t, 1, traces[0].Uses[0].Tranche)
	require.Equal(t, "90000", traces[0].Uses[0].Amount)
	require.Equal(t, 2, traces[0].Uses[1].Tranche)
	require.Equal(t, "60000", traces[0].Uses[1].Amount)
}

// donorOf finds donor A's address: the first trust.donation's "from" in the script's output.
func donorOf(t *testing.T, text string) string {
	t.Helper()
	i := strings.Index(text, "trust.donation")
	require.GreaterOrEqual(t, i, 0, "no donation printed:\n%s", text)
	j := strings.Index(text[i:], "from=")
	require.GreaterOrEqual(t, j, 0, "no donor printed:\n%s", text[i:])
	return text[i+j+5 : i+j+45]
}
