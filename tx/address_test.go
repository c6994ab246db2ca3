package tx_test

import (
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/tx"
)

func TestAddressOf(t *testing.T) {
	pub := alice.PubKey().Bytes()
	require.Equal(t, "d5bf4a3fcce717b0388bcc2749ebc148ad9969b23f45ee1b605fd58778576ac4", hex.EncodeToString(pub))
	// Golden value: changing the derivation would change every account's address.
	require.Equal(t, "1c0c490f1b5528d8173c5de46d131160e4b2c0c3", tx.AddressOf(pub))
	// Same rule as CometBFT's validator addresses (first 20 bytes of SHA-256).
	require.Equal(t, strings.ToLower(hex.EncodeToString(alice.PubKey().Address())), tx.AddressOf(pub))
	require.Equal(t, tx.AddressOf(pub), tx.AddressOf(append([]byte(nil), pub...)))
	require.NotEqual(t, tx.AddressOf(pub), tx.AddressOf(bob.PubKey().Bytes()))
	require.Equal(t, "66687aadf862bd776c8fc18b8e9f8e2008971485", tx.AddressOf(make([]byte, tx.PubKeySize)))
	for _, a := range []string{tx.AddressOf(pub), tx.AddressOf(bob.PubKey().Bytes()), tx.AddressOf(nil)} {
		require.Len(t, a, 2*tx.AddressLen)
		require.NoError(t, tx.ValidateAddress("addr", a))
	}
}

func TestValidateAddress(t *testing.T) {
	good := tx.AddressOf(alice.PubKey().Bytes())
	for _, tc := range []struct {
		name, addr string
		ok         bool
	}{
		{"derived", good, true},
		{"all digits", strings.Repeat("0", 40), true},
		{"all letters", strings.Repeat("f", 40), true},
		{"empty", "", false},
		{"one short", good[:39], false},
		{"one long", good + "0", false},
		{"double length", good + good, false},
		{"upper case", strings.ToUpper(good), false},
		{"one upper-case letter", "A" + good[1:], false},
		{"non-hex letter", "g" + good[1:], false},
		{"0x prefix", "0x" + good[:38], false},
		{"space", " " + good[1:], false},
		{"NUL", "\x00" + good[1:], false},
		{"multi-byte rune of 40 bytes", "é" + good[2:], false},
		{"bech32-like", "puhui1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tx.ValidateAddress("to", tc.addr)
			if tc.ok {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tx.ErrBadAddress)
			require.Contains(t, err.Error(), "to:", "error names the field")
		})
	}
}
