package client

import (
	"context"
	"sync"

	stded25519 "crypto/ed25519"

	"github.com/cometbft/cometbft/crypto/ed25519"

	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// Signer signs transactions with one key. It serialises its own submissions so that nonces
// stay in order.
type Signer struct {
	mu   sync.Mutex
	priv ed25519.PrivKey
	addr string
}

// NewSigner wraps a private key.
func NewSigner(priv ed25519.PrivKey) *Signer {
	return &Signer{priv: priv, addr: tx.AddressOf(priv.PubKey().Bytes())}
}

// Address of the signer's account.
func (s *Signer) Address() string { return s.addr }

// PubKey of the signer.
func (s *Signer) PubKey() []byte { return s.priv.PubKey().Bytes() }

// Sign builds and signs a transaction.
func (s *Signer) Sign(chainID string, nonce uint64, memo string, msgs ...*txpb.Msg) ([]byte, error) {
	return tx.Sign(s.priv, &txpb.TxBody{ChainId: chainID, Nonce: nonce, Memo: memo, Msgs: msgs})
}

// Send signs msgs with the signer's next committed nonce, submits them and waits for the
// commit. A transaction refused by CheckTx or failed in its block is returned with its code.
func (c *Client) Send(ctx context.Context, s *Signer, memo string, msgs ...*txpb.Msg) (*TxResult, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	nonce, err := c.NextNonce(ctx, s.addr)
	if err != nil {
		return nil, err
	}
	raw, err := s.Sign(c.chainID, nonce, memo, msgs...)
	if err != nil {
		return nil, err
	}
	return c.Submit(ctx, raw, true)
}

// NextNonce is the nonce an account's next transaction must carry, from committed state.
func (c *Client) NextNonce(ctx context.Context, addr string) (uint64, error) {
	acc, err := c.Account(ctx, addr, false)
	if err != nil {
		return 0, err
	}
	return acc.Nonce + 1, nil
}

// PrivateKey is the signer's key in the standard library's form (document encryption keys
// derive from it, and document requests are signed with it).
func (s *Signer) PrivateKey() stded25519.PrivateKey { return stded25519.PrivateKey(s.priv.Bytes()) }
