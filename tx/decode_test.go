package tx_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func withBody(f func(b *txpb.TxBody)) *txpb.TxBody {
	b := validBody()
	f(b)
	return b
}

func nMsgs(n int) []*txpb.Msg {
	out := make([]*txpb.Msg, n)
	for i := range out {
		out[i] = transferMsg(int64(i + 1))
	}
	return out
}

// padTo appends an unknown envelope field so that raw is exactly size bytes long.
func padTo(t testing.TB, raw []byte, size int) []byte {
	t.Helper()
	for n := size - len(raw) - 4; n >= 0; n-- {
		out := protowire.AppendTag(bytes.Clone(raw), 15, protowire.BytesType)
		out = protowire.AppendBytes(out, make([]byte, n))
		if len(out) == size {
			return out
		}
	}
	t.Fatalf("cannot pad %d bytes to %d", len(raw), size)
	return nil
}

// bodyWithRawMsg is a valid body whose message list holds the given encoded Msg.
func bodyWithRawMsg(t testing.TB, msgs ...[]byte) []byte {
	t.Helper()
	b := validBody()
	b.Msgs = nil
	body := marshalBody(t, b)
	for _, m := range msgs {
		body = protowire.AppendTag(body, 4, protowire.BytesType)
		body = protowire.AppendBytes(body, m)
	}
	return body
}

func encodedMsg(t testing.TB, m *txpb.Msg) []byte {
	t.Helper()
	bz, err := proto.Marshal(m)
	require.NoError(t, err)
	return bz
}

type decodeCase struct {
	name string
	raw  func(t testing.TB) []byte
	want *tx.Error // nil: Decode succeeds
}

func decodeCases() []decodeCase {
	bodyCase := func(name string, want *tx.Error, f func(b *txpb.TxBody)) decodeCase {
		return decodeCase{name, func(t testing.TB) []byte { return signedRaw(t, withBody(f)) }, want}
	}
	rawBodyCase := func(name string, want *tx.Error, body func(t testing.TB) []byte) decodeCase {
		return decodeCase{name, func(t testing.TB) []byte {
			bz := body(t)
			return envelope(t, bz, sign(t, alice, bz))
		}, want}
	}
	sigCase := func(name string, n int) decodeCase {
		return decodeCase{name, func(t testing.TB) []byte {
			return envelope(t, marshalBody(t, validBody()), bytes.Repeat([]byte{7}, n))
		}, tx.ErrBadSignature}
	}
	return []decodeCase{
		{"nil", func(testing.TB) []byte { return nil }, tx.ErrMalformed},
		{"empty", func(testing.TB) []byte { return []byte{} }, tx.ErrMalformed},
		{"garbage", func(testing.TB) []byte { return []byte{0xff, 0xff, 0xff, 0xff} }, tx.ErrMalformed},
		{"invalid wire type", func(testing.TB) []byte { return []byte{0x0f, 0x01} }, tx.ErrMalformed},
		{"truncated", func(t testing.TB) []byte {
			raw := signedRaw(t, validBody())
			return raw[:len(raw)-1]
		}, tx.ErrMalformed},
		{"oversize zeros", func(testing.TB) []byte { return make([]byte, tx.MaxTxBytes+1) }, tx.ErrTooLarge},
		{"oversize valid tx", func(t testing.TB) []byte {
			return padTo(t, signedRaw(t, validBody()), tx.MaxTxBytes+1)
		}, tx.ErrTooLarge},
		{"exactly MaxTxBytes", func(t testing.TB) []byte {
			return padTo(t, signedRaw(t, validBody()), tx.MaxTxBytes)
		}, nil},
		sigCase("no signature", 0),
		sigCase("short signature", tx.SignatureSize-1),
		sigCase("long signature", tx.SignatureSize+1),
		{"signature only", func(t testing.TB) []byte { return envelope(t, nil, make([]byte, 64)) }, tx.ErrMalformed},
		{"garbage body", func(t testing.TB) []byte {
			return envelope(t, []byte{0xff, 0xff}, make([]byte, 64))
		}, tx.ErrMalformed},
		{"bad signature length wins over bad body", func(t testing.TB) []byte {
			return envelope(t, []byte{0xff, 0xff}, make([]byte, 10))
		}, tx.ErrBadSignature},
		bodyCase("no pubkey", tx.ErrMalformed, func(b *txpb.TxBody) { b.SignerPubKey = nil }),
		bodyCase("short pubkey", tx.ErrMalformed, func(b *txpb.TxBody) { b.SignerPubKey = b.SignerPubKey[:31] }),
		bodyCase("long pubkey", tx.ErrMalformed, func(b *txpb.TxBody) { b.SignerPubKey = append(b.SignerPubKey, 0) }),
		bodyCase("empty chain id", tx.ErrMalformed, func(b *txpb.TxBody) { b.ChainId = "" }),
		bodyCase("chain id too long", tx.ErrMalformed, func(b *txpb.TxBody) { b.ChainId = strings.Repeat("c", tx.MaxChainIDLen+1) }),
		bodyCase("chain id at limit", nil, func(b *txpb.TxBody) { b.ChainId = strings.Repeat("c", tx.MaxChainIDLen) }),
		rawBodyCase("chain id not UTF-8", tx.ErrMalformed, func(t testing.TB) []byte {
			b := validBody()
			b.ChainId = ""
			body := protowire.AppendTag(nil, 1, protowire.BytesType)
			body = protowire.AppendBytes(body, []byte{0xff, 0xfe})
			return append(body, marshalBody(t, b)...)
		}),
		bodyCase("nonce 0", tx.ErrBadNonce, func(b *txpb.TxBody) { b.Nonce = 0 }),
		bodyCase("max nonce", nil, func(b *txpb.TxBody) { b.Nonce = ^uint64(0) }),
		bodyCase("memo too long", tx.ErrTooLarge, func(b *txpb.TxBody) { b.Memo = strings.Repeat("m", tx.MaxMemoBytes+1) }),
		bodyCase("memo at limit", nil, func(b *txpb.TxBody) { b.Memo = strings.Repeat("m", tx.MaxMemoBytes) }),
		bodyCase("memo limit counts bytes", tx.ErrTooLarge, func(b *txpb.TxBody) { b.Memo = strings.Repeat("é", tx.MaxMemoBytes/2+1) }),
		bodyCase("no messages", tx.ErrNoMessages, func(b *txpb.TxBody) { b.Msgs = nil }),
		bodyCase("too many messages", tx.ErrTooManyMsgs, func(b *txpb.TxBody) { b.Msgs = nMsgs(tx.MaxMsgs + 1) }),
		bodyCase("messages at limit", nil, func(b *txpb.TxBody) { b.Msgs = nMsgs(tx.MaxMsgs) }),
		bodyCase("empty message", tx.ErrUnknownMsg, func(b *txpb.TxBody) { b.Msgs = []*txpb.Msg{{}} }),
		bodyCase("second message empty", tx.ErrUnknownMsg, func(b *txpb.TxBody) { b.Msgs = append(b.Msgs, &txpb.Msg{}) }),
		rawBodyCase("unknown message type", tx.ErrUnknownMsg, func(t testing.TB) []byte {
			m := protowire.AppendTag(nil, 99, protowire.BytesType)
			return bodyWithRawMsg(t, protowire.AppendBytes(m, []byte{0x0a, 0x01, 'x'}))
		}),
		rawBodyCase("known then unknown message", tx.ErrUnknownMsg, func(t testing.TB) []byte {
			m := protowire.AppendTag(nil, 1000, protowire.VarintType)
			return bodyWithRawMsg(t, encodedMsg(t, transferMsg(1)), protowire.AppendVarint(m, 1))
		}),
		rawBodyCase("malformed message", tx.ErrMalformed, func(t testing.TB) []byte {
			return bodyWithRawMsg(t, []byte{0x22, 0x05, 0x01}) // transfer field, length past the end
		}),
		rawBodyCase("unknown body field is kept", nil, func(t testing.TB) []byte {
			body := marshalBody(t, validBody())
			body = protowire.AppendTag(body, 77, protowire.VarintType)
			return protowire.AppendVarint(body, 5)
		}),
		{"nonce is checked before messages", func(t testing.TB) []byte {
			return signedRaw(t, withBody(func(b *txpb.TxBody) { b.Nonce = 0; b.Msgs = nil }))
		}, tx.ErrBadNonce},
	}
}

var allTxErrors = []*tx.Error{
	tx.ErrInternal, tx.ErrMalformed, tx.ErrTooLarge, tx.ErrBadSignature, tx.ErrWrongChain,
	tx.ErrBadNonce, tx.ErrUnknownSigner, tx.ErrUnauthorized, tx.ErrExpired, tx.ErrNoMessages,
	tx.ErrTooManyMsgs, tx.ErrInvalidField, tx.ErrUnknownMsg, tx.ErrBadAddress, tx.ErrNotFound,
}

func TestDecodeTable(t *testing.T) {
	for _, tc := range decodeCases() {
		t.Run(tc.name, func(t *testing.T) {
			raw := tc.raw(t)
			d, err := tx.Decode(raw)
			if tc.want == nil {
				require.NoError(t, err)
				require.NotNil(t, d)
				requireDecodedInvariants(t, raw, d)
				return
			}
			require.Error(t, err)
			require.Nil(t, d)
			require.ErrorIs(t, err, tc.want)
			for _, other := range allTxErrors {
				if other != tc.want {
					require.NotErrorIs(t, err, other)
				}
			}
			var coded *tx.Error
			require.True(t, errors.As(err, &coded))
			require.Equal(t, tc.want.Code, coded.Code)
			require.True(t, strings.HasPrefix(err.Error(), tc.want.ID()), "%q", err.Error())
		})
	}
}

// requireDecodedInvariants checks what a successful Decode guarantees.
func requireDecodedInvariants(t testing.TB, raw []byte, d *tx.Decoded) {
	t.Helper()
	sum := sha256.Sum256(raw)
	require.Equal(t, sum[:], d.Hash)
	require.Equal(t, sum[:], tx.Hash(raw))
	require.Equal(t, strings.ToUpper(hex.EncodeToString(sum[:])), tx.HashHex(raw))
	require.Equal(t, raw, d.Raw)
	require.Equal(t, tx.AddressOf(d.Body.SignerPubKey), d.Signer)
	require.NoError(t, tx.ValidateAddress("signer", d.Signer))
	require.Len(t, d.Signature, tx.SignatureSize)
	require.Len(t, d.Body.SignerPubKey, tx.PubKeySize)
	require.NotZero(t, d.Body.Nonce)
	require.NotEmpty(t, d.Body.ChainId)
	require.LessOrEqual(t, len(d.Body.ChainId), tx.MaxChainIDLen)
	require.LessOrEqual(t, len(d.Body.Memo), tx.MaxMemoBytes)
	require.NotEmpty(t, d.Body.Msgs)
	require.LessOrEqual(t, len(d.Body.Msgs), tx.MaxMsgs)
	known := map[string]bool{}
	for _, name := range tx.MsgTypes() {
		known[name] = true
	}
	for _, m := range d.Body.Msgs {
		require.True(t, known[tx.MsgType(m)], "message type %q", tx.MsgType(m))
		require.NotNil(t, tx.Inner(m))
	}
	var body txpb.TxBody
	require.NoError(t, proto.Unmarshal(d.BodyBytes, &body))
	require.True(t, proto.Equal(&body, d.Body))

	// Re-encoding the envelope from its parts decodes to the same transaction.
	raw2, err := proto.Marshal(&txpb.Tx{Body: d.BodyBytes, Signature: d.Signature})
	require.NoError(t, err)
	require.LessOrEqual(t, len(raw2), len(raw))
	d2, err := tx.Decode(raw2)
	require.NoError(t, err)
	require.Equal(t, d.BodyBytes, d2.BodyBytes)
	require.Equal(t, d.Signature, d2.Signature)
	require.Equal(t, d.Signer, d2.Signer)
	require.True(t, proto.Equal(d.Body, d2.Body))
	require.Equal(t, d.VerifySignature(), d2.VerifySignature())
}

func TestSignDecodeVerify(t *testing.T) {
	body := validBody()
	body.SignerPubKey = nil
	raw, err := tx.Sign(alice, body)
	require.NoError(t, err)
	require.Equal(t, alice.PubKey().Bytes(), body.SignerPubKey, "Sign fills in the signer key")

	d, err := tx.Decode(raw)
	require.NoError(t, err)
	requireDecodedInvariants(t, raw, d)
	require.True(t, d.VerifySignature())
	require.Equal(t, tx.AddressOf(alice.PubKey().Bytes()), d.Signer)
	require.True(t, proto.Equal(body, d.Body))
	require.Equal(t, marshalBody(t, body), d.BodyBytes, "body is encoded deterministically")

	again, err := tx.Sign(alice, body)
	require.NoError(t, err)
	require.Equal(t, raw, again, "Ed25519 signing is deterministic")

	// Every body change that still decodes invalidates the signature.
	decodable := 0
	for i := range d.BodyBytes {
		for _, mask := range []byte{0x01, 0x20, 0x80} {
			mutated := bytes.Clone(d.BodyBytes)
			mutated[i] ^= mask
			md, err := tx.Decode(envelope(t, mutated, d.Signature))
			if err != nil {
				continue
			}
			decodable++
			require.False(t, md.VerifySignature(), "body byte %d ^ %#x still verifies", i, mask)
		}
	}
	require.Greater(t, decodable, 10)

	// Every signature change fails.
	for i := range d.Signature {
		sig := bytes.Clone(d.Signature)
		sig[i] ^= 0x01
		md, err := tx.Decode(envelope(t, d.BodyBytes, sig))
		require.NoError(t, err)
		require.False(t, md.VerifySignature(), "signature byte %d", i)
	}
}

func TestSignatureBinding(t *testing.T) {
	body := marshalBody(t, validBody())
	verify := func(raw []byte) bool {
		d, err := tx.Decode(raw)
		require.NoError(t, err)
		return d.VerifySignature()
	}
	require.True(t, verify(envelope(t, body, sign(t, alice, body))))

	// Signed by another key than the one named in the body.
	require.False(t, verify(envelope(t, body, sign(t, bob, body))))

	// Signed without the domain separator.
	plain, err := alice.Sign(body)
	require.NoError(t, err)
	require.False(t, verify(envelope(t, body, plain)))

	// A signature for another chain's body does not transfer.
	other := marshalBody(t, withBody(func(b *txpb.TxBody) { b.ChainId = "other-chain" }))
	require.False(t, verify(envelope(t, body, sign(t, alice, other))))

	// tx.Sign with a body naming someone else's key produces an unverifiable tx.
	b := validBody()
	b.SignerPubKey = bob.PubKey().Bytes()
	raw, err := tx.Sign(alice, b)
	require.NoError(t, err)
	require.False(t, verify(raw))
	require.Equal(t, bob.PubKey().Bytes(), b.SignerPubKey, "Sign keeps an explicit signer key")

	require.Equal(t, append([]byte("puhui/tx/v1\x00"), body...), tx.SignBytes(body))
	require.Equal(t, []byte("puhui/tx/v1\x00"), tx.SignBytes(nil))
}

func TestDecodeDoesNotAliasInput(t *testing.T) {
	raw := signedRaw(t, validBody())
	d, err := tx.Decode(raw)
	require.NoError(t, err)
	body := bytes.Clone(d.BodyBytes)
	sig := bytes.Clone(d.Signature)
	pub := bytes.Clone(d.Body.SignerPubKey)
	for i := range raw {
		raw[i] = 0
	}
	require.Equal(t, body, d.BodyBytes)
	require.Equal(t, sig, d.Signature)
	require.Equal(t, pub, d.Body.SignerPubKey)
	require.True(t, d.VerifySignature())
}
