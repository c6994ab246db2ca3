package docstore

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ed25519"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/puhui-chain/puhui/tx/txpb"
)

// KeySize is the size of a document key, an X25519 key and a hash.
const KeySize = 32

const (
	x25519Info = "puhui/docs/x25519/v1"
	wrapInfo   = "puhui/docs/wrap/v1"
)

// ErrDecrypt is a ciphertext or wrapped key that does not open with the key given.
var ErrDecrypt = errors.New("docstore: cannot decrypt")

// EncryptionKey derives a member's X25519 key from its Ed25519 operator key.
func EncryptionKey(operator ed25519.PrivateKey) (*ecdh.PrivateKey, error) {
	seed, err := hkdf.Key(sha256.New, operator.Seed(), nil, x25519Info, KeySize)
	if err != nil {
		return nil, err
	}
	return ecdh.X25519().NewPrivateKey(seed)
}

func gcm(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// Seal encrypts a document under a fresh key: the ciphertext is nonce ‖ sealed text.
func Seal(plaintext []byte) (ciphertext, docKey []byte, err error) {
	docKey = make([]byte, KeySize)
	rand.Read(docKey)
	aead, err := gcm(docKey)
	if err != nil {
		return nil, nil, err
	}
	nonce := make([]byte, aead.NonceSize())
	rand.Read(nonce)
	return aead.Seal(nonce, nonce, plaintext, nil), docKey, nil
}

// Open decrypts a ciphertext made by Seal.
func Open(ciphertext, docKey []byte) ([]byte, error) {
	aead, err := gcm(docKey)
	if err != nil {
		return nil, err
	}
	if len(ciphertext) < aead.NonceSize()+aead.Overhead() {
		return nil, ErrDecrypt
	}
	n := aead.NonceSize()
	plain, err := aead.Open(nil, ciphertext[:n], ciphertext[n:], nil)
	if err != nil {
		return nil, ErrDecrypt
	}
	return plain, nil
}

// Hash is a ciphertext's id.
func Hash(ciphertext []byte) []byte {
	h := sha256.Sum256(ciphertext)
	return h[:]
}

// kek derives the key-encryption key of one wrap; the ephemeral and recipient keys are
// bound into it and into the seal's additional data.
func kek(shared, ephemeral, recipient []byte) ([]byte, []byte, error) {
	bound := append(append([]byte{}, ephemeral...), recipient...)
	k, err := hkdf.Key(sha256.New, shared, bound, wrapInfo, KeySize)
	return k, bound, err
}

// Wrap seals a document key to a recipient's published X25519 key. The key-encryption key
// is used once (a fresh ephemeral key each time), so a zero nonce is safe.
func Wrap(docKey, recipientPub []byte) (*txpb.WrappedKey, error) {
	pub, err := ecdh.X25519().NewPublicKey(recipientPub)
	if err != nil {
		return nil, fmt.Errorf("recipient key: %w", err)
	}
	eph, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	shared, err := eph.ECDH(pub)
	if err != nil {
		return nil, err
	}
	k, bound, err := kek(shared, eph.PublicKey().Bytes(), recipientPub)
	if err != nil {
		return nil, err
	}
	aead, err := gcm(k)
	if err != nil {
		return nil, err
	}
	sealed := aead.Seal(nil, make([]byte, aead.NonceSize()), docKey, bound)
	return &txpb.WrappedKey{EphemeralPubKey: eph.PublicKey().Bytes(), SealedKey: sealed}, nil
}

// Unwrap opens a wrapped document key with the recipient's X25519 key.
func Unwrap(w *txpb.WrappedKey, priv *ecdh.PrivateKey) ([]byte, error) {
	eph, err := ecdh.X25519().NewPublicKey(w.GetEphemeralPubKey())
	if err != nil {
		return nil, ErrDecrypt
	}
	shared, err := priv.ECDH(eph)
	if err != nil {
		return nil, ErrDecrypt
	}
	k, bound, err := kek(shared, w.EphemeralPubKey, priv.PublicKey().Bytes())
	if err != nil {
		return nil, err
	}
	aead, err := gcm(k)
	if err != nil {
		return nil, err
	}
	key, err := aead.Open(nil, make([]byte, aead.NonceSize()), w.SealedKey, bound)
	if err != nil {
		return nil, ErrDecrypt
	}
	return key, nil
}
