package e2e

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/node"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// startTestnetNode runs one node of a testnet layout as a process.
func startTestnetNode(t *testing.T, nd node.TestnetNode) *proc {
	return startNode(t, nd.Home, &proc{api: nd.APIListen, rpc: nd.RPCListen, p2p: nd.P2PListen})
}

// TestFourValidatorsCrashAndQuorumLoss runs four validators as real processes under a steady
// transfer load, kills one with SIGKILL (the chain keeps committing: 3 of 4 is more than
// 2/3), restarts it and checks that it catches up to the same AppHash at every height.
func TestFourValidatorsCrashAndQuorumLoss(t *testing.T) {
	tn, _ := writeTestnet(t, "--validators", "4")
	procs := startAll(t, tn.Nodes)
	// Votes gossip through any peer: until every pair is connected, the three survivors could
	// depend on the node about to be killed and stall while they redial.
	for _, p := range procs {
		waitPeers(t, p, len(procs)-1, 60*time.Second)
	}
	c0 := procs[0].client(t)
	bank := operatorOf(t, tn.Nodes[0].Home)
	users := fundUsers(t, c0, bank, 4)

	load := startLoad(t, c0, users)
	time.Sleep(3 * time.Second)
	procs[3].kill()
	killedAt := status(t, c0).Height
	// A round whose proposer was the killed node times out before the next proposer's round.
	require.NoError(t, c0.WaitHeight(context.Background(), killedAt+2, 30*time.Second), "three of four validators must keep committing")

	procs[3] = startTestnetNode(t, tn.Nodes[3])
	committed := load.stop()
	require.NotEmpty(t, committed)
	head := status(t, c0).Height
	c3 := procs[3].client(t)
	require.NoError(t, c3.WaitHeight(context.Background(), head, 60*time.Second), "the restarted validator must catch up")
	require.Equal(t, appHashes(t, c0, head), appHashes(t, c3, head), "every height must have the same AppHash on both")
	for hash, h := range committed {
		r, err := c3.Tx(context.Background(), hash)
		require.NoError(t, err, "transaction %s committed at %d missing on the restarted node", hash, h)
		require.Equal(t, h, r.Height)
	}
	t.Logf("killed at height %d; head %d; %d transfers committed under load", killedAt, head, len(committed))

	// Two of four down: half the power is not more than 2/3, so the chain must stop rather
	// than fork; bringing one back resumes it.
	procs[2].kill()
	procs[3].kill()
	time.Sleep(2 * time.Second) // let a block in flight finish
	stalled := status(t, c0).Height
	time.Sleep(6 * time.Second)
	require.Equal(t, stalled, status(t, c0).Height, "with half the power gone no block may commit")
	c1 := procs[1].client(t)
	require.Equal(t, appHashes(t, c0, stalled), appHashes(t, c1, stalled), "the survivors agree on every height")
	procs[2] = startTestnetNode(t, tn.Nodes[2])
	require.NoError(t, c0.WaitHeight(context.Background(), stalled+2, 60*time.Second), "three of four again: commits resume")
}

func status(t *testing.T, c *client.Client) *client.Status {
	t.Helper()
	st, err := c.Status(context.Background())
	require.NoError(t, err)
	return st
}

func fundUsers(t *testing.T, c *client.Client, bank *client.Signer, n int) []*client.Signer {
	t.Helper()
	msgs := []*txpb.Msg{{Sum: &txpb.Msg_RegisterAsset{RegisterAsset: &txpb.MsgRegisterAsset{Code: "CNY", Name: "yuan", Scale: 2}}}}
	var users []*client.Signer
	for i := 0; i < n; i++ {
		u := client.NewSigner(newPriv())
		users = append(users, u)
		msgs = append(msgs,
			&txpb.Msg{Sum: &txpb.Msg_RegisterAccount{RegisterAccount: &txpb.MsgRegisterAccount{PubKey: u.PubKey(), KycLevel: 1}}},
			&txpb.Msg{Sum: &txpb.Msg_Mint{Mint: &txpb.MsgMint{Asset: "CNY", To: u.Address(), Amount: 1_000_000}}})
	}
	mustSend(t, c, bank, msgs...)
	return users
}

// load sends transfers from each user in a loop, each waiting for its commit.
type load struct {
	cancel    context.CancelFunc
	wg        sync.WaitGroup
	mu        sync.Mutex
	committed map[string]int64
}

func startLoad(t *testing.T, c *client.Client, users []*client.Signer) *load {
	ctx, cancel := context.WithCancel(context.Background())
	l := &load{cancel: cancel, committed: map[string]int64{}}
	for i, u := range users {
		to := users[(i+1)%len(users)].Address()
		l.wg.Add(1)
		go func(u *client.Signer) {
			defer l.wg.Done()
			for ctx.Err() == nil {
				sctx, scancel := context.WithTimeout(ctx, 20*time.Second)
				r, err := c.Send(sctx, u, "", transferMsg(to, 1))
				scancel()
				if err != nil || r.Code != 0 {
					time.Sleep(100 * time.Millisecond) // e.g. a block in flight while a peer died
					continue
				}
				l.mu.Lock()
				l.committed[r.Hash] = r.Height
				l.mu.Unlock()
			}
		}(u)
	}
	return l
}

func (l *load) stop() map[string]int64 {
	l.cancel()
	l.wg.Wait()
	return l.committed
}
