// Package docstore is the off-chain half of private documents (package x/docs keeps the
// on-chain half): the cryptography, the node's store of ciphertexts, and the signed
// requests by which members upload to their own node and fetch from another's.
//
//   - A document is sealed with a fresh 256-bit key (AES-256-GCM); its id is the sha256 of
//     the ciphertext, which is what goes on chain.
//   - The document key is wrapped to a member's X25519 key: an ephemeral X25519 key agrees a
//     secret with the recipient's, HKDF-SHA256 turns it into a key-encryption key, and
//     AES-256-GCM seals the document key under it (ECIES).
//   - A member's X25519 key is derived from its Ed25519 operator key by HKDF, so a member
//     holds one secret; the public half is published on chain (set_encryption_key).
//   - Requests to a node's document service carry the member's public key, the time and an
//     Ed25519 signature over both and the document hash; the node serves a ciphertext only
//     to its owner or a member with a live grant on chain.
//
// Everything here is standard library cryptography (crypto/ecdh, crypto/hkdf, crypto/aes,
// crypto/cipher).
package docstore
