package docstore

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotFound is a document the store does not hold.
var ErrNotFound = errors.New("docstore: no such document")

// Store keeps ciphertexts in a directory, one file per document named by its hash. It
// never holds a plaintext or a key.
type Store struct{ dir string }

// OpenStore opens (creating) a store in dir.
func OpenStore(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &Store{dir: dir}, nil
}

func (s *Store) path(hash []byte) (string, error) {
	if len(hash) != KeySize {
		return "", fmt.Errorf("docstore: a hash is %d bytes, got %d", KeySize, len(hash))
	}
	return filepath.Join(s.dir, hex.EncodeToString(hash)), nil
}

// Put stores a ciphertext under its hash (written to a temporary file and renamed, so a
// crash leaves no partial document) and returns the hash.
func (s *Store) Put(ciphertext []byte) ([]byte, error) {
	hash := Hash(ciphertext)
	p, _ := s.path(hash)
	tmp, err := os.CreateTemp(s.dir, ".put-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(ciphertext); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Close(); err != nil {
		return nil, err
	}
	return hash, os.Rename(tmp.Name(), p)
}

// Get reads a ciphertext and checks it still matches its hash (a file damaged on disk is
// not served).
func (s *Store) Get(hash []byte) ([]byte, error) {
	p, err := s.path(hash)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if !Verify(b, hash) {
		return nil, fmt.Errorf("docstore: %s is damaged on disk", hex.EncodeToString(hash))
	}
	return b, nil
}

// Verify reports whether a ciphertext matches the hash on chain.
func Verify(ciphertext, hash []byte) bool {
	got := Hash(ciphertext)
	return len(hash) == len(got) && string(got) == string(hash)
}
