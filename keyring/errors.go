package keyring

import "errors"

// Sentinel errors; callers test them with errors.Is. Messages never contain secrets.
var (
	ErrExists          = errors.New("keyring: a key with that name exists")
	ErrNotFound        = errors.New("keyring: no key with that name")
	ErrWrongPassphrase = errors.New("keyring: wrong passphrase (or the key was altered)")
	ErrBadName         = errors.New("keyring: key names are 1-64 characters of a-z A-Z 0-9 _ . - and do not start with '.'")
	ErrWeakPassphrase  = errors.New("keyring: passphrase must have at least 8 characters")
	ErrCorrupt         = errors.New("keyring: key data is corrupt")
)
