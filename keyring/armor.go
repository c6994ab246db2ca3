package keyring

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/puhui-chain/puhui/tx"
)

const (
	armorBegin = "-----BEGIN PUHUI PRIVATE KEY-----"
	armorEnd   = "-----END PUHUI PRIVATE KEY-----"
	armorWidth = 64
	// exportAADName stands in for the key name in an export's AAD: the name is chosen
	// again on import, but the address still binds the ciphertext to its public key.
	exportAADName = "\x00export"
)

// armoredKey is the JSON inside an armored export.
type armoredKey struct {
	PubKey []byte  `json:"pub_key"`
	Sealed *sealed `json:"sealed"`
}

// Export decrypts the key under name with passphrase and returns it as armored text
// sealed under exportPassphrase (argon2id + XChaCha20-Poly1305, as in the key files).
func (k *Keyring) Export(name, passphrase, exportPassphrase string) (string, error) {
	if err := checkNewPassphrase(exportPassphrase); err != nil {
		return "", err
	}
	priv, err := k.Load(name, passphrase)
	if err != nil {
		return "", err
	}
	pub := priv.PubKey().Bytes()
	s, err := seal(priv, exportPassphrase, aad(exportAADName, tx.AddressOf(pub)))
	if err != nil {
		return "", err
	}
	data, err := json.Marshal(armoredKey{PubKey: pub, Sealed: s})
	if err != nil {
		return "", err
	}
	return armorBegin + "\n" + wrap(base64.StdEncoding.EncodeToString(data), armorWidth) + armorEnd + "\n", nil
}

// ImportArmored decrypts text produced by Export with exportPassphrase and stores the key
// under name, sealed with newPassphrase.
func (k *Keyring) ImportArmored(name, armored, exportPassphrase, newPassphrase string) (Info, error) {
	if err := validName(name); err != nil {
		return Info{}, err
	}
	if err := checkNewPassphrase(newPassphrase); err != nil {
		return Info{}, err
	}
	if err := checkPassphrase(exportPassphrase); err != nil {
		return Info{}, err
	}
	a, err := dearmor(armored)
	if err != nil {
		return Info{}, err
	}
	secret, err := a.Sealed.open(exportPassphrase, aad(exportAADName, tx.AddressOf(a.PubKey)))
	if err != nil {
		return Info{}, err
	}
	priv, err := matchKey(secret, a.PubKey)
	if err != nil {
		return Info{}, err
	}
	return k.Import(name, newPassphrase, priv)
}

// dearmor strips the armor lines and decodes the body. Surrounding whitespace and any line
// wrapping are tolerated, since the text may have passed through editors and mail.
func dearmor(text string) (*armoredKey, error) {
	body, ok := strings.CutPrefix(strings.TrimSpace(text), armorBegin)
	if !ok {
		return nil, fmt.Errorf("%w: missing %s", ErrCorrupt, armorBegin)
	}
	body, ok = strings.CutSuffix(strings.TrimSpace(body), armorEnd)
	if !ok {
		return nil, fmt.Errorf("%w: missing %s", ErrCorrupt, armorEnd)
	}
	data, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(body), ""))
	if err != nil {
		return nil, fmt.Errorf("%w: armored body: %v", ErrCorrupt, err)
	}
	var a armoredKey
	if err := json.Unmarshal(data, &a); err != nil || a.Sealed == nil {
		return nil, fmt.Errorf("%w: armored body is not an exported key", ErrCorrupt)
	}
	return &a, nil
}

// wrap breaks s into lines of n characters, each ending in a newline.
func wrap(s string, n int) string {
	var b strings.Builder
	for len(s) > n {
		b.WriteString(s[:n])
		b.WriteByte('\n')
		s = s[n:]
	}
	b.WriteString(s)
	b.WriteByte('\n')
	return b.String()
}
