package app_test

import (
	"context"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
)

// TestSignatureVerifiedOnce: CheckTx verifies a transaction's signature, a recheck and the
// block that includes it do not verify it again.
func TestSignatureVerifiedOnce(t *testing.T) {
	w := newWorld(t)
	raw := w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1))
	before := w.c.App.SignatureVerifications()

	res, err := w.c.App.CheckTx(context.Background(), &abci.CheckTxRequest{Tx: raw, Type: abci.CHECK_TX_TYPE_CHECK})
	require.NoError(t, err)
	require.Zero(t, res.Code, res.Log)
	require.Equal(t, before+1, w.c.App.SignatureVerifications())

	// A block commits without it; CometBFT then rechecks what is left in the mempool.
	_, err = w.c.Block()
	require.NoError(t, err)
	res, err = w.c.App.CheckTx(context.Background(), &abci.CheckTxRequest{Tx: raw, Type: abci.CHECK_TX_TYPE_RECHECK})
	require.NoError(t, err)
	require.Zero(t, res.Code, res.Log)
	require.Equal(t, before+1, w.c.App.SignatureVerifications(), "a recheck must not verify again")

	w.c.MustExec(t, raw)
	require.Equal(t, before+1, w.c.App.SignatureVerifications(), "the block must use the cached verification")

	// A transaction that never went through CheckTx is verified in the block (batched).
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1)))
	require.Equal(t, before+2, w.c.App.SignatureVerifications())
}

// TestPreVerifyBatch: a batch pre-verified together is not verified again by CheckTx; a
// transaction with a bad signature is not remembered and CheckTx still refuses it.
func TestPreVerifyBatch(t *testing.T) {
	w := newWorld(t)
	good := [][]byte{
		w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1)),
		w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 2)),
	}
	bad := w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 3))
	bad[len(bad)-1] ^= 0xff // the signature is the envelope's last field
	before := w.c.App.SignatureVerifications()

	w.c.App.PreVerify(append(append([][]byte{}, good...), bad, []byte("not a transaction")))
	require.Equal(t, before+3, w.c.App.SignatureVerifications(), "the three that decode are verified, once each")

	for _, raw := range good {
		res, err := w.c.App.CheckTx(context.Background(), &abci.CheckTxRequest{Tx: raw, Type: abci.CHECK_TX_TYPE_CHECK})
		require.NoError(t, err)
		require.Zero(t, res.Code, res.Log)
	}
	require.Equal(t, before+3, w.c.App.SignatureVerifications(), "CheckTx found them verified")

	res, err := w.c.App.CheckTx(context.Background(), &abci.CheckTxRequest{Tx: bad, Type: abci.CHECK_TX_TYPE_CHECK})
	require.NoError(t, err)
	require.Equal(t, tx.ErrBadSignature.Code, res.Code, res.Log)
	require.Equal(t, before+4, w.c.App.SignatureVerifications(), "a bad signature is checked again, alone")

	w.c.App.PreVerify(good)
	require.Equal(t, before+4, w.c.App.SignatureVerifications(), "what is cached is not verified again")
}
