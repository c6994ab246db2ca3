package docs

import (
	"encoding/hex"
	"github.com/puhui-chain/puhui/query"
	"net/url"
	"regexp"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// Sizes of the wire forms (see package docstore): X25519 keys are 32 bytes, a wrapped
// document key is the 32-byte key sealed with a 16-byte tag, a hash is sha256.
const (
	KeySize        = 32
	SealedKeySize  = 32 + 16
	HashSize       = tx.DocumentHashSize
	MaxDocumentLen = tx.MaxDocumentBytes
	maxURL         = 256
)

var kindText = regexp.MustCompile(`^[a-z_]{1,32}$`)

// HashText is a document hash as the API and events show it.
func HashText(h []byte) string { return hex.EncodeToString(h) }

// GetEncryptionKey reads a member's published X25519 key.
func GetEncryptionKey(r store.Reader, member string) (*statepb.EncryptionKey, bool) {
	var k statepb.EncryptionKey
	return &k, core.GetProto(r, EncryptionKeyKey(member), &k)
}

// GetDocument reads a document's record.
func GetDocument(r store.Reader, hash []byte) (*statepb.Document, bool) {
	var d statepb.Document
	return &d, core.GetProto(r, DocumentKey(hash), &d)
}

// GetGrant reads a grant (live or revoked).
func GetGrant(r store.Reader, hash []byte, grantee string) (*statepb.DocumentGrant, bool) {
	var g statepb.DocumentGrant
	return &g, core.GetProto(r, GrantKey(hash, grantee), &g)
}

// Grants lists a document's grants, by grantee.
func Grants(r store.Reader, hash []byte) []*statepb.DocumentGrant {
	return core.ListProto[statepb.DocumentGrant](r, grantPrefix(hash))
}

// OwnedBy lists a member's documents, by hash.
func OwnedBy(r store.Reader, owner string) []*statepb.Document {
	var out []*statepb.Document
	store.IteratePrefix(r, ownedPrefix(owner), func(k, _ []byte) bool {
		if d, ok := GetDocument(r, k[len(ownedPrefix(owner)):]); ok {
			out = append(out, d)
		}
		return true
	})
	return out
}

// MayRead reports whether a member may fetch a document's ciphertext: its owner, or a
// grantee whose grant is live.
func MayRead(r store.Reader, hash []byte, member string) bool {
	d, ok := GetDocument(r, hash)
	if !ok {
		return false
	}
	if d.Owner == member {
		return true
	}
	g, ok := GetGrant(r, hash, member)
	return ok && g.RevokedAt == 0
}

// SetEncryptionKey publishes the signer's X25519 key (a member; the route admits members).
func SetEncryptionKey(ctx *core.Context, m *txpb.MsgSetEncryptionKey) error {
	if len(m.X25519PubKey) != KeySize {
		return ErrBadKey.Wrapf("x25519_pub_key must be %d bytes, got %d", KeySize, len(m.X25519PubKey))
	}
	core.SetProto(ctx.KV, EncryptionKeyKey(ctx.Signer), &statepb.EncryptionKey{X25519PubKey: m.X25519PubKey, SetAt: ctx.Now()})
	ctx.Emit("docs.encryption_key_set", "member", ctx.Signer)
	return nil
}

func checkWrapped(field string, w *txpb.WrappedKey) error {
	if w == nil || len(w.EphemeralPubKey) != KeySize || len(w.SealedKey) != SealedKeySize {
		return ErrBadGrant.Wrapf("%s: a %d-byte ephemeral key and a %d-byte sealed key", field, KeySize, SealedKeySize)
	}
	return nil
}

// RegisterDocument records a document the signer keeps in its node's store.
func RegisterDocument(ctx *core.Context, m *txpb.MsgRegisterDocument) error {
	if len(m.CiphertextHash) != HashSize {
		return ErrBadDocument.Wrapf("ciphertext_hash must be %d bytes (sha256), got %d", HashSize, len(m.CiphertextHash))
	}
	if !kindText.MatchString(m.Kind) {
		return ErrBadDocument.Wrapf("kind %q: 1..32 of a-z and _", m.Kind)
	}
	if u, err := url.Parse(m.SourceUrl); err != nil || len(m.SourceUrl) > maxURL || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ErrBadDocument.Wrapf("source_url %q: an http(s) URL of at most %d bytes", m.SourceUrl, maxURL)
	}
	if m.Size <= 0 || m.Size > MaxDocumentLen {
		return ErrBadDocument.Wrapf("size %d: 1..%d bytes", m.Size, MaxDocumentLen)
	}
	if err := checkWrapped("owner_key", m.OwnerKey); err != nil {
		return err
	}
	if _, ok := GetEncryptionKey(ctx.KV, ctx.Signer); !ok {
		return ErrNoEncryptionKey.Wrapf("%s has published no encryption key", ctx.Signer)
	}
	if _, ok := GetDocument(ctx.KV, m.CiphertextHash); ok {
		return ErrDuplicate.Wrapf("document %s is registered", HashText(m.CiphertextHash))
	}
	core.SetProto(ctx.KV, DocumentKey(m.CiphertextHash), &statepb.Document{CiphertextHash: m.CiphertextHash,
		Owner: ctx.Signer, Kind: m.Kind, SourceUrl: m.SourceUrl, Size: m.Size, RegisteredAt: ctx.Now(), OwnerKey: m.OwnerKey})
	ctx.KV.Set(ownedKey(ctx.Signer, m.CiphertextHash), []byte{1})
	ctx.Emit("docs.registered", "document", HashText(m.CiphertextHash), "owner", ctx.Signer, "kind", m.Kind)
	return nil
}

// ownedDocument is the document a grant or revocation names, if the signer owns it.
func ownedDocument(ctx *core.Context, hash []byte, grantee string) (*statepb.Document, error) {
	d, ok := GetDocument(ctx.KV, hash)
	if !ok {
		return nil, ErrUnknownDocument.Wrapf("document %s", HashText(hash))
	}
	if d.Owner != ctx.Signer {
		return nil, ErrNotOwner.Wrapf("document %s belongs to %s", HashText(hash), d.Owner)
	}
	if err := tx.ValidateAddress("grantee", grantee); err != nil {
		return nil, err
	}
	return d, nil
}

// GrantDocument shares a document with a member: the key wrapped to its published key.
func GrantDocument(ctx *core.Context, m *txpb.MsgGrantDocument) error {
	if _, err := ownedDocument(ctx, m.CiphertextHash, m.Grantee); err != nil {
		return err
	}
	if m.Grantee == ctx.Signer {
		return ErrBadGrant.Wrapf("the owner needs no grant")
	}
	if !identity.IsMember(ctx.KV, m.Grantee) {
		return ErrBadGrant.Wrapf("grantee %s is not a member", m.Grantee)
	}
	if _, ok := GetEncryptionKey(ctx.KV, m.Grantee); !ok {
		return ErrNoEncryptionKey.Wrapf("grantee %s has published no encryption key", m.Grantee)
	}
	if err := checkWrapped("wrapped_key", m.WrappedKey); err != nil {
		return err
	}
	core.SetProto(ctx.KV, GrantKey(m.CiphertextHash, m.Grantee), &statepb.DocumentGrant{CiphertextHash: m.CiphertextHash,
		Grantee: m.Grantee, WrappedKey: m.WrappedKey, GrantedAt: ctx.Now()})
	ctx.Emit("docs.granted", "document", HashText(m.CiphertextHash), "owner", ctx.Signer, "grantee", m.Grantee)
	return nil
}

// RevokeDocumentGrant stops a grantee's future fetches.
func RevokeDocumentGrant(ctx *core.Context, m *txpb.MsgRevokeDocumentGrant) error {
	if _, err := ownedDocument(ctx, m.CiphertextHash, m.Grantee); err != nil {
		return err
	}
	g, ok := GetGrant(ctx.KV, m.CiphertextHash, m.Grantee)
	if !ok || g.RevokedAt != 0 {
		return ErrNoGrant.Wrapf("%s holds no live grant to %s", m.Grantee, HashText(m.CiphertextHash))
	}
	g.RevokedAt = ctx.Now()
	core.SetProto(ctx.KV, GrantKey(m.CiphertextHash, m.Grantee), g)
	ctx.Emit("docs.grant_revoked", "document", HashText(m.CiphertextHash), "owner", ctx.Signer, "grantee", m.Grantee)
	return nil
}

// DocumentView is a document's record with the given grants, as queries answer it.
func DocumentView(d *statepb.Document, grants []*statepb.DocumentGrant) query.Document {
	v := query.Document{Hash: HashText(d.CiphertextHash), Owner: d.Owner, Kind: d.Kind, SourceURL: d.SourceUrl,
		Size: d.Size, RegisteredAt: d.RegisteredAt, OwnerKey: wrappedView(d.OwnerKey)}
	for _, g := range grants {
		v.Grants = append(v.Grants, query.DocumentGrant{Grantee: g.Grantee, WrappedKey: wrappedView(g.WrappedKey),
			GrantedAt: g.GrantedAt, RevokedAt: g.RevokedAt})
	}
	return v
}

func wrappedView(w *txpb.WrappedKey) query.WrappedKey {
	return query.WrappedKey{EphemeralPubKey: w.GetEphemeralPubKey(), SealedKey: w.GetSealedKey()}
}
