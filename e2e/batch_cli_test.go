package e2e

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
)

// TestBatchCLI: `--sign-only --nonce` writes lines of a batch file without submitting, and
// `tx submit-batch` sends the file through the REST batch endpoint, answering each line: two
// accepted in nonce order, the repeated line refused with its code (and the command fails).
func TestBatchCLI(t *testing.T) {
	bin := binary(t)
	home := filepath.Join(t.TempDir(), "home")
	n := startNode(t, home, nil)
	pass, err := os.ReadFile(filepath.Join(home, "config", "keyring-passphrase"))
	require.NoError(t, err)
	env := append(os.Environ(), "PUHUI_HOME="+home, "PUHUI_NODE=http://"+n.rpc, "PUHUI_API=http://"+n.api,
		"PUHUI_PASSPHRASE="+strings.TrimSpace(string(pass)))
	run := func(args ...string) (string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		out, err := cmd.Output()
		return string(out), err
	}
	c := n.client(t)
	ctx := t.Context()
	var key struct {
		Address string `json:"address"`
	}
	out, err := run("keys", "show", "operator", "-o", "json")
	require.NoError(t, err, out)
	require.NoError(t, json.Unmarshal([]byte(out), &key))
	next, err := c.NextNonce(ctx, key.Address)
	require.NoError(t, err)

	var lines []string
	for i, code := range []string{"BAA", "BAB"} {
		out, err := run("tx", "ledger", "register-asset", "--code", code, "--name", code, "--scale", "2", "--from", "operator",
			"--sign-only", "--nonce", strconv.FormatUint(next+uint64(i), 10))
		require.NoError(t, err, out)
		lines = append(lines, strings.TrimSpace(out))
	}
	_, err = c.Asset(ctx, "BAA")
	require.Error(t, err, "--sign-only submits nothing")
	file := filepath.Join(t.TempDir(), "batch.txt")
	require.NoError(t, os.WriteFile(file, []byte("# two assets, then the first again\n"+strings.Join(append(lines, lines[0]), "\n")+"\n"), 0o600))

	out, err = run("tx", "submit-batch", file, "-o", "json")
	require.Error(t, err, "a refused line fails the command")
	var res client.BatchResult
	require.NoError(t, json.Unmarshal([]byte(out), &res), out)
	require.Equal(t, 2, res.Accepted)
	require.Equal(t, 1, res.Refused)
	require.True(t, res.Results[0].Accepted && res.Results[1].Accepted)
	require.Equal(t, "api.tx_known", res.Results[2].Code)
	for _, r := range res.Results[:2] {
		wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		committed, err := c.WaitTx(wctx, r.Hash)
		cancel()
		require.NoError(t, err)
		require.Zero(t, committed.Code, committed.Log)
	}
	for _, code := range []string{"BAA", "BAB"} {
		_, err := c.Asset(ctx, code)
		require.NoError(t, err, code)
	}
}
