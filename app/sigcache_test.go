package app_test

import (
	"context"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
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
