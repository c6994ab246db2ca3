package api_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/mempool"
	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/api"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/node/nodetest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

func TestBatchSubmission(t *testing.T) {
	n := nodetest.Start(t)
	ctx := context.Background()
	alice := client.NewSigner(mustKey(t))
	r := operatorSend(t, n, `[{"registerAsset":{"code":"CNY","name":"yuan","scale":2}},
		{"registerAccount":{"pubKey":"`+base64.StdEncoding.EncodeToString(alice.PubKey())+`","kycLevel":1}},
		{"mint":{"asset":"CNY","to":"`+n.Operator.Address()+`","amount":"1000"}}]`)
	require.Zero(t, r.Code, r.Log)
	op := n.Operator
	next, err := n.Client.NextNonce(ctx, op.Address())
	require.NoError(t, err)
	transfer := func(nonce uint64, amount int64) []byte {
		raw, err := op.Sign(n.ChainID, nonce, "", &txpb.Msg{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{
			To: alice.Address(), Asset: "CNY", Amount: amount}}})
		require.NoError(t, err)
		return raw
	}

	t.Run("accepted and refused entries in one batch, in order", func(t *testing.T) {
		first := transfer(next, 3)
		txs := [][]byte{
			first,
			transfer(next+1, 0), // stateless refusal: it must not use next+1
			transfer(next+1, 4),
			transfer(next+5, 1),             // a gap in the nonces
			[]byte("not a transaction"),     // undecodable
			bytes.Repeat([]byte{1}, 65<<10), // larger than a transaction may be
			first,                           // the same bytes again
		}
		res, err := client.SubmitBatch(ctx, nil, n.APIURL, txs)
		require.NoError(t, err)
		codes := make([]string, len(res.Results))
		for i, e := range res.Results {
			require.Equal(t, tx.HashHex(txs[i]), e.Hash)
			require.Equal(t, e.Accepted, e.Code == "", "entry %d: %+v", i, e)
			codes[i] = e.Code
		}
		require.Equal(t, []string{"", "amount.non_positive", "", "tx.bad_nonce", "tx.malformed", "tx.too_large", "api.tx_known"}, codes)
		require.Equal(t, 2, res.Accepted)
		require.Equal(t, 5, res.Refused)
		for _, i := range []int{0, 2} {
			wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			c, err := n.Client.WaitTx(wctx, res.Results[i].Hash)
			cancel()
			require.NoError(t, err)
			require.Zero(t, c.Code, c.Log)
		}
		a, err := n.Client.Account(ctx, alice.Address(), false)
		require.NoError(t, err)
		require.Len(t, a.Balances, 1)
		require.EqualValues(t, 7, a.Balances[0].Available, "both accepted transfers committed: 3 + 4")
		after, err := n.Client.NextNonce(ctx, op.Address())
		require.NoError(t, err)
		require.Equal(t, next+2, after, "the refused entries used no nonce")
	})

	t.Run("more than the batch holds is refused whole", func(t *testing.T) {
		txs := make([][]byte, client.MaxBatchTxs+1)
		for i := range txs {
			txs[i] = []byte{byte(i)}
		}
		_, err := client.SubmitBatch(ctx, nil, n.APIURL, txs)
		requireBatchError(t, err, http.StatusRequestEntityTooLarge, "api.batch_too_many")
	})

	t.Run("a body over the limit is refused, with or without its length", func(t *testing.T) {
		big := []byte(`{"txs":["` + strings.Repeat("A", client.MaxBatchBytes) + `"]}`)
		status, h, body := do(t, http.MethodPost, n.APIURL+"/v1/txs/batch", "", big)
		requireProblem(t, status, h, body, http.StatusRequestEntityTooLarge, "api.too_large")
		// Chunked: no Content-Length for the edge to see; the read itself is cut.
		req, err := http.NewRequest(http.MethodPost, n.APIURL+"/v1/txs/batch", io.MultiReader(bytes.NewReader(big)))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		body, _ = io.ReadAll(res.Body)
		res.Body.Close()
		requireProblem(t, res.StatusCode, res.Header, body, http.StatusRequestEntityTooLarge, "api.too_large")
	})

	t.Run("a body larger than other requests but within the batch limit is read", func(t *testing.T) {
		txs := make([][]byte, 6)
		for i := range txs {
			txs[i] = bytes.Repeat([]byte{byte(i)}, 60<<10) // 360 KiB in all, above the 256 KiB of other requests
		}
		res, err := client.SubmitBatch(ctx, nil, n.APIURL, txs)
		require.NoError(t, err)
		require.Equal(t, 6, res.Refused)
	})
}

func TestBatchRateLimit(t *testing.T) {
	n := nodetest.Start(t)
	limits := api.DefaultLimits()
	limits.BatchTxsPerSecond, limits.BatchBurst = 1, 0 // the burst is then one full batch
	url := "http://" + serveWith(t, n, limits)
	full := make([][]byte, client.MaxBatchTxs)
	for i := range full {
		full[i] = []byte{byte(i)}
	}
	res, err := client.SubmitBatch(context.Background(), nil, url, full)
	require.NoError(t, err)
	require.Equal(t, client.MaxBatchTxs, res.Refused)
	req, err := http.NewRequest(http.MethodPost, url+"/v1/txs/batch", strings.NewReader(`{"txs":["AQ=="]}`))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	hres, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(hres.Body)
	hres.Body.Close()
	requireProblem(t, hres.StatusCode, hres.Header, body, http.StatusTooManyRequests, "api.rate_limited")
	require.Equal(t, "1", hres.Header.Get("Retry-After"))
}

func requireBatchError(t *testing.T, err error, status int, code string) {
	t.Helper()
	var be *client.BatchError
	require.True(t, errors.As(err, &be), "%v", err)
	require.Equal(t, status, be.Status, be.Detail)
	require.Equal(t, code, be.Code, be.Detail)
}

// Once the mempool answers full, the rest of the batch is answered busy without being
// checked (it would meet the same full mempool); what came before stands.
func TestBatchStopsCheckingAtAFullMempool(t *testing.T) {
	calls := 0
	check := func(raw []byte) (*abci.CheckTxResponse, error) {
		calls++
		if calls == 2 {
			return nil, mempool.ErrMempoolIsFull{NumTxs: 1, MaxTxs: 1}
		}
		return &abci.CheckTxResponse{}, nil
	}
	limits := api.DefaultLimits()
	srv := httptest.NewServer(api.New(api.Config{CheckTx: check, Limits: &limits}))
	defer srv.Close()
	res, err := client.SubmitBatch(context.Background(), nil, srv.URL, [][]byte{{1}, {2}, {3}, {4}})
	require.NoError(t, err)
	require.Equal(t, 2, calls, "nothing after the full mempool is checked")
	require.True(t, res.Results[0].Accepted)
	for _, e := range res.Results[1:] {
		require.Equal(t, "api.mempool_full", e.Code)
	}
	require.Equal(t, 1, res.Accepted)
	require.Equal(t, 3, res.Refused)
}
