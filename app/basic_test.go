package app_test

import (
	"context"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/credit"
	"github.com/puhui-chain/puhui/x/docs"
	"github.com/puhui-chain/puhui/x/governance"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/lending"
)

// An empty message of every routed type is refused by its stateless check with a coded
// error of its own (never tx.internal): every route declares a check, and it looks.
func TestEveryMessageTypeHasABasicCheck(t *testing.T) {
	for _, typ := range app.MessageTypes() {
		err := app.ValidateMsgs([]*txpb.Msg{tx.NewMsg(typ)})
		require.Error(t, err, "%s: an empty message passes its stateless check (no Basic declared?)", typ)
		e := tx.AsError(err)
		require.NotEqual(t, tx.ErrInternal.ID(), e.ID(), "%s: %v", typ, err)
		require.Contains(t, e.Detail, "message 0 ("+typ+")")
	}
}

// A message that fails its stateless check is refused by CheckTx with its code, rejected in a
// proposal, and, if a faulty proposer includes it anyway, changes nothing: not even the nonce.
func TestStatelessRefusalUsesNoNonce(t *testing.T) {
	w := newWorld(t)
	cases := []struct {
		name   string
		signer *apptest.Key
		msg    *txpb.Msg
		want   *tx.Error
	}{
		{"zero amount", w.alice, apptest.Transfer(w.bob.Address, "CNY", 0), money.ErrNonPositive},
		{"negative amount", w.alice, apptest.Transfer(w.bob.Address, "CNY", -5), money.ErrNonPositive},
		{"bad address", w.alice, apptest.Transfer("not-an-address", "CNY", 1), tx.ErrBadAddress},
		{"bad asset code", w.bank, apptest.RegisterAsset("cny", 2, 0), ledger.ErrBadAssetCode},
		{"scale above 18", w.bank, apptest.RegisterAsset("BIG", 19, 0), ledger.ErrBadScale},
		{"negative mint", w.bank, apptest.Mint("CNY", w.alice.Address, -1), money.ErrNonPositive},
		{"kyc level above 3", w.kyc, &txpb.Msg{Sum: &txpb.Msg_SetKycLevel{SetKycLevel: &txpb.MsgSetKycLevel{Account: w.alice.Address, KycLevel: 9}}}, identity.ErrBadKYCLevel},
		{"unknown vote option", w.bank, &txpb.Msg{Sum: &txpb.Msg_Vote{Vote: &txpb.MsgVote{ProposalId: 1, Option: 7}}}, governance.ErrBadVote},
		{"missing loan id", w.alice, &txpb.Msg{Sum: &txpb.Msg_RepayLoan{RepayLoan: &txpb.MsgRepayLoan{Amount: 5}}}, tx.ErrInvalidField},
		{"group of one", w.mfi, &txpb.Msg{Sum: &txpb.Msg_CreateGroup{CreateGroup: &txpb.MsgCreateGroup{Name: "g", Members: []string{w.alice.Address}}}}, lending.ErrBadGroup},
		{"bad consent purpose", w.alice, &txpb.Msg{Sum: &txpb.Msg_GrantConsent{GrantConsent: &txpb.MsgGrantConsent{Borrower: w.alice.Address, Lender: w.bank.Address, Purpose: "Loan!", ExpiresAt: 1}}}, credit.ErrBadConsent},
		{"short document hash", w.bank, &txpb.Msg{Sum: &txpb.Msg_RevokeDocumentGrant{RevokeDocumentGrant: &txpb.MsgRevokeDocumentGrant{CiphertextHash: []byte{1}, Grantee: w.mfi.Address}}}, docs.ErrBadDocument},
		{"oversized reason", w.mfi, &txpb.Msg{Sum: &txpb.Msg_DecideLoan{DecideLoan: &txpb.MsgDecideLoan{LoanId: 1, Reason: string(make([]byte, 500))}}}, tx.ErrInvalidField},
		{"bad proposal action message", w.bank, &txpb.Msg{Sum: &txpb.Msg_SubmitProposal{SubmitProposal: &txpb.MsgSubmitProposal{Title: "t",
			Action: &txpb.ProposalAction{Action: &txpb.ProposalAction_Msg{Msg: apptest.Transfer(w.bob.Address, "CNY", 0)}}}}}, money.ErrNonPositive},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// Every case signs with the signer's next nonce, which stays its next.
			raw := tc.signer.SignNonce(tc.signer.Nonce()+1, tc.msg)
			chk, err := w.c.App.CheckTx(context.Background(), &abci.CheckTxRequest{Tx: raw, Type: abci.CHECK_TX_TYPE_CHECK})
			require.NoError(t, err)
			require.Equal(t, tc.want.Code, chk.Code, chk.Log)
			require.Equal(t, tc.want.Codespace, chk.Codespace, chk.Log)
			pp, err := w.c.App.ProcessProposal(context.Background(), &abci.ProcessProposalRequest{Txs: [][]byte{raw}})
			require.NoError(t, err)
			require.Equal(t, abci.PROCESS_PROPOSAL_STATUS_REJECT, pp.Status)
			prep, err := w.c.App.PrepareProposal(context.Background(), &abci.PrepareProposalRequest{Txs: [][]byte{raw}, MaxTxBytes: 1 << 20})
			require.NoError(t, err)
			require.Empty(t, prep.Txs)

			before := dump(w.c.State())
			res := w.c.Exec(raw)
			require.Equal(t, tc.want.Code, res.Code, res.Log)
			require.Equal(t, tc.want.Codespace, res.Codespace, res.Log)
			require.Empty(t, changedKeys(before, dump(w.c.State())), "nothing changes, not even the nonce")
		})
	}
	w.c.MustExec(t, w.alice.Sign(apptest.Transfer(w.bob.Address, "CNY", 1)))
}

// The mempool holds at most the configured number of one signer's transactions; a commit
// (whose rechecks rebuild the count) makes room again, and other signers are not affected.
func TestPendingTransactionsPerSignerAreBounded(t *testing.T) {
	w := newWorld(t)
	w.c.App.SetMaxPendingPerSigner(2)
	check := func(raw []byte) *abci.CheckTxResponse {
		res, err := w.c.App.CheckTx(context.Background(), &abci.CheckTxRequest{Tx: raw, Type: abci.CHECK_TX_TYPE_CHECK})
		require.NoError(t, err)
		return res
	}
	n := w.alice.Nonce()
	for i := uint64(1); i <= 2; i++ {
		require.Zero(t, check(w.alice.SignNonce(n+i, apptest.Transfer(w.bob.Address, "CNY", 1))).Code)
	}
	third := check(w.alice.SignNonce(n+3, apptest.Transfer(w.bob.Address, "CNY", 1)))
	require.Equal(t, tx.ErrTooManyPending.Code, third.Code, third.Log)
	require.Equal(t, tx.ErrTooManyPending.Codespace, third.Codespace)
	require.Zero(t, check(w.bank.SignNonce(w.bank.Nonce()+1, apptest.Mint("CNY", w.bob.Address, 1))).Code, "another signer is not affected")

	w.c.MustExec(t, w.alice.SignNonce(n+1, apptest.Transfer(w.bob.Address, "CNY", 1)))
	require.Zero(t, check(w.alice.SignNonce(n+2, apptest.Transfer(w.bob.Address, "CNY", 1))).Code, "after a commit there is room again")
}

// refusedKeys is what a refused transaction of signer changes: its nonce, unless the
// refusal came from its messages' stateless checks (then nothing, and the key's next nonce
// stays what it was).
func refusedKeys(res *abci.ExecTxResult, signer *apptest.Key, msgs ...*txpb.Msg) []string {
	unauthorized := res.Codespace == tx.ErrUnauthorized.Codespace && res.Code == tx.ErrUnauthorized.Code
	if unauthorized || app.ValidateMsgs(msgs) == nil {
		return []string{string(tx.NonceKey(signer.Address))}
	}
	signer.SetNonce(signer.Nonce() - 1)
	return nil
}
