package statekeys_test

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/statekeys"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
)

// The keys are part of the AppHash: they must be byte for byte those the modules write (the
// modules build them here; this pins the bytes themselves).
func TestKeysAreTheModulesKeys(t *testing.T) {
	addr := tx.AddressOf(make([]byte, tx.PubKeySize))
	require.Equal(t, []byte("id/a/"+addr), statekeys.Account(addr))
	require.Equal(t, identity.AccountKey(addr), statekeys.Account(addr))
	require.Equal(t, ledger.BalanceKey(addr, "CNY"), statekeys.Balance(addr, "CNY"))
	require.Equal(t, ledger.HeldKey(addr, "CNY"), statekeys.Held(addr, "CNY"))
	require.Equal(t, ledger.FrozenKey(addr), statekeys.Frozen(addr))
	require.Equal(t, core.Key("lg", "bal", addr, ""), statekeys.Join("lg", "bal", addr, ""))
	require.Equal(t, []byte("lg/bal/"+addr+"/CNY"), statekeys.Balance(addr, "CNY"))
	require.Equal(t, []byte("lg/held/"+addr+"/CNY"), statekeys.Held(addr, "CNY"))
	require.Equal(t, []byte("lg/frozen/"+addr), statekeys.Frozen(addr))
}

// A balance value the ledger writes (its flow record) decodes to its amount.
func TestDecodeAmountIsTheLedgers(t *testing.T) {
	amount := binary.BigEndian.AppendUint64(nil, uint64(1234567))
	withFlow := append(append([]byte(nil), amount...), make([]byte, statekeys.FlowRecordBytes-statekeys.AmountBytes)...)
	for _, v := range [][]byte{nil, amount, withFlow, core.Int64Value(-5), amount[:7], append(withFlow, 0)} {
		want, wantErr := ledger.DecodeAmount(v)
		got, err := statekeys.DecodeAmount(v)
		require.Equal(t, wantErr != nil, err != nil, "%d bytes", len(v))
		require.Equal(t, want, got, "%d bytes", len(v))
	}
}
