package keyring

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/tx"
)

const (
	pass  = "correct horse battery"
	pass2 = "another passphrase"
)

// TestMain lowers the KDF cost: the production parameters take most of a second per
// operation, which adds up over a test suite.
func TestMain(m *testing.M) {
	KDFParams = Argon2Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}
	os.Exit(m.Run())
}

var fixedTime = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

func newKeyring(t *testing.T) *Keyring {
	t.Helper()
	k, err := Open(filepath.Join(t.TempDir(), "keyring"))
	require.NoError(t, err)
	k.now = func() time.Time { return fixedTime.Add(123 * time.Millisecond) }
	return k
}

// rawFile reads a key file as generic JSON so tests can alter it.
func rawFile(t *testing.T, k *Keyring, name string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(k.path(name))
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}

func writeRaw(t *testing.T, k *Keyring, name string, m map[string]any) {
	t.Helper()
	data, err := json.Marshal(m)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(k.path(name), data, 0o600))
}

func TestAddListShowLoadRoundTrip(t *testing.T) {
	k := newKeyring(t)
	b, err := k.Add("bob", pass)
	require.NoError(t, err)
	a, err := k.Add("alice", pass2)
	require.NoError(t, err)

	require.Len(t, a.PubKey, ed25519.PubKeySize)
	require.Equal(t, tx.AddressOf(a.PubKey), a.Address)
	require.Equal(t, fixedTime, a.Created)
	require.NotEqual(t, a.Address, b.Address)

	list, err := k.List()
	require.NoError(t, err)
	require.Equal(t, []Info{a, b}, list, "sorted by name")

	shown, err := k.Show("alice")
	require.NoError(t, err)
	require.Equal(t, a, shown)

	priv, err := k.Load("alice", pass2)
	require.NoError(t, err)
	msg := []byte("transfer 10 to bob")
	sig, err := priv.Sign(msg)
	require.NoError(t, err)
	require.True(t, ed25519.PubKey(list[0].PubKey).VerifySignature(msg, sig))
}

func TestEmptyKeyring(t *testing.T) {
	k := newKeyring(t)
	list, err := k.List()
	require.NoError(t, err)
	require.Empty(t, list)
	_, err = k.Show("nobody")
	require.ErrorIs(t, err, ErrNotFound)
	_, err = k.Load("nobody", pass)
	require.ErrorIs(t, err, ErrNotFound)
	require.ErrorIs(t, k.Delete("nobody"), ErrNotFound)
}

func TestImportKnownKey(t *testing.T) {
	k := newKeyring(t)
	priv := ed25519.GenPrivKey()
	info, err := k.Import("op", pass, priv)
	require.NoError(t, err)
	require.Equal(t, tx.AddressOf(priv.PubKey().Bytes()), info.Address)
	got, err := k.Load("op", pass)
	require.NoError(t, err)
	require.Equal(t, priv, got)

	_, err = k.Import("short", pass, priv[:10])
	require.ErrorIs(t, err, ErrCorrupt)
}

func TestWrongPassphrase(t *testing.T) {
	k := newKeyring(t)
	_, err := k.Add("alice", pass)
	require.NoError(t, err)
	_, err = k.Load("alice", pass+"x")
	require.ErrorIs(t, err, ErrWrongPassphrase)
	_, err = k.Load("alice", "")
	require.ErrorIs(t, err, ErrWrongPassphrase)
	require.NotContains(t, err.Error(), pass)
}

func TestWeakPassphrase(t *testing.T) {
	k := newKeyring(t)
	for _, p := range []string{"", "1234567"} {
		_, err := k.Add("alice", p)
		require.ErrorIs(t, err, ErrWeakPassphrase, "%q", p)
		_, err = k.Import("alice", p, ed25519.GenPrivKey())
		require.ErrorIs(t, err, ErrWeakPassphrase, "%q", p)
	}
	_, err := k.Add("alice", "12345678")
	require.NoError(t, err)
}

func TestDuplicateName(t *testing.T) {
	k := newKeyring(t)
	first, err := k.Add("alice", pass)
	require.NoError(t, err)
	_, err = k.Add("alice", pass2)
	require.ErrorIs(t, err, ErrExists)
	_, err = k.Import("alice", pass2, ed25519.GenPrivKey())
	require.ErrorIs(t, err, ErrExists)

	// The original key is untouched.
	got, err := k.Show("alice")
	require.NoError(t, err)
	require.Equal(t, first, got)
	_, err = k.Load("alice", pass)
	require.NoError(t, err)
}

// TestConcurrentAddSameName checks that the no-clobber create lets exactly one writer win.
func TestConcurrentAddSameName(t *testing.T) {
	k := newKeyring(t)
	const n = 4
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = k.Add("race", pass)
		}()
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		if err == nil {
			wins++
		} else {
			require.ErrorIs(t, err, ErrExists)
		}
	}
	require.Equal(t, 1, wins)
	list, err := k.List()
	require.NoError(t, err)
	require.Len(t, list, 1)
}

func TestBadNames(t *testing.T) {
	k := newKeyring(t)
	bad := []string{
		"", ".hidden", ".", "..", "../escape", "a/b", `a\b`, "with space", "ünï", "semi;colon",
		"nul\x00", strings.Repeat("a", 65),
	}
	for _, name := range bad {
		t.Run(name, func(t *testing.T) {
			_, err := k.Add(name, pass)
			require.ErrorIs(t, err, ErrBadName)
			_, err = k.Import(name, pass, ed25519.GenPrivKey())
			require.ErrorIs(t, err, ErrBadName)
			_, err = k.Show(name)
			require.ErrorIs(t, err, ErrBadName)
			_, err = k.Load(name, pass)
			require.ErrorIs(t, err, ErrBadName)
			require.ErrorIs(t, k.Delete(name), ErrBadName)
		})
	}
	for _, name := range []string{"a", "Alice_1", "node-0.operator", "x.", strings.Repeat("z", 64)} {
		_, err := k.Add(name, pass)
		require.NoError(t, err, name)
	}
	entries, err := os.ReadDir(k.dir)
	require.NoError(t, err)
	require.Len(t, entries, 5, "bad names created no files")
}

func TestExportImportArmored(t *testing.T) {
	src := newKeyring(t)
	orig, err := src.Add("alice", pass)
	require.NoError(t, err)

	armored, err := src.Export("alice", pass, pass2)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(armored, armorBegin+"\n"))
	require.True(t, strings.HasSuffix(armored, "\n"+armorEnd+"\n"))

	dst := newKeyring(t)
	got, err := dst.ImportArmored("alice2", armored, pass2, "new passphrase")
	require.NoError(t, err)
	require.Equal(t, orig.Address, got.Address)
	require.Equal(t, orig.PubKey, got.PubKey)

	want, err := src.Load("alice", pass)
	require.NoError(t, err)
	have, err := dst.Load("alice2", "new passphrase")
	require.NoError(t, err)
	require.Equal(t, want, have)

	// Whitespace and re-wrapping from copy-paste are tolerated.
	_, err = dst.ImportArmored("alice3", "\r\n  "+strings.ReplaceAll(armored, "\n", "\r\n\n"), pass2, pass)
	require.NoError(t, err)
}

func TestExportErrors(t *testing.T) {
	k := newKeyring(t)
	_, err := k.Add("alice", pass)
	require.NoError(t, err)
	_, err = k.Export("alice", "wrong passphrase", pass2)
	require.ErrorIs(t, err, ErrWrongPassphrase)
	_, err = k.Export("alice", pass, "short")
	require.ErrorIs(t, err, ErrWeakPassphrase)
	_, err = k.Export("nobody", pass, pass2)
	require.ErrorIs(t, err, ErrNotFound)
}

func TestImportArmoredErrors(t *testing.T) {
	src := newKeyring(t)
	_, err := src.Add("alice", pass)
	require.NoError(t, err)
	armored, err := src.Export("alice", pass, pass2)
	require.NoError(t, err)

	dst := newKeyring(t)
	_, err = dst.ImportArmored("a", armored, "wrong passphrase", pass)
	require.ErrorIs(t, err, ErrWrongPassphrase)
	_, err = dst.ImportArmored("a", armored, pass2, "short")
	require.ErrorIs(t, err, ErrWeakPassphrase)
	_, err = dst.ImportArmored("../a", armored, pass2, pass)
	require.ErrorIs(t, err, ErrBadName)

	for name, text := range map[string]string{
		"empty":      "",
		"no armor":   "hello",
		"no end":     armorBegin + "\nAAAA\n",
		"bad base64": armorBegin + "\n!!!!\n" + armorEnd + "\n",
		"not json":   armorBegin + "\n" + base64.StdEncoding.EncodeToString([]byte("nope")) + "\n" + armorEnd + "\n",
	} {
		_, err := dst.ImportArmored("a", text, pass2, pass)
		require.ErrorIs(t, err, ErrCorrupt, name)
	}

	// Swapping in another public key breaks the AAD binding.
	a, err := dearmor(armored)
	require.NoError(t, err)
	a.PubKey = ed25519.GenPrivKey().PubKey().Bytes()
	data, err := json.Marshal(a)
	require.NoError(t, err)
	swapped := armorBegin + "\n" + base64.StdEncoding.EncodeToString(data) + "\n" + armorEnd + "\n"
	_, err = dst.ImportArmored("a", swapped, pass2, pass)
	require.ErrorIs(t, err, ErrWrongPassphrase)

	list, err := dst.List()
	require.NoError(t, err)
	require.Empty(t, list)
}

func TestTamperedFile(t *testing.T) {
	k := newKeyring(t)
	_, err := k.Add("alice", pass)
	require.NoError(t, err)
	good, err := os.ReadFile(k.path("alice"))
	require.NoError(t, err)

	flip := func(field string) func(m map[string]any) {
		return func(m map[string]any) {
			s := m["sealed"].(map[string]any)
			b, err := base64.StdEncoding.DecodeString(s[field].(string))
			require.NoError(t, err)
			b[len(b)/2] ^= 0x01
			s[field] = base64.StdEncoding.EncodeToString(b)
		}
	}
	sealedField := func(field string, v any) func(m map[string]any) {
		return func(m map[string]any) { m["sealed"].(map[string]any)[field] = v }
	}
	cases := map[string]func(m map[string]any){
		"ciphertext bit":  flip("ciphertext"),
		"nonce bit":       flip("nonce"),
		"salt bit":        flip("salt"),
		"empty ct":        sealedField("ciphertext", ""),
		"short nonce":     sealedField("nonce", "AAAA"),
		"other kdf":       sealedField("kdf", "scrypt"),
		"other cipher":    sealedField("cipher", "aes-gcm"),
		"huge memory":     sealedField("kdf_params", map[string]any{"time": 1, "memory_kib": 1 << 30, "threads": 1}),
		"zero time":       sealedField("kdf_params", map[string]any{"time": 0, "memory_kib": 1024, "threads": 1}),
		"no sealed":       func(m map[string]any) { delete(m, "sealed") },
		"other name":      func(m map[string]any) { m["name"] = "bob" },
		"other address":   func(m map[string]any) { m["address"] = strings.Repeat("0", 40) },
		"short pub key":   func(m map[string]any) { m["pub_key"] = "AAAA" },
		"sealed a string": func(m map[string]any) { m["sealed"] = "x" },
	}
	for name, mutate := range cases {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, os.WriteFile(k.path("alice"), good, 0o600))
			m := rawFile(t, k, "alice")
			mutate(m)
			writeRaw(t, k, "alice", m)
			require.NotPanics(t, func() {
				_, err = k.Load("alice", pass)
			})
			require.True(t, errors.Is(err, ErrWrongPassphrase) || errors.Is(err, ErrCorrupt), "got %v", err)
		})
	}

	for name, data := range map[string][]byte{
		"truncated": good[:len(good)/2],
		"empty":     {},
		"garbage":   []byte("\x00\xff not json"),
	} {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, os.WriteFile(k.path("alice"), data, 0o600))
			require.NotPanics(t, func() {
				_, err = k.Load("alice", pass)
			})
			require.ErrorIs(t, err, ErrCorrupt)
			_, err = k.List()
			require.ErrorIs(t, err, ErrCorrupt, "List reports a corrupt file rather than hiding it")
		})
	}
}

// TestAADBinding moves alice's sealed key into bob's file. Every clear-text field of bob's
// file still agrees, so only the AAD stops bob's name from loading alice's key.
func TestAADBinding(t *testing.T) {
	k := newKeyring(t)
	_, err := k.Add("alice", pass)
	require.NoError(t, err)
	_, err = k.Add("bob", pass)
	require.NoError(t, err)

	alice := rawFile(t, k, "alice")
	bob := rawFile(t, k, "bob")
	bob["sealed"] = alice["sealed"]
	writeRaw(t, k, "bob", bob)
	_, err = k.Load("bob", pass)
	require.ErrorIs(t, err, ErrWrongPassphrase)

	// Alice's whole file renamed to bob, with its name field rewritten to match.
	alice["name"] = "bob"
	writeRaw(t, k, "bob", alice)
	_, err = k.Load("bob", pass)
	require.ErrorIs(t, err, ErrWrongPassphrase)

	_, err = k.Load("alice", pass)
	require.NoError(t, err, "the original is unaffected")
}

func TestPermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "keyring")
	k, err := Open(dir)
	require.NoError(t, err)
	_, err = k.Add("alice", pass)
	require.NoError(t, err)

	st, err := os.Stat(dir)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o700), st.Mode().Perm())
	st, err = os.Stat(filepath.Join(dir, "alice"+fileSuffix))
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary files left behind")
}

func TestFileFormat(t *testing.T) {
	k := newKeyring(t)
	info, err := k.Add("alice", pass)
	require.NoError(t, err)
	m := rawFile(t, k, "alice")
	require.Equal(t, "alice", m["name"])
	require.Equal(t, info.Address, m["address"])
	require.Equal(t, base64.StdEncoding.EncodeToString(info.PubKey), m["pub_key"])
	require.Equal(t, "2024-05-06T07:08:09Z", m["created"])

	s := m["sealed"].(map[string]any)
	require.Equal(t, "argon2id", s["kdf"])
	require.Equal(t, "xchacha20-poly1305", s["cipher"])
	require.Equal(t, map[string]any{"time": 1.0, "memory_kib": 8192.0, "threads": 1.0}, s["kdf_params"])
	for field, n := range map[string]int{"salt": 16, "nonce": 24, "ciphertext": 64 + 16} {
		b, err := base64.StdEncoding.DecodeString(s[field].(string))
		require.NoError(t, err)
		require.Len(t, b, n, field)
	}
	require.NotContains(t, string(mustRead(t, k.path("alice"))), pass)
}

// TestOldParamsStillOpen checks that parameters are read from the file, not the current
// defaults, so raising KDFParams does not lock out existing keys.
func TestOldParamsStillOpen(t *testing.T) {
	k := newKeyring(t)
	_, err := k.Add("alice", pass)
	require.NoError(t, err)
	saved := KDFParams
	KDFParams = Argon2Params{Time: 2, MemoryKiB: 16 * 1024, Threads: 2}
	defer func() { KDFParams = saved }()
	_, err = k.Load("alice", pass)
	require.NoError(t, err)
}

func TestDelete(t *testing.T) {
	k := newKeyring(t)
	_, err := k.Add("alice", pass)
	require.NoError(t, err)
	require.NoError(t, k.Delete("alice"))
	_, err = k.Show("alice")
	require.ErrorIs(t, err, ErrNotFound)
	require.ErrorIs(t, k.Delete("alice"), ErrNotFound)

	// A corrupt file can still be deleted.
	require.NoError(t, os.WriteFile(k.path("broken"), []byte("junk"), 0o600))
	require.NoError(t, k.Delete("broken"))
}

func TestListIgnoresOtherFiles(t *testing.T) {
	k := newKeyring(t)
	_, err := k.Add("alice", pass)
	require.NoError(t, err)
	for _, name := range []string{"README", ".tmp-key-123", ".x" + fileSuffix, "notes.json"} {
		require.NoError(t, os.WriteFile(filepath.Join(k.dir, name), []byte("x"), 0o600))
	}
	require.NoError(t, os.Mkdir(filepath.Join(k.dir, "sub"+fileSuffix), 0o700))
	list, err := k.List()
	require.NoError(t, err)
	require.Len(t, list, 1)
	require.Equal(t, "alice", list[0].Name)
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return data
}
