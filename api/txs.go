package api

import (
	"context"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx"
)

// SubmitWait bounds how long a submission with wait=true waits for its commit.
const SubmitWait = 30 * time.Second

type txOutput struct{ Body *client.TxResult }

type submitInput struct {
	Body struct {
		Tx   []byte `json:"tx" doc:"the signed transaction (protobuf Tx), base64" minLength:"1"`
		Wait bool   `json:"wait,omitempty" doc:"wait until the transaction is committed"`
	}
}

func (s *server) registerTxs(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "submit-tx", Method: http.MethodPost, Path: "/v1/txs", Summary: "Submit a signed transaction",
		Description: "A transaction refused by the mempool (bad signature, nonce, authorisation…) is a 4xx problem. " +
			"Once accepted, the answer carries its hash and, with wait, its committed result, which may still be a coded failure.",
	}, func(ctx context.Context, in *submitInput) (*txOutput, error) {
		if len(in.Body.Tx) > tx.MaxTxBytes {
			return nil, problemOf(tx.ErrTooLarge.Wrapf("%d bytes, limit %d", len(in.Body.Tx), tx.MaxTxBytes))
		}
		return s.submit(ctx, in.Body.Tx, in.Body.Wait)
	})
	huma.Register(api, huma.Operation{
		OperationID: "get-tx", Method: http.MethodGet, Path: "/v1/txs/{hash}",
		Summary: "A committed transaction: its result, events, signer and messages",
	}, func(ctx context.Context, in *struct {
		Hash string `path:"hash" pattern:"^[0-9A-Fa-f]{64}$"`
	}) (*txDetailOutput, error) {
		h, _ := hex.DecodeString(in.Hash) // the pattern admits only hex
		res, err := s.Client.RPC.Tx(ctx, h, false)
		if err != nil {
			return nil, &Problem{Status: http.StatusNotFound, Code: "api.not_found", Detail: "no committed transaction " + in.Hash}
		}
		r := &client.TxResult{Hash: strings.ToUpper(in.Hash), Height: res.Height, Index: res.Index, Code: res.TxResult.Code,
			Codespace: res.TxResult.Codespace, Log: res.TxResult.Log, Events: client.Events(res.TxResult.Events)}
		return &txDetailOutput{Body: txDetail(res, r)}, nil
	})
}

func (s *server) submit(ctx context.Context, raw []byte, wait bool) (*txOutput, error) {
	if wait {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, SubmitWait)
		defer cancel()
	}
	r, err := s.Client.Submit(ctx, raw, wait)
	if errors.Is(err, client.ErrNotCommitted) {
		return &txOutput{Body: r}, nil // accepted, still pending
	}
	if err != nil {
		return nil, problemOf(err)
	}
	if r.Pending || r.Height > 0 {
		return &txOutput{Body: r}, nil
	}
	return nil, problemOf(r.Err()) // refused by CheckTx
}
