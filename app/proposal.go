package app

import (
	"context"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/tx"
)

// PrepareProposal keeps the mempool's order and drops transactions that cannot even be
// decoded, within the block's byte budget. It is cheap and deterministic.
func (a *App) PrepareProposal(_ context.Context, req *abci.PrepareProposalRequest) (*abci.PrepareProposalResponse, error) {
	out := make([][]byte, 0, len(req.Txs))
	var size int64
	for _, raw := range req.Txs {
		if _, err := tx.Decode(raw); err != nil {
			continue
		}
		size += int64(len(raw))
		if req.MaxTxBytes > 0 && size > req.MaxTxBytes {
			break
		}
		out = append(out, raw)
	}
	return &abci.PrepareProposalResponse{Txs: out}, nil
}

// ProcessProposal rejects a block carrying undecodable transactions: an honest proposer never
// includes them, so they can only be spam from a faulty one.
func (a *App) ProcessProposal(_ context.Context, req *abci.ProcessProposalRequest) (*abci.ProcessProposalResponse, error) {
	for _, raw := range req.Txs {
		if _, err := tx.Decode(raw); err != nil {
			return &abci.ProcessProposalResponse{Status: abci.PROCESS_PROPOSAL_STATUS_REJECT}, nil
		}
	}
	return &abci.ProcessProposalResponse{Status: abci.PROCESS_PROPOSAL_STATUS_ACCEPT}, nil
}
