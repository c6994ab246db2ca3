package api_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/api"
	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/node/nodetest"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

type problem struct {
	Status int    `json:"status"`
	Code   string `json:"code"`
	Detail string `json:"detail"`
}

func do(t *testing.T, method, url, token string, body []byte) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	require.NoError(t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, res.Header, b
}

func requireProblem(t *testing.T, status int, h http.Header, body []byte, wantStatus int, wantCode string) {
	t.Helper()
	require.Equal(t, wantStatus, status, string(body))
	require.Equal(t, "application/problem+json", h.Get("Content-Type"), string(body))
	var p problem
	require.NoError(t, json.Unmarshal(body, &p), string(body))
	require.Equal(t, wantCode, p.Code, string(body))
}

func operatorSend(t *testing.T, n *nodetest.Node, msgs string) client.TxResult {
	t.Helper()
	status, _, body := do(t, http.MethodPost, n.APIURL+"/v1/operator/txs", n.Token, []byte(`{"messages":`+msgs+`}`))
	require.Equal(t, http.StatusOK, status, string(body))
	var r client.TxResult
	require.NoError(t, json.Unmarshal(body, &r))
	return r
}

func TestAPI(t *testing.T) {
	n := nodetest.Start(t)

	t.Run("status", func(t *testing.T) {
		status, _, body := do(t, http.MethodGet, n.APIURL+"/v1/status", "", nil)
		require.Equal(t, http.StatusOK, status)
		var st map[string]any
		require.NoError(t, json.Unmarshal(body, &st))
		require.Equal(t, "puhui-test", st["chain_id"])
		require.NotEmpty(t, st["latest_app_hash"])
		require.GreaterOrEqual(t, st["latest_block_height"].(float64), float64(1))
	})

	t.Run("openapi 3.1", func(t *testing.T) {
		status, _, body := do(t, http.MethodGet, n.APIURL+"/openapi.json", "", nil)
		require.Equal(t, http.StatusOK, status)
		var doc struct {
			OpenAPI string         `json:"openapi"`
			Paths   map[string]any `json:"paths"`
		}
		require.NoError(t, json.Unmarshal(body, &doc))
		require.True(t, strings.HasPrefix(doc.OpenAPI, "3.1"), doc.OpenAPI)
		for _, p := range []string{"/v1/status", "/v1/blocks/{height}", "/v1/txs", "/v1/txs/{hash}", "/v1/accounts/{address}",
			"/v1/assets", "/v1/members", "/v1/events", "/v1/operator/txs"} {
			require.Contains(t, doc.Paths, p)
		}
	})

	t.Run("operator endpoints need the token", func(t *testing.T) {
		status, h, body := do(t, http.MethodPost, n.APIURL+"/v1/operator/txs", "", []byte(`{"messages":[{"registerAsset":{"code":"X"}}]}`))
		requireProblem(t, status, h, body, http.StatusUnauthorized, "api.unauthorized")
		status, h, body = do(t, http.MethodGet, n.APIURL+"/v1/operator/key", "wrong-token", nil)
		requireProblem(t, status, h, body, http.StatusUnauthorized, "api.unauthorized")
	})

	alice := client.NewSigner(mustKey(t))
	t.Run("operator builds and signs", func(t *testing.T) {
		r := operatorSend(t, n, `[{"registerAsset":{"code":"CNY","name":"yuan","scale":2}},
			{"registerAccount":{"pubKey":"`+base64.StdEncoding.EncodeToString(alice.PubKey())+`","kycLevel":1}},
			{"mint":{"asset":"CNY","to":"`+alice.Address()+`","amount":"50000"}}]`)
		require.Zero(t, r.Code, r.Log)
		require.Positive(t, r.Height)
		// A refused business rule is a coded failure in the committed result.
		r = operatorSend(t, n, `[{"registerAsset":{"code":"CNY","name":"again","scale":2}}]`)
		require.Equal(t, "ledger", r.Codespace)
	})

	t.Run("account with proof verifies", func(t *testing.T) {
		status, _, body := do(t, http.MethodGet, n.APIURL+"/v1/accounts/"+alice.Address()+"?prove=true", "", nil)
		require.Equal(t, http.StatusOK, status, string(body))
		var a query.Account
		require.NoError(t, json.Unmarshal(body, &a))
		require.Equal(t, int64(50000), a.Balances[0].Available)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		v, err := n.Client.VerifyAccount(ctx, &a, client.VerifyOptions{})
		require.NoError(t, err)
		require.Equal(t, v.TotalPower, v.SignedPower)
	})

	t.Run("submit signed transaction, look it up, stream its event", func(t *testing.T) {
		events := openStream(t, n.APIURL+"/v1/events?kind=tx")
		raw, err := alice.Sign(n.ChainID, 1, "", &txpb.Msg{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{
			To: n.Operator.Address(), Asset: "CNY", Amount: 250}}})
		require.NoError(t, err)
		body, _ := json.Marshal(map[string]any{"tx": raw, "wait": true})
		status, _, res := do(t, http.MethodPost, n.APIURL+"/v1/txs", "", body)
		require.Equal(t, http.StatusOK, status, string(res))
		var r client.TxResult
		require.NoError(t, json.Unmarshal(res, &r))
		require.Zero(t, r.Code, r.Log)
		require.Equal(t, tx.HashHex(raw), r.Hash)

		status, _, res = do(t, http.MethodGet, n.APIURL+"/v1/txs/"+r.Hash, "", nil)
		require.Equal(t, http.StatusOK, status, string(res))
		require.Contains(t, string(res), "ledger.transfer")

		require.Eventually(t, func() bool {
			return strings.Contains(events.String(), r.Hash) && strings.Contains(events.String(), "ledger.transfer")
		}, 15*time.Second, 50*time.Millisecond, "event stream never carried %s", r.Hash)
	})

	t.Run("explorer listings and decoded transaction", func(t *testing.T) {
		r := operatorSend(t, n, `[{"transfer":{"to":"`+alice.Address()+`","asset":"CNY","amount":"7"}}]`)
		require.Zero(t, r.Code, r.Log)
		var detail api.TxDetail
		getJSON(t, n.APIURL+"/v1/txs/"+r.Hash, &detail)
		require.Equal(t, n.Operator.Address(), detail.Signer)
		require.Len(t, detail.Messages, 1)
		require.Contains(t, string(detail.Messages[0]), `"transfer"`)
		require.Positive(t, detail.Nonce)

		var txs api.TxList
		getJSON(t, n.APIURL+"/v1/txs?limit=50", &txs)
		found := false
		for i, x := range txs.Txs {
			if i > 0 {
				require.LessOrEqual(t, x.Height, txs.Txs[i-1].Height, "newest first")
			}
			if x.Hash == r.Hash {
				found = true
				require.Equal(t, []string{"transfer"}, x.Types)
				require.Equal(t, n.Operator.Address(), x.Signer)
			}
		}
		require.True(t, found, "the transfer is listed")

		var page1, page2 api.BlockList
		getJSON(t, n.APIURL+"/v1/blocks?limit=3", &page1)
		require.Len(t, page1.Blocks, 3)
		require.Equal(t, page1.Blocks[0].Height-1, page1.Blocks[1].Height)
		require.Equal(t, page1.Blocks[2].Height, page1.Next)
		getJSON(t, n.APIURL+"/v1/blocks?limit=3&before="+strconv.FormatInt(page1.Next, 10), &page2)
		require.Equal(t, page1.Next-1, page2.Blocks[0].Height, "the next page starts below the last")

		var vals []api.ValidatorInfo
		getJSON(t, n.APIURL+"/v1/validators", &vals)
		require.Len(t, vals, 1)
		require.Positive(t, vals[0].VotingPower)

		status, h, body := do(t, http.MethodGet, n.APIURL+"/", "", nil)
		require.Equal(t, http.StatusOK, status)
		require.Contains(t, string(body), "/console/js/app.js", "the console is served at /")
		require.Contains(t, h.Get("Content-Security-Policy"), "script-src 'self'")
	})

	t.Run("bad signature is a coded 4xx", func(t *testing.T) {
		raw, err := alice.Sign(n.ChainID, 2, "", &txpb.Msg{Sum: &txpb.Msg_Transfer{Transfer: &txpb.MsgTransfer{
			To: n.Operator.Address(), Asset: "CNY", Amount: 1}}})
		require.NoError(t, err)
		var env txpb.Tx
		require.NoError(t, proto.Unmarshal(raw, &env))
		env.Signature[3] ^= 0xff
		bad, _ := proto.Marshal(&env)
		body, _ := json.Marshal(map[string]any{"tx": bad})
		status, h, res := do(t, http.MethodPost, n.APIURL+"/v1/txs", "", body)
		requireProblem(t, status, h, res, http.StatusUnprocessableEntity, "tx.bad_signature")
	})

	t.Run("unknown things are coded 404s", func(t *testing.T) {
		status, h, body := do(t, http.MethodGet, n.APIURL+"/v1/accounts/"+strings.Repeat("ab", 20), "", nil)
		requireProblem(t, status, h, body, http.StatusNotFound, "identity.account_not_found")
		status, h, body = do(t, http.MethodGet, n.APIURL+"/v1/assets/NOPE", "", nil)
		requireProblem(t, status, h, body, http.StatusNotFound, "ledger.unknown_asset")
		status, h, body = do(t, http.MethodGet, n.APIURL+"/v1/txs/"+strings.Repeat("0", 64), "", nil)
		requireProblem(t, status, h, body, http.StatusNotFound, "api.not_found")
	})

	t.Run("loan schedule preview", func(t *testing.T) {
		status, _, body := do(t, http.MethodPost, n.APIURL+"/v1/lending/schedule", "", []byte(`{"principal": "10000",
			"annual_rate_percent": "12", "periods": 12, "frequency": "months", "every": 1, "interest_method": "declining_balance",
			"amortization": "equal_installments", "rounding": "half_even", "scale": 2, "start_date": "2024-01-01"}`))
		require.Equal(t, http.StatusOK, status, string(body))
		var sch struct {
			Installments  []struct{ Principal, Interest, Total, Balance, DueDate string } `json:"installments"`
			TotalInterest string                                                          `json:"total_interest"`
			APR           string                                                          `json:"apr_percent"`
		}
		require.NoError(t, json.Unmarshal(body, &sch))
		require.Len(t, sch.Installments, 12)
		require.Equal(t, "788.49", sch.Installments[0].Principal)
		require.Equal(t, "888.47", sch.Installments[11].Total)
		require.Equal(t, "661.86", sch.TotalInterest)
		require.Equal(t, "12.00", sch.APR)

		status, h, body := do(t, http.MethodPost, n.APIURL+"/v1/lending/schedule", "", []byte(`{"principal": "0",
			"annual_rate_percent": "12", "periods": 12, "start_date": "2024-01-01"}`))
		requireProblem(t, status, h, body, http.StatusUnprocessableEntity, "lending.invalid_request")
		require.Contains(t, string(body), "body.principal")

		// Progressive instalments by the request's own fields (Fineract's public case: 100.00
		// at 9.4822%, 30/360, 6 monthly → 17.13); progressive with flat interest is a 422.
		status, _, body = do(t, http.MethodPost, n.APIURL+"/v1/lending/schedule", "", []byte(`{"principal":"100",
			"annual_rate_percent":"9.4822", "periods":6,"amortization":"progressive","interest_period":"daily",
			"days_in_year":"360","days_in_month":"30", "start_date":"2024-01-01"}`))
		require.Equal(t, http.StatusOK, status, string(body))
		require.NoError(t, json.Unmarshal(body, &sch))
		require.Len(t, sch.Installments, 6)
		for _, in := range sch.Installments {
			require.Equal(t, "17.13", in.Total)
		}
		require.Equal(t, "0.79", sch.Installments[0].Interest)
		status, h, body = do(t, http.MethodPost, n.APIURL+"/v1/lending/schedule", "", []byte(`{"principal":"100",
			"annual_rate_percent":"9.4822", "periods":6,"amortization":"progressive","interest_method":"flat",
			"interest_period":"daily","start_date":"2024-01-01"}`))
		requireProblem(t, status, h, body, http.StatusUnprocessableEntity, "lending.invalid_request")
		require.Contains(t, string(body), "body.amortization")
	})

	t.Run("insurance quote", func(t *testing.T) {
		status, _, body := do(t, http.MethodPost, n.APIURL+"/v1/insurance/quote", "", []byte(`{"sum_insured":"10000.00",
			"trigger":"0.75","exit":"0.10","max_payout_fraction":"0.90","index":"1.0","reference":"2.0","direction":"below"}`))
		require.Equal(t, http.StatusOK, status, string(body))
		var q struct{ Payout, MaxPayout string }
		require.NoError(t, json.Unmarshal(body, &q))
		require.Equal(t, "3461.54", q.Payout)
		status, h, body := do(t, http.MethodPost, n.APIURL+"/v1/insurance/quote", "", []byte(`{"sum_insured":"10000.00",
			"trigger":"0.10","exit":"0.75","max_payout_fraction":"0.90","index":"1.0"}`))
		requireProblem(t, status, h, body, http.StatusUnprocessableEntity, "insurance.invalid_request")
		require.Contains(t, string(body), "body.trigger")
	})

	t.Run("malformed input to every endpoint", func(t *testing.T) {
		malformedEverywhere(t, n)
	})
}

// malformedEverywhere sends broken JSON to every operation with a body, and broken
// parameters to every operation with path parameters, as listed by the OpenAPI document.
func malformedEverywhere(t *testing.T, n *nodetest.Node) {
	_, _, body := do(t, http.MethodGet, n.APIURL+"/openapi.json", "", nil)
	var doc struct {
		Paths map[string]map[string]struct {
			RequestBody any `json:"requestBody"`
			Parameters  []struct {
				In string `json:"in"`
			} `json:"parameters"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(body, &doc))
	bodies, params := 0, 0
	for path, ops := range doc.Paths {
		for method, op := range ops {
			url := n.APIURL + strings.NewReplacer("{height}", "-7", "{hash}", "xyz", "{address}", "NOT-AN-ADDRESS",
				"{code}", "a", "{id}", "abc").Replace(path)
			if op.RequestBody != nil {
				for _, junk := range []string{`{not json`, `[]`, `{"tx": 5, "messages": "x"}`} {
					status, h, res := do(t, strings.ToUpper(method), n.APIURL+path, n.Token, []byte(junk))
					require.True(t, status == 400 || status == 422, "%s %s with %q: %d %s", method, path, junk, status, res)
					require.Equal(t, "application/problem+json", h.Get("Content-Type"))
					var p problem
					require.NoError(t, json.Unmarshal(res, &p))
					require.True(t, strings.HasPrefix(p.Code, "api.") || strings.HasPrefix(p.Code, "tx."), "%s %s: code %q", method, path, p.Code)
				}
				bodies++
			}
			if strings.Contains(path, "{") {
				status, h, res := do(t, strings.ToUpper(method), url, n.Token, nil)
				require.True(t, status >= 400 && status < 500, "%s %s: %d %s", method, url, status, res)
				require.Equal(t, "application/problem+json", h.Get("Content-Type"), "%s %s", method, url)
				params++
			}
		}
	}
	require.GreaterOrEqual(t, bodies, 2)
	require.GreaterOrEqual(t, params, 5)
}

// stream collects a server-sent event stream in the background.
type stream struct {
	buf bytes.Buffer
	mu  chan struct{}
}

func (s *stream) String() string {
	s.mu <- struct{}{}
	defer func() { <-s.mu }()
	return s.buf.String()
}

func openStream(t *testing.T, url string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	require.NoError(t, err)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.Equal(t, "text/event-stream", res.Header.Get("Content-Type"))
	s := &stream{mu: make(chan struct{}, 1)}
	t.Cleanup(func() { res.Body.Close() })
	go func() {
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			s.mu <- struct{}{}
			s.buf.WriteString(sc.Text() + "\n")
			<-s.mu
		}
	}()
	require.Eventually(t, func() bool { return strings.Contains(s.String(), "event: ready") }, 10*time.Second, 20*time.Millisecond)
	return s
}

// TestShutdownEndsEventStreams: a node stops promptly and cleanly with a stream open.
func TestShutdownEndsEventStreams(t *testing.T) {
	n := nodetest.Start(t)
	s := openStream(t, n.APIURL+"/v1/events")
	require.Eventually(t, func() bool { return strings.Contains(s.String(), "event: block") }, 10*time.Second, 20*time.Millisecond,
		"idle chains still stream blocks")
	start := time.Now()
	require.NoError(t, n.Stop())
	require.Less(t, time.Since(start), 4*time.Second)
}
