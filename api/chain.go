package api

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/tx"
)

// Block is a block's summary.
type Block struct {
	Height          int64     `json:"height"`
	Hash            string    `json:"hash"`
	Time            time.Time `json:"time"`
	AppHash         string    `json:"app_hash" doc:"AppHash after the previous block (state root of height-1)"`
	ProposerAddress string    `json:"proposer_address"`
	NumTxs          int       `json:"num_txs"`
	TxHashes        []string  `json:"tx_hashes"`
}

type blockOutput struct{ Body Block }

func (s *server) registerChain(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "get-block", Method: http.MethodGet, Path: "/v1/blocks/{height}", Summary: "A block by height, or 'latest'",
	}, func(ctx context.Context, in *struct {
		Height string `path:"height" doc:"a height, or latest"`
	}) (*blockOutput, error) {
		var hp *int64
		if in.Height != "latest" {
			h, err := strconv.ParseInt(in.Height, 10, 64)
			if err != nil || h <= 0 {
				return nil, &Problem{Status: http.StatusUnprocessableEntity, Code: "api.invalid_request", Detail: "height must be a positive integer or 'latest'"}
			}
			hp = &h
		}
		res, err := s.Client.RPC.Block(ctx, hp)
		if err != nil {
			return nil, &Problem{Status: http.StatusNotFound, Code: "api.not_found", Detail: err.Error()}
		}
		b := res.Block
		out := Block{Height: b.Height, Hash: res.BlockID.Hash.String(), Time: b.Time, AppHash: b.AppHash.String(),
			ProposerAddress: b.ProposerAddress.String(), NumTxs: len(b.Txs), TxHashes: []string{}}
		for _, t := range b.Txs {
			out.TxHashes = append(out.TxHashes, strings.ToUpper(fmt.Sprintf("%x", tx.Hash(t))))
		}
		return &blockOutput{Body: out}, nil
	})
}
