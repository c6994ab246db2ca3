package keyring

import (
	"crypto/rand"
	"fmt"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// Argon2Params are the argon2id costs. They are stored with every sealed secret so the
// defaults can be raised later without breaking existing files.
type Argon2Params struct {
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memory_kib"`
	Threads   uint8  `json:"threads"`
}

// KDFParams are the costs used when sealing new secrets. Tests may lower them to stay fast.
var KDFParams = Argon2Params{Time: 3, MemoryKiB: 64 * 1024, Threads: 2}

// Upper bounds on costs read from a file: a tampered file must not make us allocate
// gigabytes or spin for hours before authentication fails.
const (
	maxKDFTime   = 100
	maxKDFMemKiB = 4 * 1024 * 1024
)

const (
	kdfName    = "argon2id"
	cipherName = "xchacha20-poly1305"
	saltLen    = 16
)

// sealed is an encrypted secret with everything needed to open it except the passphrase.
type sealed struct {
	KDF        string       `json:"kdf"`
	KDFParams  Argon2Params `json:"kdf_params"`
	Salt       []byte       `json:"salt"`
	Cipher     string       `json:"cipher"`
	Nonce      []byte       `json:"nonce"`
	Ciphertext []byte       `json:"ciphertext"`
}

func deriveKey(passphrase string, salt []byte, p Argon2Params) []byte {
	return argon2.IDKey([]byte(passphrase), salt, p.Time, p.MemoryKiB, p.Threads, chacha20poly1305.KeySize)
}

// seal encrypts secret under passphrase with fresh salt and nonce; aad binds the
// ciphertext to the context it is stored in.
func seal(secret []byte, passphrase string, aad []byte) (*sealed, error) {
	s := &sealed{
		KDF: kdfName, KDFParams: KDFParams, Cipher: cipherName,
		Salt: make([]byte, saltLen), Nonce: make([]byte, chacha20poly1305.NonceSizeX),
	}
	if _, err := rand.Read(s.Salt); err != nil {
		return nil, err
	}
	if _, err := rand.Read(s.Nonce); err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(deriveKey(passphrase, s.Salt, s.KDFParams))
	if err != nil {
		return nil, err
	}
	s.Ciphertext = aead.Seal(nil, s.Nonce, secret, aad)
	return s, nil
}

// check rejects algorithms we do not know and parameters outside sane bounds.
func (s *sealed) check() error {
	if s.KDF != kdfName || s.Cipher != cipherName {
		return fmt.Errorf("%w: unsupported kdf %q or cipher %q", ErrCorrupt, s.KDF, s.Cipher)
	}
	p := s.KDFParams
	if p.Time == 0 || p.Time > maxKDFTime || p.MemoryKiB == 0 || p.MemoryKiB > maxKDFMemKiB || p.Threads == 0 {
		return fmt.Errorf("%w: kdf parameters out of range", ErrCorrupt)
	}
	if len(s.Salt) != saltLen || len(s.Nonce) != chacha20poly1305.NonceSizeX ||
		len(s.Ciphertext) < chacha20poly1305.Overhead {
		return fmt.Errorf("%w: bad salt, nonce or ciphertext length", ErrCorrupt)
	}
	return nil
}

// open decrypts a sealed secret. A wrong passphrase, an altered ciphertext and a
// ciphertext moved to another context all fail authentication and are indistinguishable,
// so they all report ErrWrongPassphrase.
func (s *sealed) open(passphrase string, aad []byte) ([]byte, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(deriveKey(passphrase, s.Salt, s.KDFParams))
	if err != nil {
		return nil, err
	}
	out, err := aead.Open(nil, s.Nonce, s.Ciphertext, aad)
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	return out, nil
}
