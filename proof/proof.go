package proof

import (
	"crypto/sha256"
	"errors"
	"fmt"

	"github.com/pokt-network/smt"
)

// ErrInvalid is returned when a proof does not match the root.
var ErrInvalid = errors.New("proof does not match the root")

// Verify checks an encoded proof that key maps to value (nil: key absent) under root.
// Proofs come from untrusted nodes: a malformed one is an error, never a panic (the tree
// library panics on some malformed leaf data).
func Verify(root, key, value, proofBytes []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: malformed proof: %v", ErrInvalid, r)
		}
	}()
	var p smt.SparseMerkleProof
	if err := p.Unmarshal(proofBytes); err != nil {
		return fmt.Errorf("decode proof: %w", err)
	}
	spec := smt.NewTrieSpec(sha256.New(), false)
	ok, verr := smt.VerifyProof(&p, root, key, value, &spec)
	if verr != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, verr)
	}
	if !ok {
		return ErrInvalid
	}
	return nil
}
