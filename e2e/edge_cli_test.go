package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
)

// TestEdgeCLI: the CLI refuses a message that is wrong on its face before it asks for a
// passphrase or signs anything (no nonce used); and a credit report is read with `query
// credit report`, by the consented lender and the borrower only.
func TestEdgeCLI(t *testing.T) {
	bin := binary(t)
	home := filepath.Join(t.TempDir(), "home")
	n := startNode(t, home, nil)
	pass, err := os.ReadFile(filepath.Join(home, "config", "keyring-passphrase"))
	require.NoError(t, err)
	base := append(os.Environ(), "PUHUI_HOME="+home, "PUHUI_NODE=http://"+n.rpc)
	withPass := append(append([]string{}, base...), "PUHUI_PASSPHRASE="+strings.TrimSpace(string(pass)))
	run := func(env []string, args ...string) (string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		cmd.Stdin = strings.NewReader("")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	must := func(args ...string) string {
		t.Helper()
		out, err := run(withPass, args...)
		require.NoError(t, err, "puhui %s:\n%s", strings.Join(args, " "), out)
		return out
	}
	var key struct {
		Address string `json:"address"`
		PubKey  string `json:"pub_key"`
	}
	require.NoError(t, json.Unmarshal([]byte(must("keys", "show", "operator", "-o", "json")), &key))
	bank := key.Address
	c := n.client(t)
	before, err := c.Account(t.Context(), bank, false)
	require.NoError(t, err)

	// No passphrase in the environment and none on stdin: the refusal comes first.
	out, err := run(base, "tx", "send-json", `[{"transfer":{"to":"`+bank+`","asset":"CNY","amount":"0"}}]`, "--from", "operator")
	require.Error(t, err)
	require.Contains(t, out, "amount.non_positive")
	require.NotContains(t, out, "passphrase")
	after, err := c.Account(t.Context(), bank, false)
	require.NoError(t, err)
	require.Equal(t, before.Nonce, after.Nonce, "nothing was signed or sent")

	require.NoError(t, json.Unmarshal([]byte(must("keys", "add", "alice", "-o", "json")), &key))
	alice, alicePub := key.Address, key.PubKey
	require.NoError(t, json.Unmarshal([]byte(must("keys", "add", "eve", "-o", "json")), &key))
	evePub := key.PubKey
	must("tx", "ledger", "register-asset", "--code", "CNY", "--name", "Chinese yuan", "--scale", "2", "--from", "operator")
	must("tx", "identity", "register-account", alicePub, "--kyc-level", "1", "--from", "operator")
	must("tx", "identity", "register-account", evePub, "--kyc-level", "1", "--from", "operator")
	must("tx", "credit", "grant-consent", "--lender", bank, "--purpose", "loan_application", "--days", "30", "--from", "alice")
	must("tx", "credit", "request-report", "--borrower", alice, "--asset", "CNY", "--from", "operator")

	var accesses []query.ReportAccess
	require.NoError(t, json.Unmarshal([]byte(must("query", "credit", "accesses", alice, "-o", "json")), &accesses))
	require.Len(t, accesses, 1)
	require.Len(t, accesses[0].ReportSHA256, 64)
	for _, reader := range []string{"operator", "alice"} {
		var pr query.PrivateReport
		require.NoError(t, json.Unmarshal([]byte(must("query", "credit", "report", alice, "1", "--from", reader, "-o", "json")), &pr))
		require.Equal(t, accesses[0], pr.Access)
		require.Equal(t, alice, pr.Report.Borrower)
	}
	out = must("query", "credit", "report", alice, "1", "--from", "alice")
	require.Contains(t, out, "score")
	out, err = run(withPass, "query", "credit", "report", alice, "1", "--from", "eve")
	require.Error(t, err)
	require.Contains(t, out, "not_report_reader")
}
