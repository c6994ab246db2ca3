package tx

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/tx/txpb"
)

// signDomain separates Puhui transaction signatures from any other use of the same key
// (consensus votes, other chains' formats). The chain id inside the body separates chains.
const signDomain = "puhui/tx/v1\x00"

// SignBytes is what the signer signs: the domain separator followed by the exact body bytes.
func SignBytes(body []byte) []byte {
	out := make([]byte, 0, len(signDomain)+len(body))
	out = append(out, signDomain...)
	return append(out, body...)
}

// Hash is the transaction id: SHA-256 of the exact bytes submitted, as CometBFT computes it.
func Hash(raw []byte) []byte {
	sum := sha256.Sum256(raw)
	return sum[:]
}

// HashHex is Hash in the upper-case hex form CometBFT's RPC uses.
func HashHex(raw []byte) string { return strings.ToUpper(hex.EncodeToString(Hash(raw))) }

// Sign encodes body, signs it with key and returns the encoded Tx ready to submit.
func Sign(key ed25519.PrivKey, body *txpb.TxBody) ([]byte, error) {
	if len(body.SignerPubKey) == 0 {
		body.SignerPubKey = key.PubKey().Bytes()
	}
	bodyBytes, err := proto.MarshalOptions{Deterministic: true}.Marshal(body)
	if err != nil {
		return nil, err
	}
	sig, err := key.Sign(SignBytes(bodyBytes))
	if err != nil {
		return nil, err
	}
	return proto.Marshal(&txpb.Tx{Body: bodyBytes, Signature: sig})
}

// VerifySignature checks one transaction's signature on its own (the app batches instead).
func (d *Decoded) VerifySignature() bool {
	return ed25519.PubKey(d.Body.SignerPubKey).VerifySignature(SignBytes(d.BodyBytes), d.Signature)
}

// reportReadDomain separates a signed read of a credit report from every other signature.
const reportReadDomain = "puhui/credit/report/v1\x00"

// ReportReadBytes are the bytes a reader signs to read the report of a borrower's access id
// at unix time: the request names exactly one report and is fresh for a few minutes.
func ReportReadBytes(borrower string, id, unix int64) []byte {
	return fmt.Appendf([]byte(reportReadDomain), "%s\x00%d\x00%d", borrower, id, unix)
}
