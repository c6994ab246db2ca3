package app_test

import (
	"context"
	"math"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/ledger"
)

func dump(r store.Reader) map[string]string {
	out := map[string]string{}
	r.Iterate(nil, nil, func(k, v []byte) bool { out[string(k)] = string(v); return true })
	return out
}

// changedKeys lists the keys whose value differs between two dumps.
func changedKeys(a, b map[string]string) []string {
	var out []string
	for k, v := range a {
		if b[k] != v {
			out = append(out, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

func TestBadInputIsRejectedWithCodeAndChangesNothing(t *testing.T) {
	w := newWorld(t)
	w.c.MustExec(t, w.regulator.Sign(apptest.SetFrozen(w.bob.Address, true)))
	stranger := apptest.NewKey("stranger")

	wrongChain, err := tx.Sign(w.alice.Priv, &txpb.TxBody{ChainId: "other-chain", Nonce: w.alice.Nonce() + 1,
		Msgs: []*txpb.Msg{apptest.Transfer(w.bob.Address, "CNY", 1)}})
	require.NoError(t, err)
	badSig := func() []byte {
		raw := w.alice.SignNonce(w.alice.Nonce()+1, apptest.Transfer(w.bob.Address, "CNY", 1))
		var env txpb.Tx
		require.NoError(t, proto.Unmarshal(raw, &env))
		env.Signature[0] ^= 1
		b, _ := proto.Marshal(&env)
		return b
	}()
	oversize := w.alice.SignNonce(w.alice.Nonce()+1, &txpb.Msg{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{
		To: w.bob.Address, Asset: "CNY", Amount: 1}}})
	oversize = append(oversize, make([]byte, tx.MaxTxBytes)...)

	replay := w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1))
	w.c.MustExec(t, replay)

	// Envelope failures: nothing at all changes, not even the nonce, and CheckTx refuses too.
	envelope := []struct {
		name string
		raw  func() []byte
		want *tx.Error
	}{
		{"malformed bytes", func() []byte { return []byte("\x0a\xff\xff garbage") }, tx.ErrMalformed},
		{"bad signature", func() []byte { return badSig }, tx.ErrBadSignature},
		{"wrong chain id", func() []byte { return wrongChain }, tx.ErrWrongChain},
		{"replayed nonce", func() []byte { return replay }, tx.ErrBadNonce},
		{"skipped nonce", func() []byte { return w.alice.SignNonce(w.alice.Nonce()+2, apptest.Transfer(w.bob.Address, "CNY", 1)) }, tx.ErrBadNonce},
		{"oversize", func() []byte { return oversize }, tx.ErrTooLarge},
		{"unknown signer", func() []byte { return stranger.SignNonce(1, apptest.Transfer(w.bob.Address, "CNY", 1)) }, tx.ErrUnknownSigner},
	}
	for _, tc := range envelope {
		t.Run(tc.name, func(t *testing.T) {
			raw := tc.raw()
			chk, err := w.c.App.CheckTx(context.Background(), &abci.CheckTxRequest{Tx: raw, Type: abci.CHECK_TX_TYPE_CHECK})
			require.NoError(t, err)
			require.Equal(t, tc.want.Code, chk.Code, chk.Log)
			require.Equal(t, tc.want.Codespace, chk.Codespace)
			before, root := dump(w.c.State()), w.c.App.DB()
			_, r0 := root.LastCommit()
			res := w.c.Exec(raw)
			require.Equal(t, tc.want.Code, res.Code, res.Log)
			require.Equal(t, tc.want.Codespace, res.Codespace)
			require.Empty(t, changedKeys(before, dump(w.c.State())))
			_, r1 := root.LastCommit()
			require.Equal(t, r0, r1, "AppHash must not move")
		})
	}

	// Execution failures: the signer's nonce is used (so the transaction can never be replayed)
	// and nothing else changes.
	execution := []struct {
		name   string
		signer *apptest.Key
		msg    *txpb.Msg
		want   *tx.Error
	}{
		{"overflowing mint", w.bank, apptest.Mint("CNY", w.alice.Address, math.MaxInt64), money.ErrOverflow},
		{"unknown asset", w.alice, apptest.Transfer(w.bob.Address, "USD", 1), ledger.ErrUnknownAsset},
		{"insufficient funds", w.alice, apptest.Transfer(w.bob.Address, "CNY", 100001), ledger.ErrInsufficientFunds},
		{"mint by non-issuer", w.mfi, apptest.Mint("CNY", w.mfi.Address, 1), ledger.ErrNotIssuer},
		{"mint by a role that cannot issue", w.kyc, apptest.Mint("CNY", w.kyc.Address, 1), tx.ErrUnauthorized},
		{"debit of frozen account", w.bob, apptest.Transfer(w.alice.Address, "CNY", 1), ledger.ErrFrozen},
		{"unknown recipient", w.alice, apptest.Transfer(stranger.Address, "CNY", 1), ledger.ErrUnknownRecipient},
		{"duplicate asset", w.bank, apptest.RegisterAsset("CNY", 2, 0), ledger.ErrAssetExists},
	}
	for _, tc := range execution {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "debit of frozen account" {
				w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.bob.Address, 10)))
			}
			before := dump(w.c.State())
			res := w.c.Exec(tc.signer.Sign(tc.msg))
			require.Equal(t, tc.want.Code, res.Code, res.Log)
			require.Equal(t, tc.want.Codespace, res.Codespace, res.Log)
			require.Equal(t, refusedKeys(res, tc.signer, tc.msg), changedKeys(before, dump(w.c.State())))
			require.NoError(t, ledger.CheckInvariants(w.c.State()))
		})
	}
}
