package docs

import (
	"encoding/hex"
	"strings"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
)

// Module is the private-document registry as the application plugs it in. Handlers add
// "the owner only" for grants and revocations; any member may receive documents.
func Module() module.Module {
	return module.Module{
		Name:     "docs",
		Prefixes: [][]byte{core.Key("docs", "")},
		Routes: []module.Route{
			module.Handle("set_encryption_key", identity.MemberRoles, (*txpb.Msg).GetSetEncryptionKey, SetEncryptionKey),
			module.Handle("register_document", identity.DocOwners, (*txpb.Msg).GetRegisterDocument, RegisterDocument),
			module.Handle("grant_document", identity.DocOwners, (*txpb.Msg).GetGrantDocument, GrantDocument),
			module.Handle("revoke_document_grant", identity.DocOwners, (*txpb.Msg).GetRevokeDocumentGrant, RevokeDocumentGrant),
		},
		Queries: []module.Query{
			module.Answer(query.GetEncryptionKey, func(q module.QueryContext, addr string) (query.EncryptionKey, error) {
				k, found := GetEncryptionKey(q.State, addr)
				if !found {
					return query.EncryptionKey{}, ErrNoEncryptionKey.Wrapf("%s has published no encryption key", addr)
				}
				return query.EncryptionKey{Address: addr, X25519PubKey: k.X25519PubKey, SetAt: k.SetAt}, nil
			}),
			module.Answer(query.GetDocument, func(q module.QueryContext, arg string) (query.Document, error) {
				hash, _ := hex.DecodeString(arg)
				d, found := GetDocument(q.State, hash)
				if !found {
					return query.Document{}, ErrUnknownDocument.Wrapf("document %s", arg)
				}
				return DocumentView(d, Grants(q.State, hash)), nil
			}),
			module.Answer(query.MayReadDocument, func(q module.QueryContext, arg string) (bool, error) {
				hashText, member, _ := strings.Cut(arg, "/")
				hash, err := hex.DecodeString(hashText)
				if err != nil || len(hash) != HashSize {
					return false, tx.ErrInvalidField.Wrapf("document hash %q: %d bytes in hex", hashText, HashSize)
				}
				return MayRead(q.State, hash, member), nil
			}),
			module.Answer(query.ListDocumentsOwned, func(q module.QueryContext, addr string) ([]query.Document, error) {
				owned := OwnedBy(q.State, addr)
				out := make([]query.Document, len(owned))
				for i, d := range owned {
					out[i] = DocumentView(d, nil)
				}
				return out, nil
			}),
		},
	}
}
