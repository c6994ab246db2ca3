package app_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/credit"
	"github.com/puhui-chain/puhui/x/governance"
	"github.com/puhui-chain/puhui/x/module"
)

// signNext signs msgs as k with the signer's next nonce on c.
func signNext(c *apptest.Chain, k *apptest.Key, msgs ...*txpb.Msg) []byte {
	return k.SignNonce(app.LastNonce(c.State(), k.Address)+1, msgs...)
}

// TestExportImportSameState runs the simulation (loans in every state), adds governance (a
// proposal whose action is an ordinary message, passed and executed) and credit (a consent
// and a report), exports the state, starts a fresh chain from the export, and requires every
// key and value, and the state root, to be equal.
func TestExportImportSameState(t *testing.T) {
	blocks := 220
	if testing.Short() {
		blocks = 40
	}
	c, _, _, _ := simulateChain(t, 42, blocks)
	bank, regulator, user := apptest.NewKey("sim-bank"), apptest.NewKey("sim-regulator"), apptest.NewKey("sim-user-0")

	model := app.DefaultScorecard()
	model.Name, model.Version = "exported-model", 1
	action := &txpb.ProposalAction{Action: &txpb.ProposalAction_Msg{Msg: &txpb.Msg{Sum: &txpb.Msg_RegisterScorecard{
		RegisterScorecard: &txpb.MsgRegisterScorecard{Model: model}}}}}
	c.MustExec(t, signNext(c, bank, apptest.Propose("a scorecard by governance", action)))
	id := uint64(len(governance.ListProposals(c.State())))
	c.MustExec(t, signNext(c, bank, apptest.Vote(id, txpb.VoteOption_VOTE_OPTION_YES)))
	c.MustExec(t, signNext(c, regulator, apptest.Vote(id, txpb.VoteOption_VOTE_OPTION_YES)))
	c.MustExec(t, signNext(c, apptest.NewKey("sim-core"), apptest.Vote(id, txpb.VoteOption_VOTE_OPTION_YES)))
	for _, m := range newSimInsurance().members() { // the simulation's insurer and reporters are members too
		c.MustExec(t, signNext(c, m.Key, apptest.Vote(id, txpb.VoteOption_VOTE_OPTION_YES)))
	}
	c.Time = c.Time.Add(7*24*time.Hour + time.Hour)
	_, err := c.Block()
	require.NoError(t, err)
	p, _ := governance.GetProposal(c.State(), id)
	require.Equal(t, statepb.ProposalStatus_PROPOSAL_STATUS_PASSED, p.Status, p.ResultLog)
	var registeredBy string
	for _, rec := range credit.Scorecards(c.State()) {
		if rec.Model.GetName() == "exported-model" {
			registeredBy = rec.RegisteredBy
		}
	}
	require.Equal(t, module.GovernanceAuthority, registeredBy, "the proposal's message ran with the governance authority")

	c.MustExec(t, signNext(c, user, grantConsent(user.Address, bank.Address, "loan_origination", c.Time.Add(30*24*time.Hour).Unix())))
	c.MustExec(t, signNext(c, bank, requestReport(user.Address, "loan_origination")))
	require.Len(t, credit.Accesses(c.State(), user.Address), 1)

	height, root := c.DB.LastCommit()
	exported, err := app.ExportState(c.State(), height, root)
	require.NoError(t, err)
	g := app.Genesis{TimeZone: "Asia/Shanghai", State: exported}
	genesis, err := json.Marshal(g) // through JSON, as the file carries it
	require.NoError(t, err)

	db, err := store.Open("", store.Options{InMemory: true})
	require.NoError(t, err)
	defer db.Close()
	fresh := app.New(db, apptest.ChainID, nil)
	res, err := fresh.InitChain(context.Background(), &abci.InitChainRequest{ChainId: apptest.ChainID, InitialHeight: height + 1,
		Time: c.Time, AppStateBytes: genesis, Validators: app.ExportValidators(c.State())})
	require.NoError(t, err)
	require.Equal(t, root, res.AppHash, "the imported state has the exported root")
	// Both chains run the same next block (its due work included) and must agree on it.
	next, err := c.Block()
	require.NoError(t, err)
	freshNext, err := fresh.FinalizeBlock(context.Background(), &abci.FinalizeBlockRequest{Height: c.Height, Time: c.Time})
	require.NoError(t, err)
	_, err = fresh.Commit(context.Background(), &abci.CommitRequest{})
	require.NoError(t, err)
	require.Equal(t, next.AppHash, freshNext.AppHash)
	requireSameEntries(t, c.State(), db.State())
	require.NoError(t, fresh.CheckInvariants(db.State()))
}

// requireSameEntries compares every key and value of two states.
func requireSameEntries(t *testing.T, a, b store.Reader) {
	t.Helper()
	entries := func(r store.Reader) map[string]string {
		out := map[string]string{}
		r.Iterate(nil, nil, func(k, v []byte) bool {
			out[string(k)] = string(v)
			return true
		})
		return out
	}
	ea, eb := entries(a), entries(b)
	require.Equal(t, len(ea), len(eb))
	for k, v := range ea {
		require.Equal(t, v, eb[k], "key %q", k)
	}
}
