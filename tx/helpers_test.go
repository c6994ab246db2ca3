package tx_test

import (
	"testing"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

var (
	alice = ed25519.GenPrivKeyFromSecret([]byte("alice"))
	bob   = ed25519.GenPrivKeyFromSecret([]byte("bob"))
)

const testChain = "puhui-test"

func transferMsg(amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{
		To: tx.AddressOf(bob.PubKey().Bytes()), Asset: "CNY", Amount: amount,
	}}}
}

// validBody is a body that passes every Decode check, signed by alice.
func validBody() *txpb.TxBody {
	return &txpb.TxBody{
		ChainId:      testChain,
		SignerPubKey: alice.PubKey().Bytes(),
		Nonce:        1,
		Msgs:         []*txpb.Msg{transferMsg(100)},
		Memo:         "invoice 42",
	}
}

func marshalBody(t testing.TB, b *txpb.TxBody) []byte {
	t.Helper()
	bz, err := proto.MarshalOptions{Deterministic: true}.Marshal(b)
	require.NoError(t, err)
	return bz
}

func sign(t testing.TB, key ed25519.PrivKey, body []byte) []byte {
	t.Helper()
	sig, err := key.Sign(tx.SignBytes(body))
	require.NoError(t, err)
	return sig
}

func envelope(t testing.TB, body, sig []byte) []byte {
	t.Helper()
	raw, err := proto.Marshal(&txpb.Tx{Body: body, Signature: sig})
	require.NoError(t, err)
	return raw
}

// signedRaw encodes b with a correct signature by alice over exactly its bytes.
func signedRaw(t testing.TB, b *txpb.TxBody) []byte {
	t.Helper()
	body := marshalBody(t, b)
	return envelope(t, body, sign(t, alice, body))
}
