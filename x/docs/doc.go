// Package docs keeps the on-chain half of private documents, Puhui's equivalent of
// Fabric's private data collections: a member's documents (financial statements, invoices,
// KYC files) stay encrypted in its own node's document store, and the chain carries only
// each document's ciphertext hash, its kind, where to fetch it, and who may read it.
//
// Access is a grant carrying the document key wrapped to the grantee's published X25519
// key; the owner's node serves the ciphertext only to a member with a live grant, and the
// grantee verifies it against the hash on chain. Revoking a grant stops future fetches;
// it cannot unlearn what the grantee already read. The cryptography and the node's store
// are in package docstore; this package never sees a key or a plaintext.
package docs
