package store

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pokt-network/smt"
	"github.com/stretchr/testify/require"
)

func proofDB(t *testing.T) (*DB, *Snapshot) {
	t.Helper()
	db := openMem(t, 0)
	var cs changeSet
	for i := range 40 {
		cs = append(cs, kvPair{fmt.Sprintf("acct/%02d", i), fmt.Sprintf("balance-%d", i*7)})
	}
	applyCommit(t, db, 1, cs)
	applyCommit(t, db, 2, set("acct/05", "", "acct/06", "changed"))
	s := db.Snapshot()
	t.Cleanup(func() { s.Close() })
	return db, s
}

func prove(t *testing.T, s *Snapshot, key string) []byte {
	t.Helper()
	p, err := s.Prove([]byte(key))
	require.NoError(t, err)
	require.NotEmpty(t, p)
	return p
}

func TestMembershipProof(t *testing.T) {
	db, s := proofDB(t)
	require.Equal(t, int64(2), s.Height)
	_, root := db.LastCommit()
	require.Equal(t, root, s.Root)

	key := []byte("acct/07")
	val := []byte("balance-49")
	p := prove(t, s, string(key))
	require.NoError(t, VerifyProof(s.Root, key, val, p))
	require.NoError(t, VerifyProof(s.Root, key, s.Get(key), p))

	// A changed value, a value claimed absent, another key, another root: all fail.
	require.ErrorIs(t, VerifyProof(s.Root, key, []byte("balance-50"), p), ErrProofInvalid)
	require.ErrorIs(t, VerifyProof(s.Root, key, append(val, 0), p), ErrProofInvalid)
	require.Error(t, VerifyProof(s.Root, key, nil, p))
	require.Error(t, VerifyProof(s.Root, []byte("acct/08"), val, p))
	require.Error(t, VerifyProof(s.Root, []byte("acct/08"), []byte("balance-56"), p))
	otherRoot := bytes.Clone(s.Root)
	otherRoot[0] ^= 1
	require.ErrorIs(t, VerifyProof(otherRoot, key, val, p), ErrProofInvalid)

	// The proof against the previous height's root fails; a proof from that height's
	// snapshot does not apply to the current root for a changed key.
	db2 := openMem(t, 0)
	var cs changeSet
	for i := range 40 {
		cs = append(cs, kvPair{fmt.Sprintf("acct/%02d", i), fmt.Sprintf("balance-%d", i*7)})
	}
	oldRoot := applyCommit(t, db2, 1, cs)
	require.ErrorIs(t, VerifyProof(oldRoot, key, val, p), ErrProofInvalid)
	old := db2.Snapshot()
	defer old.Close()
	p6, err := old.Prove([]byte("acct/06"))
	require.NoError(t, err)
	require.NoError(t, VerifyProof(oldRoot, []byte("acct/06"), []byte("balance-42"), p6))
	require.Error(t, VerifyProof(s.Root, []byte("acct/06"), []byte("balance-42"), p6))
	require.Error(t, VerifyProof(s.Root, []byte("acct/06"), []byte("changed"), p6))

	// Every key proves its own value.
	for i := range 40 {
		k := fmt.Sprintf("acct/%02d", i)
		requireProves(t, db, k, s.Get([]byte(k)))
	}
}

func TestNonMembershipProof(t *testing.T) {
	_, s := proofDB(t)
	for _, key := range []string{"acct/05", "acct/99", "", "zzz"} {
		p := prove(t, s, key)
		require.Nil(t, s.Get([]byte(key)))
		require.NoError(t, VerifyProof(s.Root, []byte(key), nil, p), "absent %q", key)
		require.NoError(t, VerifyProof(s.Root, []byte(key), []byte{}, p), "empty value means absent")
		require.Error(t, VerifyProof(s.Root, []byte(key), []byte("balance-35"), p), "claimed value for %q", key)
		require.Error(t, VerifyProof(s.Root, []byte(key), []byte("x"), p))
		other := bytes.Clone(s.Root)
		other[31] ^= 0x80
		require.Error(t, VerifyProof(other, []byte(key), nil, p))
	}
	// A non-membership proof of one key does not prove a present key absent.
	p := prove(t, s, "acct/99")
	require.Error(t, VerifyProof(s.Root, []byte("acct/07"), nil, p))
}

func TestProofOnEmptyTree(t *testing.T) {
	db := openMem(t, 0)
	s := db.Snapshot()
	defer s.Close()
	p := prove(t, s, "anything")
	require.NoError(t, VerifyProof(s.Root, []byte("anything"), nil, p))
	require.Error(t, VerifyProof(s.Root, []byte("anything"), []byte("v"), p))
}

func TestTamperedProof(t *testing.T) {
	_, s := proofDB(t)
	key, val := []byte("acct/07"), []byte("balance-49")
	p := prove(t, s, string(key))

	var decoded smt.SparseMerkleProof
	require.NoError(t, decoded.Unmarshal(p))
	require.NotEmpty(t, decoded.SideNodes)

	// Flip a byte inside every side node hash: each must be rejected.
	for i, side := range decoded.SideNodes {
		at := bytes.Index(p, side)
		require.GreaterOrEqual(t, at, 0, "side node %d not found in encoding", i)
		bad := bytes.Clone(p)
		bad[at+len(side)/2] ^= 0x01
		require.ErrorIs(t, VerifyProof(s.Root, key, val, bad), ErrProofInvalid, "side node %d", i)
	}

	// Garbage and truncations are errors, never panics.
	for _, bad := range [][]byte{nil, {}, {0}, {0xff, 0xff, 0xff}, []byte("not a proof"), p[:len(p)/2], p[:len(p)-1]} {
		require.Error(t, VerifyProof(s.Root, key, val, bad))
	}

	// Every single-byte change: no panic; accepted only if what is verified (side nodes
	// and non-membership leaf) is unchanged, e.g. a change to the ignored sibling data's
	// field name in gob's type description.
	for i := range p {
		for _, mask := range []byte{0x01, 0x80, 0xff} {
			bad := bytes.Clone(p)
			bad[i] ^= mask
			var err error
			require.NotPanics(t, func() { err = VerifyProof(s.Root, key, val, bad) }, "byte %d mask %#x", i, mask)
			if err == nil {
				var got smt.SparseMerkleProof
				require.NoError(t, got.Unmarshal(bad))
				require.Equal(t, decoded.SideNodes, got.SideNodes, "byte %d mask %#x accepted with other side nodes", i, mask)
				require.Equal(t, decoded.NonMembershipLeafData, got.NonMembershipLeafData)
			} else if !errors.Is(err, ErrProofInvalid) {
				require.Contains(t, err.Error(), "decode proof")
			}
		}
	}

}

// verifyCatching calls VerifyProof and turns a panic into a value.
func verifyCatching(root, key, value, proof []byte) (err error, panicked any) {
	defer func() { panicked = recover() }()
	return VerifyProof(root, key, value, proof), nil
}

// Every single-byte change of non-membership proofs (placeholder and unrelated-leaf kinds)
// must be rejected or be harmless, and must never panic.
func TestTamperedNonMembershipProof(t *testing.T) {
	_, s := proofDB(t)
	var panics []string
	for _, absent := range []string{"acct/99", "acct/05", "q", "zzz"} {
		np := prove(t, s, absent)
		var orig smt.SparseMerkleProof
		require.NoError(t, orig.Unmarshal(np))
		for i := range np {
			for _, mask := range []byte{0x01, 0xff} {
				bad := bytes.Clone(np)
				bad[i] ^= mask
				err, p := verifyCatching(s.Root, []byte(absent), nil, bad)
				if p != nil {
					panics = append(panics, fmt.Sprintf("key %q byte %d mask %#x: %v", absent, i, mask, p))
					continue
				}
				if err == nil {
					var got smt.SparseMerkleProof
					require.NoError(t, got.Unmarshal(bad))
					require.Equal(t, orig.SideNodes, got.SideNodes)
					require.Equal(t, orig.NonMembershipLeafData, got.NonMembershipLeafData)
				}
			}
		}
	}
	if len(panics) > 0 {
		t.Fatalf("store.VerifyProof panics on %d tampered non-membership proofs, e.g. %s", len(panics), panics[0])
		t.Fatalf("VerifyProof panicked on %d tampered proofs:\n%s", len(panics), strings.Join(panics, "\n"))
	}
}

// Minimal reproduction: a non-membership proof whose unrelated-leaf data does not start
// with the leaf prefix makes smt.VerifyProof panic ("invalid prefix" in checkPrefix), and
// store.VerifyProof lets the panic through. client.VerifyEntries calls VerifyProof on
// proofs from an untrusted node, so such a node can crash the client.
func TestVerifyProofRejectsNonLeafNonMembershipData(t *testing.T) {
	_, s := proofDB(t)
	leaf := make([]byte, 1+32+32) // prefix, path, value hash
	leaf[0] = 0x01                // inner-node prefix instead of the leaf prefix 0x00
	crafted, err := (&smt.SparseMerkleProof{NonMembershipLeafData: leaf}).Marshal()
	require.NoError(t, err)

	err, p := verifyCatching(s.Root, []byte("acct/99"), nil, crafted)
	if p != nil {
		t.Fatalf("store.VerifyProof panics (%v) on a crafted non-membership proof", p)
	}
	require.Nil(t, p, "VerifyProof panicked")
	require.Error(t, err)
}

// A snapshot keeps serving its height (reads and proofs) while later heights commit.
func TestSnapshotIsolation(t *testing.T) {
	db := openMem(t, 1)
	applyCommit(t, db, 1, set("k", "v1", "x", "1"))
	old := db.Snapshot()
	defer old.Close()
	applyCommit(t, db, 2, set("k", "v2", "x", ""))
	applyCommit(t, db, 3, set("k", "v3", "y", "2"))
	applyCommit(t, db, 4, set("k", "v4"))

	require.Equal(t, int64(1), old.Height)
	require.Equal(t, []byte("v1"), old.Get([]byte("k")))
	require.Equal(t, []kvPair{{"k", "v1"}, {"x", "1"}}, collect(old, nil, nil))
	for k, v := range map[string][]byte{"k": []byte("v1"), "x": []byte("1"), "y": nil} {
		p, err := old.Prove([]byte(k))
		require.NoError(t, err)
		require.NoError(t, VerifyProof(old.Root, []byte(k), v, p), k)
	}
	requireProves(t, db, "k", []byte("v4"))
	requireProves(t, db, "x", nil)
}
