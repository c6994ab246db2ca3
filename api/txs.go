package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
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
		if err := s.health(); err != nil {
			return nil, haltedProblem(err)
		}
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
		r, err := s.Client.Tx(ctx, in.Hash)
		if client.IsNotFound(err) {
			return nil, &Problem{Status: http.StatusNotFound, Code: "api.not_found", Detail: "no committed transaction " + in.Hash}
		}
		if err != nil {
			return nil, problemOf(err)
		}
		// The index answers the outcome; the body (signer, messages) is in the block.
		b, err := s.Client.RPC.Block(ctx, &r.Height)
		if err != nil {
			return nil, problemOf(err)
		}
		var raw []byte
		if int(r.Index) < len(b.Block.Txs) {
			raw = b.Block.Txs[r.Index]
		}
		return &txDetailOutput{Body: txDetail(raw, r)}, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "list-account-txs", Method: http.MethodGet, Path: "/v1/accounts/{address}/txs",
		Summary:     "Committed transactions that touched an account, newest first",
		Description: fmt.Sprintf("At most %d per page; pass the answer's next as after for the following page.", query.MaxAccountTxs),
	}, func(ctx context.Context, in *struct {
		AddressInput
		After string `query:"after" maxLength:"80" doc:"the previous page's next"`
	}) (*accountTxsOutput, error) {
		if in.After != "" && !strings.HasPrefix(in.After, in.Address+query.AccountTxsAfter) {
			return nil, &Problem{Status: http.StatusUnprocessableEntity, Code: "api.invalid_request", Detail: "after must be a next of this account's listing"}
		}
		out, err := s.Client.AccountTxs(ctx, in.Address, in.After)
		if err != nil {
			return nil, problemOf(err)
		}
		return &accountTxsOutput{Body: out}, nil
	})
}

type accountTxsOutput struct{ Body *query.AccountTxs }

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
