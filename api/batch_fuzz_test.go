package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/api"
	"github.com/puhui-chain/puhui/client"
)

// FuzzBatchDecoding feeds arbitrary bodies to the batch route over a stand-in mempool check
// (even first byte: accepted). Whatever the body, the answer is a coded client error or one
// entry per transaction the mempool check saw, in order, counted right; never a fault.
func FuzzBatchDecoding(f *testing.F) {
	f.Add([]byte(`{"txs":["AA==","AQ=="]}`))
	f.Add([]byte(`{"txs":[]}`))
	f.Add([]byte(`{"txs":["not base64"]}`))
	f.Add([]byte(`{"txs":null}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"txs":["AA=="],"extra":1}`))
	limits := api.DefaultLimits()
	limits.BatchTxsPerSecond = 0
	// One handler for all inputs (building one is far slower than a request); the inputs of
	// one process run one at a time, so seen is each input's own.
	var seen [][]byte
	check := func(raw []byte) (*abci.CheckTxResponse, error) {
		seen = append(seen, raw)
		if len(raw) > 0 && raw[0]%2 == 0 {
			return &abci.CheckTxResponse{}, nil
		}
		return &abci.CheckTxResponse{Code: 2, Codespace: "tx", Log: "malformed"}, nil
	}
	h := api.New(api.Config{CheckTx: check, Limits: &limits})
	f.Fuzz(func(t *testing.T, body []byte) {
		seen = nil
		req := httptest.NewRequest(http.MethodPost, "/v1/txs/batch", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body)
		}
		if rec.Code != http.StatusOK {
			var p struct{ Code string }
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Code == "" {
				t.Fatalf("status %d without a coded problem: %s", rec.Code, rec.Body)
			}
			return
		}
		var res client.BatchResult
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Results) == 0 || len(res.Results) > client.MaxBatchTxs || res.Accepted+res.Refused != len(res.Results) {
			t.Fatalf("answer does not add up: %+v", res)
		}
		checked := 0
		for _, e := range res.Results {
			if e.Accepted != (e.Code == "") {
				t.Fatalf("entry %+v", e)
			}
			if e.Code != "tx.too_large" {
				if checked >= len(seen) || (len(seen[checked]) > 0 && seen[checked][0]%2 == 0) != e.Accepted {
					t.Fatalf("entry %+v does not match the check's verdict", e)
				}
				checked++
			}
		}
		if checked != len(seen) {
			t.Fatalf("the check saw %d transactions, the answer has %d", len(seen), checked)
		}
	})
}

// FuzzReadBatchFile: reading a batch file never panics, and what it reads writes back as
// lines that read the same.
func FuzzReadBatchFile(f *testing.F) {
	f.Add([]byte("AAEC\n# comment\n\nAwQF\n"))
	f.Add([]byte("not base64\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		txs, err := client.ReadBatchFile(bytes.NewReader(data))
		if err != nil {
			return
		}
		var b bytes.Buffer
		for _, raw := range txs {
			b.WriteString(client.BatchFileLine(raw) + "\n")
		}
		again, err := client.ReadBatchFile(&b)
		if err != nil || len(again) != len(txs) {
			t.Fatalf("round trip: %v, %d vs %d", err, len(again), len(txs))
		}
		for i := range txs {
			if !bytes.Equal(txs[i], again[i]) {
				t.Fatalf("entry %d differs", i)
			}
		}
	})
}
