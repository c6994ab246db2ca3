package api

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"google.golang.org/protobuf/encoding/protojson"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/tx"
)

// Bounds of the explorer's listings: a page is small, and a transaction page walks back at
// most MaxScanHeights blocks so that a quiet chain cannot make one request read all history.
const (
	MaxPage        = 50
	MaxScanHeights = 2000
	rpcMetaBatch   = 20 // CometBFT's BlockchainInfo answers at most 20 metas per call
)

// BlockSummary is one block in a listing.
type BlockSummary struct {
	Height          int64     `json:"height"`
	Hash            string    `json:"hash"`
	Time            time.Time `json:"time"`
	NumTxs          int64     `json:"num_txs"`
	ProposerAddress string    `json:"proposer_address"`
}

// BlockList is a page of blocks, newest first.
type BlockList struct {
	Blocks []BlockSummary `json:"blocks"`
	Next   int64          `json:"next,omitempty" doc:"pass as before for the next page; absent on the last page"`
}

// TxSummary is one committed transaction in a listing.
type TxSummary struct {
	Hash   string    `json:"hash"`
	Height int64     `json:"height"`
	Index  uint32    `json:"index"`
	Code   uint32    `json:"code"`
	Signer string    `json:"signer,omitempty"`
	Types  []string  `json:"types" doc:"message types, in order"`
	Time   time.Time `json:"time"`
}

// TxList is a page of transactions, newest first.
type TxList struct {
	Txs  []TxSummary `json:"txs"`
	Next int64       `json:"next,omitempty" doc:"pass as before for the next page (a block height); absent when nothing older was scanned"`
}

// TxDetail is a committed transaction with its decoded body.
type TxDetail struct {
	client.TxResult
	Signer   string            `json:"signer"`
	Nonce    uint64            `json:"nonce"`
	Memo     string            `json:"memo,omitempty"`
	Messages []json.RawMessage `json:"messages" doc:"messages in protobuf JSON form"`
}

// ValidatorInfo is one validator of the current set.
type ValidatorInfo struct {
	Address     string `json:"address"`
	PubKey      []byte `json:"pub_key"`
	VotingPower int64  `json:"voting_power"`
}

type pageInput struct {
	Before int64 `query:"before" minimum:"0" doc:"list heights below this one (0: from the head)"`
	Limit  int   `query:"limit" minimum:"1" maximum:"50" default:"20"`
}

type blockListOutput struct{ Body BlockList }
type txListOutput struct{ Body TxList }
type txDetailOutput struct{ Body TxDetail }
type validatorsOutput struct{ Body []ValidatorInfo }

func (s *server) registerExplorer(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "list-blocks", Method: http.MethodGet, Path: "/v1/blocks", Summary: "Blocks, newest first, paged",
	}, func(ctx context.Context, in *pageInput) (*blockListOutput, error) {
		out, err := s.listBlocks(ctx, in.Before, in.Limit)
		if err != nil {
			return nil, problemOf(err)
		}
		return &blockListOutput{Body: out}, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "list-txs", Method: http.MethodGet, Path: "/v1/txs", Summary: "Committed transactions, newest first, paged by block height",
	}, func(ctx context.Context, in *pageInput) (*txListOutput, error) {
		out, err := s.listTxs(ctx, in.Before, in.Limit)
		if err != nil {
			return nil, problemOf(err)
		}
		return &txListOutput{Body: out}, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "list-validators", Method: http.MethodGet, Path: "/v1/validators", Summary: "The current validator set with voting power",
	}, func(ctx context.Context, _ *struct{}) (*validatorsOutput, error) {
		perPage := 100
		res, err := s.Client.RPC.Validators(ctx, nil, nil, &perPage)
		if err != nil {
			return nil, problemOf(err)
		}
		out := []ValidatorInfo{}
		for _, v := range res.Validators {
			out = append(out, ValidatorInfo{Address: v.Address.String(), PubKey: v.PubKey.Bytes(), VotingPower: v.VotingPower})
		}
		return &validatorsOutput{Body: out}, nil
	})
}

// head is the newest height below before (or the chain head).
func (s *server) head(ctx context.Context, before int64) (int64, error) {
	st, err := s.Client.Status(ctx)
	if err != nil {
		return 0, err
	}
	if before > 0 && before-1 < st.Height {
		return before - 1, nil
	}
	return st.Height, nil
}

// metas reads block metas from top down to at most n heights, newest first.
func (s *server) metas(ctx context.Context, top int64, n int) ([]BlockSummary, error) {
	var out []BlockSummary
	for top >= 1 && len(out) < n {
		lo := max(1, top-int64(min(n-len(out), rpcMetaBatch))+1)
		res, err := s.Client.RPC.BlockchainInfo(ctx, lo, top)
		if err != nil {
			return nil, err
		}
		for _, m := range res.BlockMetas { // CometBFT answers them newest first
			out = append(out, BlockSummary{Height: m.Header.Height, Hash: m.BlockID.Hash.String(), Time: m.Header.Time,
				NumTxs: int64(m.NumTxs), ProposerAddress: m.Header.ProposerAddress.String()})
		}
		top = lo - 1
	}
	return out, nil
}

func (s *server) listBlocks(ctx context.Context, before int64, limit int) (BlockList, error) {
	top, err := s.head(ctx, before)
	if err != nil {
		return BlockList{}, err
	}
	blocks, err := s.metas(ctx, top, min(limit, MaxPage))
	if err != nil {
		return BlockList{}, err
	}
	out := BlockList{Blocks: blocks}
	if n := len(blocks); n > 0 && blocks[n-1].Height > 1 {
		out.Next = blocks[n-1].Height
	}
	return out, nil
}

// listTxs walks back block by block and returns whole blocks' transactions until limit is
// reached, so that a page never splits a block and the next page starts below it.
func (s *server) listTxs(ctx context.Context, before int64, limit int) (TxList, error) {
	top, err := s.head(ctx, before)
	if err != nil {
		return TxList{}, err
	}
	out := TxList{Txs: []TxSummary{}}
	floor := max(0, top-MaxScanHeights)
	for h := top; h > floor && len(out.Txs) < limit; {
		metas, err := s.metas(ctx, h, rpcMetaBatch)
		if err != nil {
			return TxList{}, err
		}
		if len(metas) == 0 { // nothing kept below h (a pruned store)
			break
		}
		for _, m := range metas {
			h = m.Height - 1
			if m.NumTxs == 0 {
				continue
			}
			txs, err := s.blockTxs(ctx, m)
			if err != nil {
				return TxList{}, err
			}
			out.Txs = append(out.Txs, txs...)
			if len(out.Txs) >= limit {
				break
			}
		}
		out.Next = h + 1
	}
	if out.Next <= 1 {
		out.Next = 0
	}
	return out, nil
}

// blockTxs lists one block's transactions, newest (highest index) first.
func (s *server) blockTxs(ctx context.Context, m BlockSummary) ([]TxSummary, error) {
	h := m.Height
	b, err := s.Client.RPC.Block(ctx, &h)
	if err != nil {
		return nil, err
	}
	res, err := s.Client.RPC.BlockResults(ctx, &h)
	if err != nil {
		return nil, err
	}
	out := make([]TxSummary, 0, len(b.Block.Txs))
	for i := len(b.Block.Txs) - 1; i >= 0; i-- {
		raw := b.Block.Txs[i]
		t := TxSummary{Hash: tx.HashHex(raw), Height: h, Index: uint32(i), Time: m.Time, Types: []string{}}
		if i < len(res.TxResults) {
			t.Code = res.TxResults[i].Code
		}
		if d, err := tx.Decode(raw); err == nil {
			t.Signer = d.Signer
			for _, msg := range d.Body.Msgs {
				t.Types = append(t.Types, tx.MsgType(msg))
			}
		}
		out = append(out, t)
	}
	return out, nil
}

// txDetail decodes a committed transaction's body beside its result.
func txDetail(raw []byte, r *client.TxResult) TxDetail {
	out := TxDetail{TxResult: *r, Messages: []json.RawMessage{}}
	d, err := tx.Decode(raw)
	if err != nil {
		return out
	}
	out.Signer, out.Nonce, out.Memo = d.Signer, d.Body.Nonce, d.Body.Memo
	for _, m := range d.Body.Msgs {
		if b, err := (protojson.MarshalOptions{UseProtoNames: true}).Marshal(m); err == nil {
			out.Messages = append(out.Messages, b)
		}
	}
	return out
}
