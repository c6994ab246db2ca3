package tx

import (
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/tx/txpb"
)

// Limits on what a node accepts; they protect decoding and execution from oversized input.
const (
	MaxTxBytes     = 64 << 10
	MaxMsgs        = 64
	MaxMemoBytes   = 256
	MaxChainIDLen  = 50
	SignatureSize  = 64
	MaxStringField = 128
)

// Limits of a private document (register_document), which the edges that carry its
// ciphertext off chain (the API's document service, the SDK) enforce too.
const (
	DocumentHashSize = 32       // sha256 of the ciphertext
	MaxDocumentBytes = 64 << 20 // 64 MiB of ciphertext
)

// Decoded is a transaction after decoding and stateless checks.
type Decoded struct {
	Raw       []byte
	Hash      []byte
	BodyBytes []byte
	Signature []byte
	Body      *txpb.TxBody
	Signer    string // address derived from Body.SignerPubKey
}

// Decode parses raw bytes and runs every check that needs no state and no signature
// verification: sizes, counts, field shapes. Signature and chain id are checked by the caller.
func Decode(raw []byte) (*Decoded, error) {
	if len(raw) > MaxTxBytes {
		return nil, ErrTooLarge.Wrapf("%d bytes, limit %d", len(raw), MaxTxBytes)
	}
	if len(raw) == 0 {
		return nil, ErrMalformed.Wrapf("empty transaction")
	}
	var envelope txpb.Tx
	if err := (proto.UnmarshalOptions{DiscardUnknown: false}).Unmarshal(raw, &envelope); err != nil {
		return nil, ErrMalformed.Wrapf("envelope: %v", err)
	}
	if len(envelope.Signature) != SignatureSize {
		return nil, ErrBadSignature.Wrapf("signature must be %d bytes", SignatureSize)
	}
	var body txpb.TxBody
	if err := proto.Unmarshal(envelope.Body, &body); err != nil {
		return nil, ErrMalformed.Wrapf("body: %v", err)
	}
	if err := checkBody(&body); err != nil {
		return nil, err
	}
	return &Decoded{
		Raw:       raw,
		Hash:      Hash(raw),
		BodyBytes: envelope.Body,
		Signature: envelope.Signature,
		Body:      &body,
		Signer:    AddressOf(body.SignerPubKey),
	}, nil
}

func checkBody(b *txpb.TxBody) error {
	switch {
	case len(b.SignerPubKey) != PubKeySize:
		return ErrMalformed.Wrapf("signer_pub_key must be %d bytes", PubKeySize)
	case len(b.ChainId) == 0 || len(b.ChainId) > MaxChainIDLen:
		return ErrMalformed.Wrapf("chain_id length must be 1..%d", MaxChainIDLen)
	case b.Nonce == 0:
		return ErrBadNonce.Wrapf("nonce starts at 1")
	case len(b.Memo) > MaxMemoBytes:
		return ErrTooLarge.Wrapf("memo over %d bytes", MaxMemoBytes)
	case len(b.Msgs) == 0:
		return ErrNoMessages
	case len(b.Msgs) > MaxMsgs:
		return ErrTooManyMsgs.Wrapf("%d messages, limit %d", len(b.Msgs), MaxMsgs)
	}
	for i, m := range b.Msgs {
		if MsgType(m) == "" {
			return ErrUnknownMsg.Wrapf("message %d has no known type", i)
		}
	}
	return nil
}
