package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReadmeSCFWalkthrough runs the README's supply-chain walkthrough, as written, against a
// node initialised the way the README says (governance votes of 20 seconds), then checks the
// REST side of it: the quote endpoint and the certificate's tree and graph.
func TestReadmeSCFWalkthrough(t *testing.T) {
	readmeBinary(t)
	home := filepath.Join(t.TempDir(), "home")
	out, err := exec.Command(binary(t), "init", "--home", home, "--voting-period", "20s").CombinedOutput()
	require.NoError(t, err, "%s", out)
	n := startNode(t, home, nil)

	cmd := exec.Command("bash", "-euo", "pipefail", "-c", readmeScript(t, "walkthrough:scf"))
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "PUHUI_HOME="+home, "PUHUI_NODE=http://"+n.rpc)
	script, err := cmd.CombinedOutput()
	require.NoError(t, err, "walkthrough failed:\n%s\nnode log:\n%s", script, tail(n.logPath, 20))
	text := string(script)
	require.Contains(t, text, "scf.document_already_used", "the second use of the invoice is refused")
	require.Contains(t, text, `"proceeds": "297300.00"`, "the offline quote")
	require.Contains(t, text, "scf.certificate_financed")
	require.Contains(t, text, "days=90 interest=270000 proceeds=29730000")
	require.Contains(t, text, "available 297300.00", "tier 2 was paid the proceeds")

	body := `{"face":"300000.00","annual_rate_percent":"3.6","start_date":"2025-10-02","maturity_date":"2025-12-31","day_count_basis":360}`
	res, err := http.Post("http://"+n.api+"/v1/scf/quote", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	got, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode, "%s", got)
	var quote map[string]any
	require.NoError(t, json.Unmarshal(got, &quote))
	delete(quote, "$schema") // the API links every answer to its schema
	require.Equal(t, map[string]any{"days": float64(90), "interest": "2700.00", "proceeds": "297300.00"}, quote)
	res, err = http.Post("http://"+n.api+"/v1/scf/quote", "application/json", strings.NewReader(strings.Replace(body, "3.6", "-1", 1)))
	require.NoError(t, err)
	got, _ = io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	require.Contains(t, string(got), "scf.bad_rate")

	var graph struct {
		Nodes []struct{ Tier uint32 }
		Edges []struct{ How string }
	}
	getJSON(t, "http://"+n.api+"/v1/scf/graphs/2", &graph)
	require.Len(t, graph.Nodes, 4, "the enterprise, two tiers and the bank")
	var tree struct {
		Certificate struct {
			State     string
			Holder    string
			Financing *struct{ Proceeds string }
		}
		Nodes []json.RawMessage
	}
	getJSON(t, "http://"+n.api+"/v1/scf/certificates/2", &tree)
	require.Equal(t, "active", tree.Certificate.State)
	require.Equal(t, "29730000", tree.Certificate.Financing.Proceeds)
	require.Len(t, tree.Nodes, 3, "the root and its two parts")
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	res, err := http.Get(url)
	require.NoError(t, err)
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	require.Equal(t, http.StatusOK, res.StatusCode, "%s: %s", url, b)
	require.NoError(t, json.Unmarshal(b, v), "%s", b)
}
