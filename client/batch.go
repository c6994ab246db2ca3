package client

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/puhui-chain/puhui/tx"
)

// MaxBatchTxs and MaxBatchBytes bound one batch submission (POST /v1/txs/batch): at most
// this many transactions, in a request body of at most this many bytes.
const (
	MaxBatchTxs   = 1000
	MaxBatchBytes = 4 << 20
)

// BatchEntry is one transaction's answer in a batch submission, in the order submitted:
// accepted into the mempool with its hash, or refused with a stable code.
type BatchEntry struct {
	Hash     string `json:"hash" doc:"the transaction's hash (hex), also for a refused one"`
	Accepted bool   `json:"accepted" doc:"admitted to the mempool; it commits in a coming block"`
	Code     string `json:"code,omitempty" doc:"why it was refused, a stable code such as tx.bad_nonce or api.mempool_full"`
	Detail   string `json:"detail,omitempty" doc:"the refusal in words"`
}

// BatchResult is the answer to a batch submission.
type BatchResult struct {
	Accepted int          `json:"accepted" doc:"how many entries were admitted"`
	Refused  int          `json:"refused" doc:"how many entries were refused"`
	Results  []BatchEntry `json:"results" doc:"one entry per submitted transaction, in order"`
}

// BatchError is a batch refused as a whole (too many transactions, too large, rate limited,
// node halted): the API's problem code and its status.
type BatchError struct {
	Status int    `json:"status"`
	Code   string `json:"code"`
	Detail string `json:"detail"`
}

func (e *BatchError) Error() string {
	return fmt.Sprintf("batch refused (%d %s): %s", e.Status, e.Code, e.Detail)
}

// SubmitBatch submits signed transactions in one request to a node's REST API at apiURL
// (e.g. http://127.0.0.1:8080). The node checks them in order, as if submitted one by one,
// and answers for each; a refused entry changes nothing. hc nil: http.DefaultClient. The
// answer does not wait for commits: follow an accepted hash with WaitTx.
func SubmitBatch(ctx context.Context, hc *http.Client, apiURL string, txs [][]byte) (*BatchResult, error) {
	if hc == nil {
		hc = http.DefaultClient
	}
	body, err := json.Marshal(struct {
		Txs [][]byte `json:"txs"`
	}{txs})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(apiURL, "/")+"/v1/txs/batch", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, 16<<20))
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		be := &BatchError{Status: res.StatusCode}
		if json.Unmarshal(data, be) != nil || be.Code == "" {
			be.Code, be.Detail = "api.node_error", strings.TrimSpace(string(data))
		}
		return nil, be
	}
	var out BatchResult
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, fmt.Errorf("batch answer: %w", err)
	}
	if len(out.Results) != len(txs) {
		return nil, fmt.Errorf("batch answer has %d entries for %d transactions", len(out.Results), len(txs))
	}
	return &out, nil
}

// The batch file format: one signed transaction per line, in standard base64 (what
// `puhui tx ... --sign-only` prints); blank lines and lines starting with # are skipped.

// ReadBatchFile reads signed transactions in the batch file format.
func ReadBatchFile(r io.Reader) ([][]byte, error) {
	sc := bufio.NewScanner(r)
	// A line holds one transaction in base64: 4/3 of the largest transaction, and some.
	sc.Buffer(make([]byte, 64<<10), tx.MaxTxBytes*4/3+1024)
	var out [][]byte
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		raw, err := base64.StdEncoding.DecodeString(text)
		if err != nil {
			return nil, fmt.Errorf("line %d: not a base64 transaction: %w", line, err)
		}
		if len(raw) == 0 {
			return nil, fmt.Errorf("line %d: empty transaction", line)
		}
		out = append(out, raw)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("batch file: %w", err)
	}
	return out, nil
}

// BatchFileLine is a signed transaction as a line of the batch file format.
func BatchFileLine(raw []byte) string { return base64.StdEncoding.EncodeToString(raw) }
