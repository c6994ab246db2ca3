package proof

import (
	"crypto/sha256"
	"errors"
	"testing"

	"github.com/pokt-network/smt"
	"github.com/pokt-network/smt/kvstore/simplemap"
)

// The store's tests check proofs of a real state tree through store.VerifyProof; these check
// this package alone, on a tree of smt's own.
func TestVerify(t *testing.T) {
	trie := smt.NewSparseMerkleTrie(simplemap.NewSimpleMap(), sha256.New())
	for _, k := range []string{"a", "b", "c"} {
		if err := trie.Update([]byte(k), []byte("v"+k)); err != nil {
			t.Fatal(err)
		}
	}
	if err := trie.Commit(); err != nil {
		t.Fatal(err)
	}
	root := trie.Root()
	p, err := trie.Prove([]byte("b"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := p.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(root, []byte("b"), []byte("vb"), raw); err != nil {
		t.Fatalf("a good proof: %v", err)
	}
	if err := Verify(root, []byte("b"), []byte("other"), raw); !errors.Is(err, ErrInvalid) {
		t.Fatalf("a wrong value: %v, want ErrInvalid", err)
	}
	if err := Verify(root, []byte("b"), []byte("vb"), raw[:len(raw)/2]); err == nil {
		t.Fatal("a truncated proof verified")
	}
}
