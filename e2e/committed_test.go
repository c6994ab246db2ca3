package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// committedTx is what the block store and CometBFT's stored block results say of a
// transaction: its height and code.
type committedTx struct {
	Height int64
	Code   uint32
}

// learnCommitted adds to out the transactions that committed at heights from..to, learnt
// from the blocks and their stored results, never from a transaction index (the thing under
// test). Committed blocks never change, so a caller may learn each height once.
func learnCommitted(t *testing.T, c *client.Client, from, to int64, out map[string]committedTx) {
	t.Helper()
	ctx := context.Background()
	for h := from; h <= to; h++ {
		hh := h
		b, err := c.RPC.Block(ctx, &hh)
		require.NoError(t, err)
		res, err := c.RPC.BlockResults(ctx, &hh)
		require.NoError(t, err)
		require.Len(t, res.TxResults, len(b.Block.Txs), "height %d", h)
		for i, raw := range b.Block.Txs {
			out[tx.HashHex(raw)] = committedTx{Height: h, Code: res.TxResults[i].Code}
		}
	}
}

// requireFoundByREST looks every committed transaction up on GET /v1/txs/{hash}.
func requireFoundByREST(t *testing.T, api string, committed map[string]committedTx) {
	t.Helper()
	hc := &http.Client{Timeout: 10 * time.Second}
	for hash, want := range committed {
		res, err := hc.Get("http://" + api + "/v1/txs/" + hash)
		require.NoError(t, err)
		var got client.TxResult
		err = json.NewDecoder(res.Body).Decode(&got)
		res.Body.Close()
		require.Equal(t, http.StatusOK, res.StatusCode, "committed transaction %s (height %d) not found by REST", hash, want.Height)
		require.NoError(t, err)
		require.Equal(t, want.Height, got.Height, hash)
		require.Equal(t, want.Code, got.Code, hash)
	}
}

// requireFoundByCLI looks every committed transaction up with `puhui query tx`, many hashes
// per call.
func requireFoundByCLI(t *testing.T, rpc string, committed map[string]committedTx) {
	t.Helper()
	hashes := make([]string, 0, len(committed))
	for h := range committed {
		hashes = append(hashes, h)
	}
	for len(hashes) > 0 {
		n := min(len(hashes), 2000)
		chunk := hashes[:n]
		hashes = hashes[n:]
		args := append([]string{"query", "tx", "--node", "http://" + rpc, "-o", "json"}, chunk...)
		out, err := exec.Command(binary(t), args...).CombinedOutput()
		require.NoError(t, err, "puhui query tx: %s", tail0(out))
		var got []client.TxResult
		if len(chunk) == 1 {
			got = make([]client.TxResult, 1)
			require.NoError(t, json.Unmarshal(out, &got[0]))
		} else {
			require.NoError(t, json.Unmarshal(out, &got))
		}
		require.Len(t, got, len(chunk))
		for i, r := range got {
			want := committed[chunk[i]]
			require.Equal(t, chunk[i], r.Hash)
			require.Equal(t, want.Height, r.Height, r.Hash)
			require.Equal(t, want.Code, r.Code, r.Hash)
		}
	}
}

func tail0(b []byte) string {
	if len(b) > 2000 {
		return string(b[len(b)-2000:])
	}
	return string(b)
}

// fundedSigners registers n accounts with the operator and mints them money to move.
func fundedSigners(t *testing.T, c *client.Client, bank *client.Signer, n int) []*client.Signer {
	t.Helper()
	signers := make([]*client.Signer, n)
	setup := []*txpb.Msg{{Sum: &txpb.Msg_RegisterAsset{RegisterAsset: &txpb.MsgRegisterAsset{Code: "CNY", Name: "yuan", Scale: 2}}}}
	for i := range signers {
		signers[i] = client.NewSigner(newPriv())
		setup = append(setup,
			&txpb.Msg{Sum: &txpb.Msg_RegisterAccount{RegisterAccount: &txpb.MsgRegisterAccount{PubKey: signers[i].PubKey(), KycLevel: 1}}},
			&txpb.Msg{Sum: &txpb.Msg_Mint{Mint: &txpb.MsgMint{Asset: "CNY", To: signers[i].Address(), Amount: 100_000_000}}})
	}
	mustSend(t, c, bank, setup...)
	return signers
}

// load streams transfers from every signer without waiting for commits, resynchronising
// its nonce from the chain after any refusal. It records when each accepted submission
// was sent.
type txLoad struct {
	cancel   context.CancelFunc
	wg       sync.WaitGroup
	accepted atomic.Int64
	mu       sync.Mutex
	sentAt   []time.Time // start times of accepted submissions
}

func startTxLoad(c *client.Client, signers []*client.Signer, pause time.Duration) *txLoad {
	ctx, cancel := context.WithCancel(context.Background())
	l := &txLoad{cancel: cancel}
	for i, s := range signers {
		to := signers[(i+1)%len(signers)].Address()
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			l.stream(ctx, c, s, to, pause)
		}()
	}
	return l
}

func (l *txLoad) stream(ctx context.Context, c *client.Client, s *client.Signer, to string, pause time.Duration) {
	var nonce uint64
	for ctx.Err() == nil {
		if nonce == 0 {
			n, err := c.NextNonce(ctx, s.Address())
			if err != nil {
				time.Sleep(100 * time.Millisecond)
				continue
			}
			nonce = n
		}
		raw, err := s.Sign(c.ChainID(), nonce, "", transferMsg(to, 1))
		if err != nil {
			return
		}
		start := time.Now()
		sub, err := c.Submit(ctx, raw, false)
		if err != nil || sub.Code != 0 {
			nonce = 0 // refused or unreachable: learn the nonce again
			time.Sleep(100 * time.Millisecond)
			continue
		}
		l.accepted.Add(1)
		l.mu.Lock()
		l.sentAt = append(l.sentAt, start)
		l.mu.Unlock()
		nonce++
		time.Sleep(pause)
	}
}

func (l *txLoad) stop() {
	l.cancel()
	l.wg.Wait()
}

// acceptedSince counts accepted submissions sent at or after t.
func (l *txLoad) acceptedSince(t time.Time) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, s := range l.sentAt {
		if !s.Before(t) {
			n++
		}
	}
	return n
}

var committedLine = regexp.MustCompile(`Committed state.*height=(\d+)`)

// waitCommittedLine polls the node's log from offset until a "Committed state" line appears
// and returns its height as soon as it is seen.
func waitCommittedLine(t *testing.T, path string, offset int64, d time.Duration) int64 {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	_, err = f.Seek(offset, 0)
	require.NoError(t, err)
	var pending []byte
	buf := make([]byte, 64<<10)
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		n, _ := f.Read(buf)
		if n == 0 {
			time.Sleep(time.Millisecond)
			continue
		}
		pending = append(pending, buf[:n]...)
		if m := committedLine.FindSubmatch(pending); m != nil {
			h, err := strconv.ParseInt(string(m[1]), 10, 64)
			require.NoError(t, err)
			return h
		}
		if i := strings.LastIndexByte(string(pending), '\n'); i >= 0 {
			pending = pending[i+1:]
		}
	}
	t.Fatalf("no Committed state line in %s after %s", path, d)
	return 0
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	st, err := os.Stat(path)
	require.NoError(t, err)
	return st.Size()
}

// crashKills is how many times TestKillAfterCommitLosesNoTransaction kills the node: a few
// in the normal suite, one with -short, PUHUI_CRASH_KILLS for a long run.
func crashKills(t *testing.T) int {
	if v := os.Getenv("PUHUI_CRASH_KILLS"); v != "" {
		n, err := strconv.Atoi(v)
		require.NoError(t, err, "PUHUI_CRASH_KILLS")
		return n
	}
	if testing.Short() {
		return 1
	}
	return 3
}

// TestKillAfterCommitLosesNoTransaction kills the node with SIGKILL the moment it logs
// "Committed state" (the application has committed; CometBFT has not yet saved its state or
// fired the events its own indexer writes from), under load, again and again. After every
// restart each transaction the blocks and their stored results say committed is found by
// hash, through the REST API and the CLI.
func TestKillAfterCommitLosesNoTransaction(t *testing.T) {
	home := t.TempDir() + "/home"
	n := startNode(t, home, nil)
	c := n.client(t)
	signers := fundedSigners(t, c, operatorOf(t, home), 6)

	kills := crashKills(t)
	killedWithTxs := 0
	committed := map[string]committedTx{}
	var learnt int64
	for k := range kills {
		l := startTxLoad(c, signers, 2*time.Millisecond)
		time.Sleep(time.Second)
		height := waitCommittedLine(t, n.logPath, fileSize(t, n.logPath), 20*time.Second)
		n.kill()
		l.stop()

		n = startNode(t, home, &proc{api: n.api, rpc: n.rpc, p2p: n.p2p})
		c = n.client(t)
		st, err := c.Status(context.Background())
		require.NoError(t, err)
		require.GreaterOrEqual(t, st.Height, height, "the block committed before the kill is there")
		learnCommitted(t, c, learnt+1, st.Height, committed)
		learnt = st.Height
		inKilled := 0
		for _, ct := range committed {
			if ct.Height == height {
				inKilled++
			}
		}
		if inKilled > 0 {
			killedWithTxs++
		}
		requireFoundByREST(t, n.api, committed)
		requireFoundByCLI(t, n.rpc, committed)
		t.Logf("kill %d/%d right after Committed state height=%d (%d txs in it): %d committed txs of heights 1..%d all found by REST and CLI",
			k+1, kills, height, inKilled, len(committed), st.Height)
	}
	require.Positive(t, killedWithTxs, "at least one kill must land right after a block with transactions")
	mustSend(t, c, signers[0], transferMsg(signers[1].Address(), 1)) // and the node goes on
}
