package e2e

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// TestGovernanceAdmitsAndRemovesAValidator: a fifth node joins a four-validator network with
// its genesis and peers, catches up, is voted in as a validator, signs commits, and is voted
// out again — all through governance transactions.
func TestGovernanceAdmitsAndRemovesAValidator(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-node governance run")
	}
	bin := binary(t)
	tn, out := writeTestnet(t, "--validators", "4", "--voting-period", "15s")
	startAll(t, tn.Nodes)
	c0, err := client.Dial(context.Background(), tn.Nodes[0].RPCURL)
	require.NoError(t, err)

	// The newcomer's node: the network's genesis, its peers, its own keys.
	fifth := proc{api: freePort(t), rpc: freePort(t), p2p: freePort(t)}
	home := filepath.Join(out, "node4")
	var peers []string
	for _, nd := range tn.Nodes {
		peers = append(peers, nd.P2PAddress)
	}
	res, err := exec.Command(bin, "init", "--home", home, "--moniker", "node4", "--genesis", filepath.Join(tn.Nodes[0].Home, "config", "genesis.json"),
		"--peers", strings.Join(peers, ","), "--api-listen", fifth.api, "--rpc-listen", fifth.rpc, "--p2p-listen", fifth.p2p).CombinedOutput()
	require.NoError(t, err, string(res))
	p5 := startNode(t, home, &fifth)
	c5 := p5.client(t)
	require.NoError(t, c5.WaitHeight(context.Background(), status(t, c0).Height, 60*time.Second), "the newcomer catches up by block sync")

	res, err = exec.Command(bin, "show-node", "--home", home, "-o", "json").CombinedOutput()
	require.NoError(t, err, string(res))
	var id struct {
		ConsensusPubKey string `json:"consensus_pub_key"`
	}
	require.NoError(t, json.Unmarshal(res, &id))
	consensusPub, err := hex.DecodeString(id.ConsensusPubKey)
	require.NoError(t, err)
	valAddr := ed25519.PubKey(consensusPub).Address()

	voters := []*client.Signer{operatorOf(t, tn.Nodes[0].Home), operatorOf(t, tn.Nodes[1].Home), operatorOf(t, tn.Nodes[2].Home)}
	pass := func(id uint64, power int64) {
		mustSend(t, c0, voters[0], &txpb.Msg{Sum: &txpb.Msg_SubmitProposal{SubmitProposal: &txpb.MsgSubmitProposal{
			Title: "validator node4", Action: &txpb.ProposalAction{Action: &txpb.ProposalAction_SetValidator{
				SetValidator: &txpb.ActionSetValidator{PubKey: consensusPub, Power: power}}}}}})
		for _, v := range voters { // 3 of 4 is more than 2/3
			mustSend(t, c0, v, &txpb.Msg{Sum: &txpb.Msg_Vote{Vote: &txpb.MsgVote{ProposalId: id, Option: txpb.VoteOption_VOTE_OPTION_YES}}})
		}
		require.Eventually(t, func() bool {
			p, err := c0.Proposal(context.Background(), id)
			return err == nil && p.Status == "passed"
		}, 60*time.Second, 200*time.Millisecond, "proposal %d did not pass", id)
	}

	pass(1, 10)
	require.Eventually(t, func() bool { return signedRecently(t, c0, valAddr) }, 30*time.Second, 300*time.Millisecond,
		"the admitted validator's signatures must appear in commits")

	// A proof checked from nothing but the genesis validators, across the change to five.
	var genesisVals []*cmttypes.Validator
	gen, err := cmttypes.GenesisDocFromFile(filepath.Join(tn.Nodes[0].Home, "config", "genesis.json"))
	require.NoError(t, err)
	for _, v := range gen.Validators {
		genesisVals = append(genesisVals, cmttypes.NewValidator(v.PubKey, v.Power))
	}
	acc, err := c0.Account(context.Background(), voters[0].Address(), true)
	require.NoError(t, err)
	v, err := c0.VerifyAccount(context.Background(), acc, client.VerifyOptions{Trusted: cmttypes.NewValidatorSet(genesisVals)})
	require.NoError(t, err, "light verification must follow the validator-set change")
	require.True(t, v.ValidatorsFit)
	require.Equal(t, int64(50), v.TotalPower, "the header is signed under the five-validator set")

	pass(2, 0)
	require.Eventually(t, func() bool {
		vals, err := c0.RPC.Validators(context.Background(), nil, nil, nil)
		if err != nil {
			return false
		}
		for _, v := range vals.Validators {
			if v.Address.String() == valAddr.String() {
				return false
			}
		}
		return len(vals.Validators) == 4
	}, 30*time.Second, 300*time.Millisecond, "the removed validator must leave the set")
	h := status(t, c0).Height
	require.NoError(t, c0.WaitHeight(context.Background(), h+2, 20*time.Second), "the four keep committing")
}

// signedRecently reports whether addr signed the latest commit.
func signedRecently(t *testing.T, c *client.Client, addr cmttypes.Address) bool {
	commit, err := c.RPC.Commit(context.Background(), nil)
	if err != nil {
		return false
	}
	for _, s := range commit.Commit.Signatures {
		if s.BlockIDFlag == cmttypes.BlockIDFlagCommit && s.ValidatorAddress.String() == addr.String() {
			return true
		}
	}
	return false
}
