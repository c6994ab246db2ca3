package keyring

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// writeNew creates path with data, failing with ErrExists if it is already there. The data
// goes to a synced temporary file in the same directory which is then hard-linked into
// place: link is atomic and never replaces an existing file, so a crash never leaves half a
// key and two concurrent adds of one name cannot both win.
func writeNew(path string, data []byte) error {
	tmp, err := writeTemp(filepath.Dir(path), data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := placeNew(tmp, path); err != nil {
		return err
	}
	return syncDir(filepath.Dir(path))
}

// placeNew moves the finished temporary file to path without replacing an existing file.
// Where hard links are unsupported it falls back to check-then-rename, which is still
// atomic for readers but only best-effort against a concurrent add of the same name.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil {
		return nil
	}
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%w: %s", ErrExists, filepath.Base(path))
	}
	if _, serr := os.Lstat(path); serr == nil {
		return fmt.Errorf("%w: %s", ErrExists, filepath.Base(path))
	}
	return os.Rename(tmp, path)
}

// writeTemp writes data to a new 0600 file in dir, synced to disk, and returns its path.
// The name starts with '.', which no key name may, so it is never mistaken for a key.
func writeTemp(dir string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, ".tmp-key-*")
	if err != nil {
		return "", err
	}
	name := f.Name()
	err = f.Chmod(0o600)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// syncDir makes a new directory entry durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
