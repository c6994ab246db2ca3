package api_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/docstore"
	"github.com/puhui-chain/puhui/node/nodetest"
	"github.com/puhui-chain/puhui/x/docs"
)

// The bank's node keeps a financial statement; the MFI, granted, fetches and decrypts it
// from the bank's node; the regulator, not granted, gets nothing; after revocation the MFI
// gets nothing either; a ciphertext that does not match the hash on chain is rejected.
func TestPrivateDocuments(t *testing.T) {
	mfi, regulator := client.NewSigner(mustKey(t)), client.NewSigner(mustKey(t))
	n := nodetest.StartWith(t, nodetest.AddMembers(
		app.GenesisMember{Name: "MFI", PubKey: mfi.PubKey(), Roles: []string{"mfi"}},
		app.GenesisMember{Name: "Regulator", PubKey: regulator.PubKey(), Roles: []string{"regulator"}}))
	ctx := context.Background()
	c, bank := n.Client, n.Operator
	for _, s := range []*client.Signer{bank, mfi, regulator} {
		require.NoError(t, c.PublishEncryptionKey(ctx, s))
	}
	statement := []byte("2026 Q3 statement: revenue 1,204,330.00 CNY; receivables 310,000.00 CNY")

	hash, err := c.StoreDocument(ctx, bank, n.APIURL, "financial_statement", statement)
	require.NoError(t, err)
	v, err := c.Document(ctx, hash)
	require.NoError(t, err)
	require.Equal(t, bank.Address(), v.Owner)
	require.Equal(t, n.APIURL, v.SourceURL)
	require.Equal(t, docs.HashText(hash), v.Hash)
	require.NotContains(t, fmt.Sprint(v), "revenue", "no plaintext on chain")
	stored, err := os.ReadFile(filepath.Join(n.Home, "data", "documents", docs.HashText(hash)))
	require.NoError(t, err)
	require.NotContains(t, string(stored), "revenue", "the node keeps only ciphertext")

	// Without a grant: nothing, neither through the client nor by asking the node directly.
	_, err = c.FetchDocument(ctx, mfi, hash)
	require.ErrorIs(t, err, client.ErrNoDocumentAccess)
	_, err = client.FetchCiphertext(ctx, mfi, n.APIURL, hash)
	require.ErrorContains(t, err, "403")

	require.NoError(t, c.GrantDocument(ctx, bank, hash, mfi.Address()))
	got, err := c.FetchDocument(ctx, mfi, hash)
	require.NoError(t, err)
	require.Equal(t, statement, got)
	_, err = client.FetchCiphertext(ctx, regulator, n.APIURL, hash)
	require.ErrorContains(t, err, "403", "a member without a grant gets no ciphertext")
	owner, err := c.FetchDocument(ctx, bank, hash)
	require.NoError(t, err)
	require.Equal(t, statement, owner)

	// Unsigned or stale requests and uploads by anyone but the operator are refused.
	status, _, _ := do(t, http.MethodGet, client.ContentURL(n.APIURL, hash), "", nil)
	require.Equal(t, http.StatusUnauthorized, status)
	_, err = c.StoreDocument(ctx, mfi, n.APIURL, "invoice", []byte("not the bank's"))
	require.ErrorContains(t, err, "403")

	// A node serving bytes that do not hash to the chain's record is caught by the grantee.
	tampered := append([]byte{}, stored...)
	tampered[len(tampered)-1] ^= 1
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.Write(tampered) }))
	defer evil.Close()
	_, err = client.FetchCiphertext(ctx, mfi, evil.URL, hash)
	require.ErrorIs(t, err, client.ErrTampered)

	require.NoError(t, c.RevokeDocumentGrant(ctx, bank, hash, mfi.Address()))
	_, err = c.FetchDocument(ctx, mfi, hash)
	require.ErrorIs(t, err, client.ErrNoDocumentAccess)
	_, err = client.FetchCiphertext(ctx, mfi, n.APIURL, hash)
	require.ErrorContains(t, err, "403", "revocation stops future fetches")

	// Bad input on chain: a grant of a document one does not own.
	err = c.GrantDocument(ctx, mfi, hash, regulator.Address())
	require.Error(t, err)
	sum := sha256.Sum256(stored)
	require.Equal(t, hash, sum[:])
}

func TestDocumentCrypto(t *testing.T) {
	alice, bob := mustKey(t), mustKey(t)
	a, err := docstore.EncryptionKey(alice.Bytes())
	require.NoError(t, err)
	b, err := docstore.EncryptionKey(bob.Bytes())
	require.NoError(t, err)
	ct, key, err := docstore.Seal([]byte("invoice 42"))
	require.NoError(t, err)
	w, err := docstore.Wrap(key, a.PublicKey().Bytes())
	require.NoError(t, err)
	_, err = docstore.Unwrap(w, b)
	require.ErrorIs(t, err, docstore.ErrDecrypt, "only the recipient unwraps")
	k, err := docstore.Unwrap(w, a)
	require.NoError(t, err)
	plain, err := docstore.Open(ct, k)
	require.NoError(t, err)
	require.Equal(t, "invoice 42", string(plain))
	ct[len(ct)-1] ^= 1
	_, err = docstore.Open(ct, k)
	require.ErrorIs(t, err, docstore.ErrDecrypt)
}
