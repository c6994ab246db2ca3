package app_test

import (
	"context"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
)

// A halted application refuses every transaction in CheckTx with node.halted and the reason,
// where it accepted the same transaction before.
func TestHaltedAppRefusesTransactions(t *testing.T) {
	bank := apptest.NewKey("bank")
	c := apptest.NewChain(t, apptest.Member{Key: bank, Name: "Bank", Roles: []string{"bank"}})
	_, err := c.Block() // genesis is committed with the first block
	require.NoError(t, err)
	raw := bank.Sign(apptest.RegisterAsset("CNY", 2, 0))
	check := func() *abci.CheckTxResponse {
		res, err := c.App.CheckTx(context.Background(), &abci.CheckTxRequest{Tx: raw, Type: abci.CHECK_TX_TYPE_CHECK})
		require.NoError(t, err)
		return res
	}
	require.Zero(t, check().Code)
	c.App.Halt("consensus failure: disk full")
	res := check()
	require.Equal(t, app.ErrHalted.Code, res.Code)
	require.Equal(t, "node", res.Codespace)
	require.Contains(t, res.Log, "disk full")
	require.Equal(t, "consensus failure: disk full", c.App.Halted())
}
