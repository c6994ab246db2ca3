package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/puhui-chain/puhui/x/core"
)

// PrivateStore keeps what execution hands to the node's private stores (core.Context.Private):
// bytes every node computes alike but that must not be in state, where anyone who can query
// the chain reads them; today, credit reports, whose sha256 alone is in state.
//
// The application writes a block's outputs in Commit before the state, so that a crash
// between the two re-executes the block, which writes the same bytes again. A node that
// kept none (it joined by state import, or lost its store) refuses to serve a report rather
// than serve another: every read is checked against the recorded hash.
type PrivateStore interface {
	Put(outputs []core.PrivateOutput) error // durable when it returns
	Get(key string) ([]byte, bool, error)
}

// UsePrivateStore sets where the application keeps private outputs (by default in memory,
// which suits tests; a node keeps them on disk: DirStore).
func (a *App) UsePrivateStore(s PrivateStore) { a.private = s }

// memStore is a PrivateStore in memory.
type memStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

func newMemStore() *memStore { return &memStore{m: map[string][]byte{}} }

func (s *memStore) Put(outputs []core.PrivateOutput) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range outputs {
		s.m[o.Key] = o.Value
	}
	return nil
}

func (s *memStore) Get(key string) ([]byte, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	return v, ok, nil
}

// DirStore keeps private outputs as files under a directory, one per key (keys are
// slash-separated paths of lower-case hex, digits and names), each written to a temporary
// file, synced and renamed.
type DirStore struct{ Dir string }

func (s DirStore) path(key string) (string, error) {
	if key == "" || strings.Contains(key, "..") || strings.HasPrefix(key, "/") {
		return "", fmt.Errorf("private store: bad key %q", key)
	}
	return filepath.Join(s.Dir, filepath.FromSlash(key)), nil
}

func (s DirStore) Put(outputs []core.PrivateOutput) error {
	for _, o := range outputs {
		p, err := s.path(o.Key)
		if err != nil {
			return err
		}
		if err := writeSynced(p, o.Value); err != nil {
			return fmt.Errorf("private store: %w", err)
		}
	}
	return nil
}

func (s DirStore) Get(key string) ([]byte, bool, error) {
	p, err := s.path(key)
	if err != nil {
		return nil, false, err
	}
	b, err := os.ReadFile(p)
	if os.IsNotExist(err) {
		return nil, false, nil
	}
	return b, err == nil, err
}

func writeSynced(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	dir, err := os.Open(filepath.Dir(path)) // the rename itself survives a crash once its directory is synced
	if err != nil {
		return err
	}
	defer dir.Close()
	return dir.Sync()
}
