package api

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx"
)

// batchPath is the batch submission's route; the edge gives it its own body limit.
const batchPath = "/v1/txs/batch"

// CheckTx admits one transaction to the node's mempool in process and answers the
// application's verdict; an error is the mempool's own refusal (known, full, too large).
type CheckTx func(raw []byte) (*abci.CheckTxResponse, error)

type batchInput struct {
	client string // the remote IP the rate limit counts against
	Body   batchBody
}

// batchBody is the batch's request body (read by decodeFast where it can, batchjson.go).
type batchBody struct {
	Txs [][]byte `json:"txs" doc:"signed transactions (protobuf Tx), base64, checked in this order" minItems:"1"`
}

// Resolve keeps the client's address for the rate limit.
func (in *batchInput) Resolve(ctx huma.Context) []error {
	in.client = clientOf(ctx.RemoteAddr())
	return nil
}

type batchOutput struct{ Body *client.BatchResult }

func (s *server) registerBatch(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "submit-tx-batch", Method: http.MethodPost, Path: batchPath, MaxBodyBytes: client.MaxBatchBytes,
		// huma's schema validation parses the body a second time into maps and matches every
		// transaction's base64 against a pattern: a sixth of the node's CPU under a bench's load
		// (profiled). The typed decode refuses what is not base64 or not a list, and the
		// handler checks the count; each transaction is then checked in full by CheckTx.
		SkipValidateBody: true,
		Summary:          "Submit signed transactions in one request",
		Description: fmt.Sprintf("At most %d transactions in a body of at most %d bytes. Each goes to the node's mempool check in "+
			"process, in the order given, as if submitted one by one (a signer's transactions may follow each other with "+
			"consecutive nonces); the answer has one entry per transaction: accepted with its hash, or refused with its "+
			"code. A refused entry changes nothing and uses no nonce. Too many transactions is 413 api.batch_too_many, "+
			"too large a body 413 api.too_large, a client over its rate 429 api.rate_limited with Retry-After.",
			client.MaxBatchTxs, client.MaxBatchBytes),
	}, func(ctx context.Context, in *batchInput) (*batchOutput, error) {
		if err := s.health(); err != nil {
			return nil, haltedProblem(err)
		}
		txs := in.Body.Txs
		if len(txs) == 0 { // null passes the schema's minItems
			return nil, &Problem{Status: http.StatusUnprocessableEntity, Title: "Empty batch", Code: "api.invalid_request",
				Detail: "a batch holds at least one transaction"}
		}
		if len(txs) > client.MaxBatchTxs {
			return nil, &Problem{Status: http.StatusRequestEntityTooLarge, Title: "Too many transactions", Code: "api.batch_too_many",
				Detail: fmt.Sprintf("%d transactions; a batch holds at most %d", len(txs), client.MaxBatchTxs)}
		}
		if wait := s.batchRate.take(in.client, len(txs)); wait > 0 {
			secs := int(math.Ceil(wait.Seconds()))
			return nil, huma.ErrorWithHeaders(&Problem{Status: http.StatusTooManyRequests, Title: "Rate limited", Code: "api.rate_limited",
				Detail: fmt.Sprintf("this client submits at most %d transactions a second; retry in %d s", s.limits.BatchTxsPerSecond, secs)},
				http.Header{"Retry-After": {strconv.Itoa(secs)}})
		}
		return &batchOutput{Body: s.admitAll(ctx, txs)}, nil
	})
}

// admitAll checks each transaction in order and answers for each.
func (s *server) admitAll(ctx context.Context, txs [][]byte) *client.BatchResult {
	out := &client.BatchResult{Results: make([]client.BatchEntry, len(txs))}
	if s.CheckTx != nil && s.PreVerify != nil {
		ahead := len(txs)
		if s.Room != nil {
			ahead = min(ahead, s.Room())
		}
		s.PreVerify(txs[:ahead])
	}
	var full error // once the mempool is full, the rest of the batch is too: not checked
	for i, raw := range txs {
		e := client.BatchEntry{Hash: tx.HashHex(raw)}
		err := full
		if err == nil {
			if err = s.admit(ctx, raw); client.IsMempoolFull(err) {
				full = err
			}
		}
		if err != nil {
			e.Code, e.Detail = problemCode(err)
			out.Refused++
		} else {
			e.Accepted = true
			out.Accepted++
		}
		out.Results[i] = e
	}
	return out
}

// admit puts one transaction to the mempool check: in process when the node plugged its
// CheckTx in, else through the client (an API over a remote node's RPC).
func (s *server) admit(ctx context.Context, raw []byte) error {
	if len(raw) > tx.MaxTxBytes {
		return tx.ErrTooLarge.Wrapf("%d bytes, limit %d", len(raw), tx.MaxTxBytes)
	}
	if s.CheckTx == nil {
		r, err := s.Client.Submit(ctx, raw, false)
		if err != nil {
			return err
		}
		return r.Err()
	}
	res, err := s.CheckTx(raw)
	if err != nil {
		return err
	}
	if res.Code != abci.CodeTypeOK {
		return &client.QueryError{Codespace: res.Codespace, Code: res.Code, Log: res.Log}
	}
	return nil
}

// problemCode is an entry's refusal as the code and detail its problem would carry alone.
func problemCode(err error) (string, string) {
	p := problemOf(err).(*Problem)
	return p.Code, p.Detail
}
