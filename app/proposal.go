package app

import (
	"context"

	abci "github.com/cometbft/cometbft/abci/types"
)

// PrepareProposal keeps the mempool's order and drops transactions that cannot even be
// decoded or whose messages fail their stateless checks, within the block's byte budget. It is cheap and deterministic.
func (a *App) PrepareProposal(_ context.Context, req *abci.PrepareProposalRequest) (*abci.PrepareProposalResponse, error) {
	out := make([][]byte, 0, len(req.Txs))
	var size int64
	for _, raw := range req.Txs {
		if a.stateless(raw) != nil {
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

// ProcessProposal rejects a block carrying undecodable transactions or messages that fail
// their stateless checks: an honest proposer never includes them, so they can only be spam
// from a faulty one.
func (a *App) ProcessProposal(_ context.Context, req *abci.ProcessProposalRequest) (*abci.ProcessProposalResponse, error) {
	for _, raw := range req.Txs {
		if a.stateless(raw) != nil {
			return &abci.ProcessProposalResponse{Status: abci.PROCESS_PROPOSAL_STATUS_REJECT}, nil
		}
	}
	return &abci.ProcessProposalResponse{Status: abci.PROCESS_PROPOSAL_STATUS_ACCEPT}, nil
}

// stateless is every check of a transaction that needs neither state nor its signature.
func (a *App) stateless(raw []byte) error {
	d, err := a.decodes.decode(raw)
	if err != nil {
		return err
	}
	return a.router.validateMsgs(d.Body.Msgs)
}
