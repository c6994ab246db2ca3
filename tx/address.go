package tx

import (
	"crypto/sha256"
	"encoding/hex"
)

// PubKeySize is the size of an Ed25519 public key.
const PubKeySize = 32

// AddressLen is the length of an address in bytes (hex-encoded it is twice as long).
const AddressLen = 20

// AddressOf derives an account's address from its Ed25519 public key: the first 20 bytes of
// SHA-256, the same rule CometBFT uses for validator addresses, written as lower-case hex.
func AddressOf(pubKey []byte) string {
	sum := sha256.Sum256(pubKey)
	return hex.EncodeToString(sum[:AddressLen])
}

// ValidateAddress checks the textual form of an address.
func ValidateAddress(field, addr string) error {
	if len(addr) != 2*AddressLen {
		return ErrBadAddress.Wrapf("%s: want %d hex characters, got %d", field, 2*AddressLen, len(addr))
	}
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return ErrBadAddress.Wrapf("%s: not lower-case hex", field)
		}
	}
	return nil
}

// NonceKey is the state key of an account's last used nonce: the envelope's replay guard.
func NonceKey(addr string) []byte { return []byte("auth/nonce/" + addr) }
