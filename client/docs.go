package client

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/puhui-chain/puhui/query"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/puhui-chain/puhui/docstore"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// ErrNoDocumentAccess is a document the signer holds no live grant to.
var ErrNoDocumentAccess = errors.New("no grant to this document")

// ContentURL is where a node serves a document's ciphertext.
func ContentURL(base string, hash []byte) string {
	return strings.TrimRight(base, "/") + "/v1/documents/" + hex.EncodeToString(hash) + "/content"
}

// okTx is a sent transaction's error: the send's, else the result's (a *QueryError with
// the codespace and code when it failed in a block).
func okTx(res *TxResult, err error) error {
	if err != nil {
		return err
	}
	return res.Err()
}

// PublishEncryptionKey publishes the signer's X25519 key (derived from its operator key).
func (c *Client) PublishEncryptionKey(ctx context.Context, s *Signer) error {
	priv, err := docstore.EncryptionKey(s.PrivateKey())
	if err != nil {
		return err
	}
	return okTx(c.Send(ctx, s, "", &txpb.Msg{Sum: &txpb.Msg_SetEncryptionKey{
		SetEncryptionKey: &txpb.MsgSetEncryptionKey{X25519PubKey: priv.PublicKey().Bytes()}}}))
}

// StoreDocument encrypts a document, uploads the ciphertext to the signer's own node at
// nodeURL and registers it on chain with the key wrapped to the signer's own encryption
// key (publish it first). It returns the document's hash.
func (c *Client) StoreDocument(ctx context.Context, s *Signer, nodeURL, kind string, plaintext []byte) ([]byte, error) {
	priv, err := docstore.EncryptionKey(s.PrivateKey())
	if err != nil {
		return nil, err
	}
	ciphertext, docKey, err := docstore.Seal(plaintext)
	if err != nil {
		return nil, err
	}
	hash := docstore.Hash(ciphertext)
	if err := upload(ctx, s, nodeURL, hash, ciphertext); err != nil {
		return nil, err
	}
	own, err := docstore.Wrap(docKey, priv.PublicKey().Bytes())
	if err != nil {
		return nil, err
	}
	err = okTx(c.Send(ctx, s, "", &txpb.Msg{Sum: &txpb.Msg_RegisterDocument{RegisterDocument: &txpb.MsgRegisterDocument{
		CiphertextHash: hash, Kind: kind, SourceUrl: nodeURL, Size: int64(len(ciphertext)), OwnerKey: own}}}))
	return hash, err
}

func upload(ctx context.Context, s *Signer, nodeURL string, hash, ciphertext []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, ContentURL(nodeURL, hash), bytes.NewReader(ciphertext))
	if err != nil {
		return err
	}
	docstore.Sign(req, s.PrivateKey(), hash, time.Now())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusCreated {
		body, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
		return fmt.Errorf("upload: %s: %s", res.Status, bytes.TrimSpace(body))
	}
	return nil
}

// GrantDocument shares one of the signer's documents with a member: the document key,
// unwrapped with the owner's key, is wrapped to the grantee's published key.
func (c *Client) GrantDocument(ctx context.Context, s *Signer, hash []byte, grantee string) error {
	v, err := c.Document(ctx, hash)
	if err != nil {
		return err
	}
	priv, err := docstore.EncryptionKey(s.PrivateKey())
	if err != nil {
		return err
	}
	docKey, err := docstore.Unwrap(wrappedKey(v.OwnerKey), priv)
	if err != nil {
		return fmt.Errorf("document key: %w", err)
	}
	pub, err := c.EncryptionKey(ctx, grantee)
	if err != nil {
		return err
	}
	wrapped, err := docstore.Wrap(docKey, pub.X25519PubKey)
	if err != nil {
		return err
	}
	return okTx(c.Send(ctx, s, "", &txpb.Msg{Sum: &txpb.Msg_GrantDocument{GrantDocument: &txpb.MsgGrantDocument{
		CiphertextHash: hash, Grantee: grantee, WrappedKey: wrapped}}}))
}

// RevokeDocumentGrant stops a grantee's future fetches.
func (c *Client) RevokeDocumentGrant(ctx context.Context, s *Signer, hash []byte, grantee string) error {
	return okTx(c.Send(ctx, s, "", &txpb.Msg{Sum: &txpb.Msg_RevokeDocumentGrant{
		RevokeDocumentGrant: &txpb.MsgRevokeDocumentGrant{CiphertextHash: hash, Grantee: grantee}}}))
}

// FetchDocument fetches a document from its owner's node, checks the ciphertext against the
// hash on chain and decrypts it with the key the signer's grant carries.
func (c *Client) FetchDocument(ctx context.Context, s *Signer, hash []byte) ([]byte, error) {
	v, err := c.Document(ctx, hash)
	if err != nil {
		return nil, err
	}
	wrapped := wrappedKey(v.OwnerKey)
	if v.Owner != s.Address() {
		wrapped = nil
		for _, g := range v.Grants {
			if g.Grantee == s.Address() && g.RevokedAt == 0 {
				wrapped = wrappedKey(g.WrappedKey)
			}
		}
		if wrapped == nil {
			return nil, ErrNoDocumentAccess
		}
	}
	ciphertext, err := FetchCiphertext(ctx, s, v.SourceURL, hash)
	if err != nil {
		return nil, err
	}
	priv, err := docstore.EncryptionKey(s.PrivateKey())
	if err != nil {
		return nil, err
	}
	docKey, err := docstore.Unwrap(wrapped, priv)
	if err != nil {
		return nil, fmt.Errorf("document key: %w", err)
	}
	return docstore.Open(ciphertext, docKey)
}

// ErrTampered is a ciphertext that does not match the hash on chain.
var ErrTampered = errors.New("ciphertext does not match the document hash on chain")

// FetchCiphertext asks a node for a document's ciphertext with a signed request and checks
// it against the hash.
func FetchCiphertext(ctx context.Context, s *Signer, nodeURL string, hash []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ContentURL(nodeURL, hash), nil)
	if err != nil {
		return nil, err
	}
	docstore.Sign(req, s.PrivateKey(), hash, time.Now())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, tx.MaxDocumentBytes+1))
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch: %s: %s", res.Status, bytes.TrimSpace(body[:min(len(body), 4096)]))
	}
	if !docstore.Verify(body, hash) {
		return nil, ErrTampered
	}
	return body, nil
}

func wrappedKey(w query.WrappedKey) *txpb.WrappedKey {
	return &txpb.WrappedKey{EphemeralPubKey: w.EphemeralPubKey, SealedKey: w.SealedKey}
}
