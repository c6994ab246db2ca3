package app

import (
	"encoding/binary"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/identity"
)

// LastNonce reads a signer's last used nonce (0 before its first transaction).
func LastNonce(r store.Reader, addr string) uint64 {
	b := r.Get(tx.NonceKey(addr))
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

func setNonce(kv store.KV, addr string, n uint64) {
	kv.Set(tx.NonceKey(addr), binary.BigEndian.AppendUint64(nil, n))
}

// authenticate runs the checks that decide whether a transaction is the signer's genuine,
// timely and next transaction. It changes nothing.
func (a *App) authenticate(r store.Reader, d *tx.Decoded, height int64, lastNonce uint64) error {
	if d.Body.ChainId != a.chainID {
		return tx.ErrWrongChain.Wrapf("transaction for %q, this chain is %q", d.Body.ChainId, a.chainID)
	}
	if d.Body.TimeoutHeight != 0 && uint64(height) > d.Body.TimeoutHeight {
		return tx.ErrExpired.Wrapf("timeout height %d passed (height %d)", d.Body.TimeoutHeight, height)
	}
	if !identity.AccountExists(r, d.Signer) {
		return tx.ErrUnknownSigner.Wrapf("%s is not a registered account", d.Signer)
	}
	if d.Body.Nonce != lastNonce+1 {
		return tx.ErrBadNonce.Wrapf("nonce %d, expected %d", d.Body.Nonce, lastNonce+1)
	}
	return nil
}

// authorize checks every message against the authorisation table.
func (a *App) authorize(r store.Reader, d *tx.Decoded) error {
	roles := identity.Roles(r, d.Signer)
	for i, m := range d.Body.Msgs {
		t := tx.MsgType(m)
		if !a.router.allowed(t, roles) {
			return tx.ErrUnauthorized.Wrapf("message %d (%s) not allowed for roles %v", i, t, roles)
		}
	}
	return nil
}
