package tx_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// decodeErrors are the only errors Decode may return.
var decodeErrors = []*tx.Error{
	tx.ErrMalformed, tx.ErrTooLarge, tx.ErrBadSignature, tx.ErrBadNonce,
	tx.ErrNoMessages, tx.ErrTooManyMsgs, tx.ErrUnknownMsg,
}

func FuzzDecode(f *testing.F) {
	f.Add(signedRaw(f, validBody()))
	f.Add(signedRaw(f, withBody(func(b *txpb.TxBody) { b.Msgs = nMsgs(3); b.Memo = "" })))
	for _, tc := range decodeCases() {
		if raw := tc.raw(f); len(raw) <= 4096 {
			f.Add(raw)
		}
	}
	all := &txpb.TxBody{ChainId: testChain, SignerPubKey: alice.PubKey().Bytes(), Nonce: 7, TimeoutHeight: 100}
	for _, name := range tx.MsgTypes() {
		all.Msgs = append(all.Msgs, tx.NewMsg(name))
	}
	f.Add(signedRaw(f, all))

	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := tx.Decode(raw)
		if err != nil {
			require.Nil(t, d)
			var coded *tx.Error
			require.True(t, errors.As(err, &coded), "uncoded error %v", err)
			for _, want := range decodeErrors {
				if errors.Is(err, want) {
					return
				}
			}
			t.Fatalf("unexpected error code: %v", err)
		}
		requireDecodedInvariants(t, raw, d)
	})
}

func FuzzMsgsFromJSON(f *testing.F) {
	for _, s := range []string{
		`[{"transfer":{"to":"1c0c490f1b5528d8173c5de46d131160e4b2c0c3","asset":"CNY","amount":"100"}}]`,
		`[{"mint":{}},{"burn":{}}]`,
		`[]`, `null`, `[{}]`, `{}`, `[`, ``, `"x"`,
		`[{"transfer":{"amount":"1e3"}}]`,
		`[{"transfer":{}}],"memo":"x"`,
		`[{"transfer":{},"mint":{}}]`,
		`[{"bogus":{}}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		msgs, err := tx.MsgsFromJSON(data)
		if err != nil {
			require.Nil(t, msgs)
			require.True(t, errors.Is(err, tx.ErrMalformed) || errors.Is(err, tx.ErrNoMessages) ||
				errors.Is(err, tx.ErrUnknownMsg) || errors.Is(err, tx.ErrTooManyMsgs), "%v", err)
			return
		}
		require.NotEmpty(t, msgs)
		for _, m := range msgs {
			require.NotNil(t, m)
			bz, err := proto.Marshal(m)
			require.NoError(t, err)
			var back txpb.Msg
			require.NoError(t, proto.Unmarshal(bz, &back))
			require.True(t, proto.Equal(m, &back))
			_ = tx.MsgType(m)
		}
	})
}
