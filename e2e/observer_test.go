package e2e

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// TestObserverNodeServesSupervision: the regulator's node joins a four-validator testnet,
// follows it without ever entering the validator set, its operator key is voted in as the
// regulator and acts from it, and it serves the supervision views with the same answers as a
// validator.
func TestObserverNodeServesSupervision(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-node run")
	}
	bin := binary(t)
	tn, out := writeTestnet(t, "--validators", "4", "--voting-period", "15s")
	startAll(t, tn.Nodes)
	c0, err := client.Dial(context.Background(), tn.Nodes[0].RPCURL)
	require.NoError(t, err)

	obs := proc{api: freePort(t), rpc: freePort(t), p2p: freePort(t)}
	home := filepath.Join(out, "observer")
	var peers []string
	for _, nd := range tn.Nodes {
		peers = append(peers, nd.P2PAddress)
	}
	res, err := exec.Command(bin, "init", "--home", home, "--moniker", "regulator", "--genesis", filepath.Join(tn.Nodes[0].Home, "config", "genesis.json"),
		"--peers", strings.Join(peers, ","), "--api-listen", obs.api, "--rpc-listen", obs.rpc, "--p2p-listen", obs.p2p).CombinedOutput()
	require.NoError(t, err, string(res))
	p := startNode(t, home, &obs)
	co := p.client(t)
	require.NoError(t, co.WaitHeight(context.Background(), status(t, c0).Height, 60*time.Second), "the observer catches up")

	// The members admit the observer's operator key as the regulator.
	regulator := operatorOf(t, home)
	voters := []*client.Signer{operatorOf(t, tn.Nodes[0].Home), operatorOf(t, tn.Nodes[1].Home), operatorOf(t, tn.Nodes[2].Home)}
	mustSend(t, c0, voters[0], &txpb.Msg{Sum: &txpb.Msg_SubmitProposal{SubmitProposal: &txpb.MsgSubmitProposal{
		Title: "the regulator", Action: &txpb.ProposalAction{Action: &txpb.ProposalAction_AddMember{
			AddMember: &txpb.ActionAddMember{Name: "Regulator", PubKey: regulator.PubKey(), Roles: []string{"regulator"}}}}}}})
	for _, v := range voters {
		mustSend(t, c0, v, &txpb.Msg{Sum: &txpb.Msg_Vote{Vote: &txpb.MsgVote{ProposalId: 1, Option: txpb.VoteOption_VOTE_OPTION_YES}}})
	}
	require.Eventually(t, func() bool {
		pr, err := c0.Proposal(context.Background(), 1)
		return err == nil && pr.Status == "passed"
	}, 60*time.Second, 200*time.Millisecond)

	// A cash deposit of 60,000.00 (a large-value report); the regulator freezes part of it
	// with a transaction sent to its own node.
	users := fundUsers(t, c0, voters[0], 1)
	mustSend(t, c0, voters[0], &txpb.Msg{Sum: &txpb.Msg_Mint{Mint: &txpb.MsgMint{Asset: "CNY", To: users[0].Address(), Amount: 6_000_000}}})
	st := status(t, c0)
	mustSend(t, co, regulator, &txpb.Msg{Sum: &txpb.Msg_IssueFreezeOrder{IssueFreezeOrder: &txpb.MsgIssueFreezeOrder{
		Account: users[0].Address(), Asset: "CNY", Amount: 100_000, Authority: "court", LegalBasis: "law", DocumentNumber: "1",
		Expiry: st.BlockTime.Add(time.Hour).Unix(), Reason: "preservation"}}})

	ctx := context.Background()
	same := func(name string, get func(*client.Client) (any, error)) {
		require.Eventually(t, func() bool {
			a, errA := get(c0)
			b, errB := get(co)
			return errA == nil && errB == nil && reflect.DeepEqual(a, b)
		}, 20*time.Second, 300*time.Millisecond, "%s: the observer answers as a validator", name)
	}
	same("large-value reports", func(c *client.Client) (any, error) { return client.Query(ctx, c, query.ListLargeValueReports, "~") })
	same("counts", func(c *client.Client) (any, error) { return client.Query(ctx, c, query.GetSupervisionCounts, "") })
	same("freezes", func(c *client.Client) (any, error) {
		return client.Query(ctx, c, query.ListFreezeOrders, users[0].Address())
	})
	same("lender", func(c *client.Client) (any, error) {
		return client.Query(ctx, c, query.GetLenderSupervision, voters[0].Address())
	})
	reps, err := client.Query(ctx, co, query.ListLargeValueReports, "~")
	require.NoError(t, err)
	require.Len(t, reps, 1)
	counts, err := client.Query(ctx, co, query.GetSupervisionCounts, "")
	require.NoError(t, err)
	require.Equal(t, 1, counts.FreezeOrders["active"])

	// Never a validator.
	res, err = exec.Command(bin, "show-node", "--home", home, "-o", "json").CombinedOutput()
	require.NoError(t, err, string(res))
	var id struct {
		ConsensusPubKey string `json:"consensus_pub_key"`
	}
	require.NoError(t, json.Unmarshal(res, &id))
	pub, err := hex.DecodeString(id.ConsensusPubKey)
	require.NoError(t, err)
	vals, err := c0.RPC.Validators(ctx, nil, nil, nil)
	require.NoError(t, err)
	require.Len(t, vals.Validators, 4)
	for _, v := range vals.Validators {
		require.NotEqual(t, ed25519.PubKey(pub).Address().String(), v.Address.String())
	}
	require.False(t, signedRecently(t, c0, ed25519.PubKey(pub).Address()))
}
