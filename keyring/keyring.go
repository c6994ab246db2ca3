package keyring

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"

	"github.com/puhui-chain/puhui/tx"
)

// fileSuffix ends every key file's name; other files in the directory are ignored.
const fileSuffix = ".key.json"

// maxKeyFileSize bounds what we read, so a stray huge file cannot exhaust memory.
const maxKeyFileSize = 64 << 10

// Keyring is a directory of encrypted key files. It holds no secrets in memory; every
// operation reads the files afresh, so several processes can share a directory.
type Keyring struct {
	dir string
	now func() time.Time // dates new keys; replaceable in tests
}

// Info describes a key without its secret.
type Info struct {
	Name    string    `json:"name"`
	Address string    `json:"address"`
	PubKey  []byte    `json:"pub_key"`
	Created time.Time `json:"created"`
}

// keyFile is the on-disk form of one key: its public Info in clear plus the sealed
// private key.
type keyFile struct {
	Info
	Sealed *sealed `json:"sealed"`
}

// Open opens the keyring in dir, creating the directory with mode 0700 if it is missing.
func Open(dir string) (*Keyring, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &Keyring{dir: dir, now: time.Now}, nil
}

func (k *Keyring) path(name string) string { return filepath.Join(k.dir, name+fileSuffix) }

// aad binds a key file's ciphertext to its name and address, so swapping ciphertexts
// between files fails authentication instead of silently loading the wrong key.
func aad(name, address string) []byte {
	return []byte("puhui-keyring/v1\x00" + name + "\x00" + address)
}

// Add generates a new key and stores it under name, sealed with passphrase. It returns
// ErrExists if name is taken.
func (k *Keyring) Add(name, passphrase string) (Info, error) {
	return k.Import(name, passphrase, ed25519.GenPrivKey())
}

// Import stores an existing private key under name, sealed with passphrase. It returns
// ErrExists if name is taken.
func (k *Keyring) Import(name, passphrase string, priv ed25519.PrivKey) (Info, error) {
	if err := validName(name); err != nil {
		return Info{}, err
	}
	if err := checkNewPassphrase(passphrase); err != nil {
		return Info{}, err
	}
	if len(priv) != ed25519.PrivateKeySize {
		return Info{}, fmt.Errorf("%w: private key of %d bytes", ErrCorrupt, len(priv))
	}
	// Fail fast before the deliberately slow KDF; writeNew re-checks atomically.
	if _, err := os.Lstat(k.path(name)); err == nil {
		return Info{}, fmt.Errorf("%w: %s", ErrExists, name)
	}
	info := k.newInfo(name, priv)
	s, err := seal(priv, passphrase, aad(name, info.Address))
	if err != nil {
		return Info{}, err
	}
	data, err := json.MarshalIndent(keyFile{Info: info, Sealed: s}, "", "  ")
	if err != nil {
		return Info{}, err
	}
	if err := writeNew(k.path(name), data); err != nil {
		return Info{}, err
	}
	return info, nil
}

func (k *Keyring) newInfo(name string, priv ed25519.PrivKey) Info {
	pub := priv.PubKey().Bytes()
	// Whole seconds in UTC so the stored time is plain RFC 3339.
	created := k.now().UTC().Truncate(time.Second)
	return Info{Name: name, Address: tx.AddressOf(pub), PubKey: pub, Created: created}
}

// read loads and sanity-checks a key file. Its clear-text fields are checked against each
// other here; the ciphertext is only checked when it is opened.
func (k *Keyring) read(name string) (*keyFile, error) {
	if err := validName(name); err != nil {
		return nil, err
	}
	data, err := readSmall(k.path(name))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, name)
	}
	if err != nil {
		return nil, err
	}
	var f keyFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, name, err)
	}
	if f.Sealed == nil || f.Name != name || len(f.PubKey) != ed25519.PubKeySize ||
		tx.AddressOf(f.PubKey) != f.Address {
		return nil, fmt.Errorf("%w: %s: fields do not agree", ErrCorrupt, name)
	}
	return &f, nil
}

func readSmall(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > maxKeyFileSize {
		return nil, fmt.Errorf("%w: %s is not a key file", ErrCorrupt, filepath.Base(path))
	}
	return os.ReadFile(path)
}

// Show returns a key's public information, or ErrNotFound.
func (k *Keyring) Show(name string) (Info, error) {
	f, err := k.read(name)
	if err != nil {
		return Info{}, err
	}
	return f.Info, nil
}

// List returns every key in the keyring, sorted by name. A corrupt key file makes it fail
// rather than silently hide a key.
func (k *Keyring) List() ([]Info, error) {
	entries, err := os.ReadDir(k.dir)
	if err != nil {
		return nil, err
	}
	out := []Info{}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), fileSuffix)
		if !ok || e.IsDir() || validName(name) != nil {
			continue
		}
		info, err := k.Show(name)
		if err != nil {
			return nil, err
		}
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Load decrypts and returns the private key stored under name. A wrong passphrase, or a
// file whose ciphertext was altered or moved from another key, gives ErrWrongPassphrase.
func (k *Keyring) Load(name, passphrase string) (ed25519.PrivKey, error) {
	f, err := k.read(name)
	if err != nil {
		return nil, err
	}
	if err := checkPassphrase(passphrase); err != nil {
		return nil, err
	}
	secret, err := f.Sealed.open(passphrase, aad(name, f.Address))
	if err != nil {
		return nil, err
	}
	return matchKey(secret, f.PubKey)
}

// matchKey turns a decrypted secret into a private key and checks that it belongs to the
// recorded public key, so a file can never hand out a key other than the one it shows.
func matchKey(secret, pub []byte) (ed25519.PrivKey, error) {
	priv := ed25519.PrivKey(secret)
	if len(secret) != ed25519.PrivateKeySize || !bytes.Equal(priv.PubKey().Bytes(), pub) {
		return nil, fmt.Errorf("%w: private key does not match public key", ErrCorrupt)
	}
	return priv, nil
}

// Delete removes the key stored under name, or returns ErrNotFound. It does not need the
// passphrase and works on corrupt files too, so a broken key can always be cleared away.
func (k *Keyring) Delete(name string) error {
	if err := validName(name); err != nil {
		return err
	}
	err := os.Remove(k.path(name))
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%w: %s", ErrNotFound, name)
	}
	if err != nil {
		return err
	}
	return syncDir(k.dir)
}
