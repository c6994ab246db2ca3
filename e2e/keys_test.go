package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestKeysCLI: add, list, show, export, import into another keyring, wrong passphrase.
func TestKeysCLI(t *testing.T) {
	bin := binary(t)
	home := t.TempDir()
	run := func(env []string, args ...string) (string, error) {
		cmd := exec.Command(bin, append(args, "--home", home)...)
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	pass := []string{"PUHUI_PASSPHRASE=correct horse battery"}
	out, err := run(pass, "keys", "add", "alice", "-o", "json")
	require.NoError(t, err, out)
	var alice struct{ Name, Address, PubKey string }
	require.NoError(t, json.Unmarshal([]byte(out), &alice))
	require.Len(t, alice.Address, 40)

	out, err = run(nil, "keys", "list")
	require.NoError(t, err, out)
	require.Contains(t, out, alice.Address)

	out, err = run(pass, "keys", "add", "alice")
	require.Error(t, err, "duplicate name must be refused")
	require.Contains(t, out, "exists")

	armored, err := run(append(pass, "PUHUI_EXPORT_PASSPHRASE=export secret 1"), "keys", "export", "alice")
	require.NoError(t, err, armored)
	require.True(t, strings.HasPrefix(armored, "-----BEGIN PUHUI PRIVATE KEY-----"))
	file := filepath.Join(t.TempDir(), "alice.key")
	require.NoError(t, os.WriteFile(file, []byte(armored), 0o600))

	other := []string{"--keyring-dir", filepath.Join(t.TempDir(), "kr2")}
	out, err = run([]string{"PUHUI_EXPORT_PASSPHRASE=wrong export", "PUHUI_PASSPHRASE=new passphrase"}, append([]string{"keys", "import", "alice2", file}, other...)...)
	require.Error(t, err, "wrong export passphrase must fail")
	require.Contains(t, out, "wrong passphrase")
	out, err = run([]string{"PUHUI_EXPORT_PASSPHRASE=export secret 1", "PUHUI_PASSPHRASE=new passphrase"},
		append([]string{"keys", "import", "alice2", file, "-o", "json"}, other...)...)
	require.NoError(t, err, out)
	require.Contains(t, out, alice.Address, "the imported key is the same key")
}
