package app

import (
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The bounded cache keeps at most its limit, evicting the oldest first.
func TestHashCacheEvictsOldestFirst(t *testing.T) {
	c := newHashCache[int](2)
	key := func(b byte) []byte { k := make([]byte, 32); k[0] = b; return k }
	c.put(key(1), 1)
	c.put(key(2), 2)
	c.put(key(1), 10) // present: unchanged, not re-queued
	c.put(key(3), 3)  // evicts 1
	_, ok := c.get(key(1))
	require.False(t, ok)
	v, ok := c.get(key(1 + 1))
	require.True(t, ok)
	require.Equal(t, 2, v)
	v, _ = c.get(key(3))
	require.Equal(t, 3, v)
	require.Len(t, c.m, 2)
}

// The decode cache gives back the same decoded transaction for the same bytes, and keeps
// nothing for bytes that do not decode (their error comes back each time).
func TestDecodeCacheSharesDecodedAndNotErrors(t *testing.T) {
	c := newDecodeCache(8)
	_, err := c.decode([]byte{0xff, 0x01})
	require.Error(t, err)
	require.Empty(t, c.c.m)

	raw := signedTransfer(t)
	first, err := c.decode(raw)
	require.NoError(t, err)
	again, err := c.decode(append([]byte(nil), raw...))
	require.NoError(t, err)
	require.Same(t, first, again)
	require.Equal(t, tx.Hash(raw), first.Hash)
}

func signedTransfer(t *testing.T) []byte {
	t.Helper()
	raw, err := tx.Sign(ed25519.GenPrivKey(), &txpb.TxBody{ChainId: "test-chain", Nonce: 1, Msgs: []*txpb.Msg{
		{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{To: "someone", Asset: "CNY", Amount: 1}}}}})
	require.NoError(t, err)
	return raw
}
