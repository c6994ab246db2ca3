package api_test

import (
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
)

func mustKey(t *testing.T) ed25519.PrivKey {
	t.Helper()
	return ed25519.GenPrivKey()
}
