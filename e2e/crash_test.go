package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/keyring"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// operatorOf opens the node home's operator key.
func operatorOf(t *testing.T, home string) *client.Signer {
	t.Helper()
	pass, err := os.ReadFile(filepath.Join(home, "config", "keyring-passphrase"))
	require.NoError(t, err)
	kr, err := keyring.Open(filepath.Join(home, "keyring"))
	require.NoError(t, err)
	priv, err := kr.Load("operator", strings.TrimSpace(string(pass)))
	require.NoError(t, err)
	return client.NewSigner(priv)
}

func mustSend(t *testing.T, c *client.Client, s *client.Signer, msgs ...*txpb.Msg) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := c.Send(ctx, s, "", msgs...)
	require.NoError(t, err)
	require.NoError(t, r.Err())
}

func transferMsg(to string, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{To: to, Asset: "CNY", Amount: amount}}}
}

// TestCrashRecovery streams transfers into a real node process, kills it with SIGKILL in the
// middle, restarts it and checks that nothing committed was lost or changed.
func TestCrashRecovery(t *testing.T) {
	home := filepath.Join(t.TempDir(), "home")
	n := startNode(t, home, nil)
	c := n.client(t)
	bank := operatorOf(t, home)

	const users = 6
	signers := make([]*client.Signer, users)
	var setup []*txpb.Msg
	setup = append(setup, &txpb.Msg{Sum: &txpb.Msg_RegisterAsset{RegisterAsset: &txpb.MsgRegisterAsset{Code: "CNY", Name: "yuan", Scale: 2}}})
	for i := range signers {
		kr, err := keyring.Open(t.TempDir())
		require.NoError(t, err)
		_, err = kr.Add("u", "passphrase-long")
		require.NoError(t, err)
		priv, err := kr.Load("u", "passphrase-long")
		require.NoError(t, err)
		signers[i] = client.NewSigner(priv)
		setup = append(setup,
			&txpb.Msg{Sum: &txpb.Msg_RegisterAccount{RegisterAccount: &txpb.MsgRegisterAccount{PubKey: signers[i].PubKey(), KycLevel: 1}}},
			&txpb.Msg{Sum: &txpb.Msg_Mint{Mint: &txpb.MsgMint{Asset: "CNY", To: signers[i].Address(), Amount: 1_000_000}}})
	}
	mustSend(t, c, bank, setup...)

	// Stream: each user sends pre-signed transfers in nonce order; a watcher records what
	// committed. After a while the node is killed mid-stream.
	seen, before := streamUntilKilled(t, n, c, signers, 4*time.Second)
	require.NotEmpty(t, seen, "some transfers must have committed before the kill")
	lastHeight := int64(len(before))
	t.Logf("%d transfers seen committed before SIGKILL; AppHashes recorded to height %d", len(seen), lastHeight)

	n2 := startNode(t, home, &proc{api: n.api, rpc: n.rpc, p2p: n.p2p})
	c2 := n2.client(t)
	ctx := context.Background()
	// What committed is learnt from the blocks and their results, not from the index that
	// answers Tx: that index is under test.
	st, err := c2.Status(ctx)
	require.NoError(t, err)
	committed := map[string]committedTx{}
	learnCommitted(t, c2, 1, st.Height, committed)
	for hash := range seen {
		require.Contains(t, committed, hash, "a transaction seen committed is in a block")
	}
	for hash, want := range committed {
		r, err := c2.Tx(ctx, hash)
		require.NoError(t, err, "committed transaction %s lost", hash)
		require.Equal(t, want.Height, r.Height)
		require.Equal(t, want.Code, r.Code)
	}
	require.Equal(t, before, appHashes(t, c2, lastHeight), "AppHash history changed across the crash")

	var total int64
	for _, s := range signers {
		a, err := c2.Account(ctx, s.Address(), false)
		require.NoError(t, err)
		for _, b := range a.Balances {
			total += b.Available + b.Held
		}
	}
	asset, err := c2.Asset(ctx, "CNY")
	require.NoError(t, err)
	require.Equal(t, asset.Supply, total, "balances must add up to the supply")

	// The restarted node keeps working.
	mustSend(t, c2, signers[0], transferMsg(signers[1].Address(), 1))
}

// streamUntilKilled submits transfers from every signer and kills the node after d. It
// returns the committed transactions (hash → height) seen before the kill and the AppHash
// history read just before it.
func streamUntilKilled(t *testing.T, n *proc, c *client.Client, signers []*client.Signer, d time.Duration) (map[string]int64, []string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	committed := map[string]int64{}
	var wg sync.WaitGroup
	for i, s := range signers {
		to := signers[(i+1)%len(signers)].Address()
		nonce, err := c.NextNonce(ctx, s.Address())
		require.NoError(t, err)
		wg.Add(1)
		go func(s *client.Signer, nonce uint64) {
			defer wg.Done()
			for ; ctx.Err() == nil; nonce++ {
				raw, err := s.Sign(c.ChainID(), nonce, "", transferMsg(to, 1))
				if err != nil {
					return
				}
				sub, err := c.Submit(ctx, raw, false)
				if err != nil || sub.Code != 0 {
					return
				}
				wctx, wcancel := context.WithTimeout(ctx, 10*time.Second)
				r, err := c.WaitTx(wctx, sub.Hash)
				wcancel()
				if err != nil {
					return
				}
				mu.Lock()
				committed[r.Hash] = r.Height
				mu.Unlock()
			}
		}(s, nonce)
	}
	time.Sleep(d)
	st, err := c.Status(ctx)
	require.NoError(t, err)
	history := appHashes(t, c, st.Height)
	n.kill() // SIGKILL while transfers are in flight
	cancel()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	out := make(map[string]int64, len(committed))
	for k, v := range committed {
		out[k] = v
	}
	return out, history
}

// appHashes returns the AppHash recorded in the header of every height from 1 to last.
func appHashes(t *testing.T, c *client.Client, last int64) []string {
	t.Helper()
	var out []string
	for h := int64(1); h <= last; h++ {
		hh := h
		b, err := c.RPC.Block(context.Background(), &hh)
		require.NoError(t, err)
		out = append(out, b.Block.AppHash.String()+"/"+b.BlockID.Hash.String())
	}
	return out
}
