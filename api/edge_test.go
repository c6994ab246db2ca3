package api_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/api"
	"github.com/puhui-chain/puhui/node/nodetest"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// rawRequest writes text on a new loopback connection and reads the answer.
func rawRequest(t *testing.T, addr, text string) (*http.Response, []byte) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer c.Close()
	_, err = c.Write([]byte(text))
	require.NoError(t, err)
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	require.NoError(t, err)
	defer res.Body.Close()
	var body json.RawMessage
	require.NoError(t, json.NewDecoder(res.Body).Decode(&body))
	return res, body
}

// Every edge case the issue names answers its own status and code, never api.internal, and
// a transaction refused before the mempool leaves the signer's nonce where it was.
func TestEdgeRefusalsHaveTheirOwnCodes(t *testing.T) {
	n := nodetest.Start(t)
	addr := strings.TrimPrefix(n.APIURL, "http://")
	ctx := context.Background()
	l := api.DefaultLimits()
	require.Equal(t, []time.Duration{l.ReadTimeout, l.WriteTimeout, l.IdleTimeout}, []time.Duration{n.API.ReadTimeout, n.API.WriteTimeout, n.API.IdleTimeout},
		"the node serves the API under the API's limits")

	t.Run("oversized body by its length is 413 before it is read", func(t *testing.T) {
		res, body := rawRequest(t, addr, fmt.Sprintf("POST /v1/txs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n{", api.MaxBodyBytes+1))
		requireProblem(t, res.StatusCode, res.Header, body, http.StatusRequestEntityTooLarge, "api.too_large")
	})
	t.Run("oversized chunked body is 413", func(t *testing.T) {
		big := `{"tx":"` + strings.Repeat("A", api.MaxBodyBytes) + `"}`
		req, err := http.NewRequest(http.MethodPost, n.APIURL+"/v1/txs", strings.NewReader(big))
		require.NoError(t, err)
		req.ContentLength = -1 // chunked: the limit cuts the read instead
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		var body json.RawMessage
		require.NoError(t, json.NewDecoder(res.Body).Decode(&body))
		requireProblem(t, res.StatusCode, res.Header, body, http.StatusRequestEntityTooLarge, "api.too_large")
	})
	t.Run("unsupported media type is 415", func(t *testing.T) {
		res, body := rawRequest(t, addr, "POST /v1/txs HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi")
		requireProblem(t, res.StatusCode, res.Header, body, http.StatusUnsupportedMediaType, "api.unsupported_media_type")
	})
	t.Run("operator token is checked before the body is read", func(t *testing.T) {
		res, body := rawRequest(t, addr, "POST /v1/operator/txs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer wrong\r\nContent-Length: 9\r\n\r\nnot json!")
		requireProblem(t, res.StatusCode, res.Header, body, http.StatusUnauthorized, "api.unauthorized")
	})
	t.Run("no route: 404 and 405 are coded problems", func(t *testing.T) {
		status, h, body := do(t, http.MethodGet, n.APIURL+"/v1/nothing-here", "", nil)
		requireProblem(t, status, h, body, http.StatusNotFound, "api.not_found")
		status, h, body = do(t, http.MethodDelete, n.APIURL+"/v1/status", "", nil)
		requireProblem(t, status, h, body, http.StatusMethodNotAllowed, "api.method_not_allowed")
		require.Contains(t, h.Get("Allow"), "GET")
	})
	t.Run("the Host header is not reflected into $schema", func(t *testing.T) {
		res, body := rawRequest(t, addr, "GET /v1/status HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n")
		require.Equal(t, http.StatusOK, res.StatusCode, string(body))
		var v struct {
			Schema string `json:"$schema"`
		}
		require.NoError(t, json.Unmarshal(body, &v))
		require.NotContains(t, string(body), "evil.example")
		require.True(t, strings.HasPrefix(v.Schema, "/schemas/"), v.Schema)
	})

	op := n.Operator
	submit := func(raw []byte) (int, http.Header, []byte) {
		b, _ := json.Marshal(map[string]any{"tx": raw})
		return do(t, http.MethodPost, n.APIURL+"/v1/txs", "", b)
	}
	t.Run("a stateless refusal is a coded 422 and uses no nonce", func(t *testing.T) {
		next, err := n.Client.NextNonce(ctx, op.Address())
		require.NoError(t, err)
		raw, err := op.Sign(n.ChainID, next, "", &txpb.Msg{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{
			To: op.Address(), Asset: "CNY", Amount: 0}}})
		require.NoError(t, err)
		status, h, body := submit(raw)
		requireProblem(t, status, h, body, http.StatusUnprocessableEntity, "amount.non_positive")
		n.WaitHeight(t, mustHeight(t, n)+1)
		after, err := n.Client.NextNonce(ctx, op.Address())
		require.NoError(t, err)
		require.Equal(t, next, after, "the refused transaction used no nonce")
	})
	t.Run("a transaction already known is 409", func(t *testing.T) {
		next, err := n.Client.NextNonce(ctx, op.Address())
		require.NoError(t, err)
		raw, err := op.Sign(n.ChainID, next, "", &txpb.Msg{Sum: &txpb.Msg_RegisterAsset{RegisterAsset: &txpb.MsgRegisterAsset{
			Code: "EDGE", Name: "Edge", Scale: 2}}})
		require.NoError(t, err)
		status, _, body := submit(raw)
		require.Equal(t, http.StatusOK, status, string(body))
		status, h, body := submit(raw)
		requireProblem(t, status, h, body, http.StatusConflict, "api.tx_known")
	})
}

func mustHeight(t *testing.T, n *nodetest.Node) int64 {
	t.Helper()
	st, err := n.Client.RPC.Status(context.Background())
	require.NoError(t, err)
	return st.SyncInfo.LatestBlockHeight
}
