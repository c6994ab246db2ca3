package store

import (
	"crypto/sha256"
	"fmt"
	"sync"

	"github.com/cockroachdb/pebble"
	"github.com/pokt-network/smt"

	"github.com/puhui-chain/puhui/proof"
)

// Snapshot is a consistent read-only view of one committed height, for queries on any
// goroutine. Close it when done.
type Snapshot struct {
	Height int64
	Root   []byte
	snap   *pebble.Snapshot
	once   sync.Once
	trie   *smt.SMT

	nodeCache *nodeCache // the database's: nodes are content-addressed, so any height may share it
}

// Snapshot opens a view of the last committed state.
func (db *DB) Snapshot() *Snapshot {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return &Snapshot{Height: db.height, Root: append([]byte(nil), db.root...), snap: db.pdb.NewSnapshot(),
		nodeCache: db.nodeCache}
}

// Close releases the snapshot.
func (s *Snapshot) Close() error { return s.snap.Close() }

// Get reads a state value at the snapshot's height.
func (s *Snapshot) Get(key []byte) []byte { return pebbleReader{s.snap}.Get(key) }

// Iterate walks state at the snapshot's height.
func (s *Snapshot) Iterate(start, end []byte, fn func(key, value []byte) bool) {
	pebbleReader{s.snap}.Iterate(start, end, fn)
}

// Prove returns the encoded proof that key has its current value (or is absent) under the
// snapshot's root.
func (s *Snapshot) Prove(key []byte) ([]byte, error) {
	s.once.Do(func() {
		s.trie = smt.ImportSparseMerkleTrie(newNodeStore(s.snap, s.nodeCache), sha256.New(), s.Root)
	})
	p, err := s.trie.Prove(key)
	if err != nil {
		return nil, fmt.Errorf("prove: %w", err)
	}
	return p.Marshal()
}

// ErrProofInvalid is returned when a proof does not match the root.
var ErrProofInvalid = proof.ErrInvalid

// VerifyProof checks an encoded proof that key maps to value (nil: key absent) under root;
// see proof.Verify, which light clients call without linking the store.
func VerifyProof(root, key, value, proofBytes []byte) error {
	return proof.Verify(root, key, value, proofBytes)
}
