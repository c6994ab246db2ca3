package docs

import (
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The document registry's stateless checks (module.Route.Basic), refused before the mempool.

func basicSetEncryptionKey(m *txpb.Msg) error {
	if k := m.GetSetEncryptionKey().GetX25519PubKey(); len(k) != KeySize {
		return ErrBadKey.Wrapf("x25519_pub_key must be %d bytes, got %d", KeySize, len(k))
	}
	return nil
}

func basicRegisterDocument(m *txpb.Msg) error { return checkDocument(m.GetRegisterDocument()) }

func basicGrantDocument(m *txpb.Msg) error {
	x := m.GetGrantDocument()
	return tx.FirstError(checkHash(x.GetCiphertextHash()), tx.ValidateAddress("grantee", x.GetGrantee()),
		checkWrapped("wrapped_key", x.GetWrappedKey()))
}

func basicRevokeDocumentGrant(m *txpb.Msg) error {
	x := m.GetRevokeDocumentGrant()
	return tx.FirstError(checkHash(x.GetCiphertextHash()), tx.ValidateAddress("grantee", x.GetGrantee()))
}

func checkHash(h []byte) error {
	if len(h) != HashSize {
		return ErrBadDocument.Wrapf("ciphertext_hash must be %d bytes (sha256), got %d", HashSize, len(h))
	}
	return nil
}
