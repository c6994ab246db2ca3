package docs

import "github.com/puhui-chain/puhui/x/core"

// State keys (exported so that proofs can name them). Documents are keyed by their
// ciphertext hash.
func EncryptionKeyKey(member string) []byte { return core.Key("docs", "enc", member) }
func DocumentKey(hash []byte) []byte        { return core.Key("docs", "doc", string(hash)) }
func GrantKey(hash []byte, grantee string) []byte {
	return core.Key("docs", "grant", string(hash), grantee)
}
func grantPrefix(hash []byte) []byte { return core.Key("docs", "grant", string(hash), "") }
func ownedKey(owner string, hash []byte) []byte {
	return core.Key("docs", "owned", owner, string(hash))
}
func ownedPrefix(owner string) []byte { return core.Key("docs", "owned", owner, "") }
