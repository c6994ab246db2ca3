package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestComplianceReadmeWalkthrough runs the README's compliance walkthrough, as written,
// against a node initialised with a short voting period (the regulator is voted in).
func TestComplianceReadmeWalkthrough(t *testing.T) {
	readmeBinary(t)
	home := filepath.Join(t.TempDir(), "home")
	out, err := exec.Command(binary(t), "init", "--home", home, "--voting-period", "4s").CombinedOutput()
	require.NoError(t, err, "%s", out)
	n := startNode(t, home, nil)
	cmd := exec.Command("bash", "-euo", "pipefail", "-c", readmeScript(t, "walkthrough:compliance"))
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "PUHUI_HOME="+home, "PUHUI_NODE=http://"+n.rpc, "PUHUI_API=http://"+n.api)
	out, err = cmd.CombinedOutput()
	require.NoError(t, err, "walkthrough failed:\n%s\nnode log:\n%s", out, tail(n.logPath, 20))
	text := string(out)
	require.Contains(t, text, "compliance.large_value_report id=1")
	require.Contains(t, text, "criterion=cash direction=in")
	require.Contains(t, text, "compliance.held_for_review: rule p2p-review (code HLD-01)")
	require.Contains(t, text, "refused: compliance.held_for_review", "the check foresees the hold")
	require.Contains(t, text, `"refusal":{"code":"compliance.frozen_by_order"`, "the REST check foresees the freeze")
	require.Contains(t, text, "compliance.report_filed id=1 case=1")
	require.Contains(t, text, "compliance.frozen_by_order")
	require.Contains(t, text, `"authority":"Haidian Court"`)
	require.Contains(t, text, "1,2026-", "the CSV export has the report")
	require.Contains(t, text, `"cases":{"reported":1}`)
	require.Contains(t, text, "amount=10000.01", "after the order lapsed Wang sends 10,000.01")
	require.Contains(t, text, `"cash_units":30000,`, "the consortium voted the cash threshold down")
}
