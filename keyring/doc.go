// Package keyring is an encrypted on-disk store of Ed25519 keys, used by the CLI
// (puhui keys ...) and by the node for its operator key.
//
// It owns the keyring directory (mode 0700) and its files, one per key, named
// <name>.key.json (mode 0600). Each file holds the key's public data in clear and its
// private key sealed with XChaCha20-Poly1305 under a key derived from a passphrase by
// argon2id. The name and address are bound into the ciphertext as additional
// authenticated data, so a sealed key cannot be moved into another file. Keys can also be
// exported as armored text sealed under a separate passphrase.
//
// It must not:
//   - take part in consensus (it reads the wall clock and the system random source);
//   - log, print or put secrets (passphrases, private keys, derived keys) in errors;
//   - touch files outside its directory.
package keyring
