package docstore

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Headers of a signed document request.
const (
	HeaderKey       = "Puhui-Member-Key" // hex Ed25519 public key of the member
	HeaderTime      = "Puhui-Time"       // unix seconds
	HeaderSignature = "Puhui-Signature"  // hex Ed25519 signature
	// MaxSkew is how far a request's time may be from the serving node's clock: a captured
	// request cannot be replayed later.
	MaxSkew = 5 * time.Minute
)

// ErrUnsigned is a request without a valid member signature.
var ErrUnsigned = errors.New("docstore: request is not signed by a member key")

func signedBytes(method string, hash []byte, unix int64) []byte {
	return fmt.Appendf(nil, "puhui/docs/request/v1\x00%s\x00%x\x00%d", method, hash, unix)
}

// Sign adds a member's signature to a request for the document hash.
func Sign(req *http.Request, operator ed25519.PrivateKey, hash []byte, now time.Time) {
	unix := now.Unix()
	req.Header.Set(HeaderKey, hex.EncodeToString(operator.Public().(ed25519.PublicKey)))
	req.Header.Set(HeaderTime, strconv.FormatInt(unix, 10))
	req.Header.Set(HeaderSignature, hex.EncodeToString(ed25519.Sign(operator, signedBytes(req.Method, hash, unix))))
}

// VerifyRequest checks a request's signature for the document hash at the serving node's time
// now, and returns the signer's public key.
func VerifyRequest(req *http.Request, hash []byte, now time.Time) (ed25519.PublicKey, error) {
	pub, err := hex.DecodeString(req.Header.Get(HeaderKey))
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil, ErrUnsigned
	}
	unix, err := strconv.ParseInt(req.Header.Get(HeaderTime), 10, 64)
	if err != nil {
		return nil, ErrUnsigned
	}
	if d := now.Sub(time.Unix(unix, 0)); d > MaxSkew || d < -MaxSkew {
		return nil, fmt.Errorf("%w: request time is %s from this node's clock", ErrUnsigned, d.Round(time.Second))
	}
	sig, err := hex.DecodeString(req.Header.Get(HeaderSignature))
	if err != nil || !ed25519.Verify(pub, signedBytes(req.Method, hash, unix), sig) {
		return nil, ErrUnsigned
	}
	return pub, nil
}
