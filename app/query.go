package app

import (
	"context"
	"encoding/json"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/compliance"
	"github.com/puhui-chain/puhui/x/module"
)

// Query answers read requests from a snapshot of the last committed state, by the module
// that declared the path. The answer's Height is the committed height; proofs are against
// that height's AppHash, which appears in the header of the next height.
func (a *App) Query(_ context.Context, req *abci.QueryRequest) (*abci.QueryResponse, error) {
	snap := a.db.Snapshot()
	defer snap.Close()
	v, err := a.answer(module.QueryContext{State: snap, Height: snap.Height, Root: snap.Root,
		Now: a.committedTime.Load(), Prove: req.Prove, ProveKey: snap.Prove}, req)
	if err != nil {
		e := tx.AsError(err)
		return &abci.QueryResponse{Code: errCode(e), Codespace: e.Codespace, Log: e.Error(), Height: snap.Height}, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return &abci.QueryResponse{Code: abci.CodeTypeOK, Value: b, Height: snap.Height}, nil
}

func (a *App) answer(qc module.QueryContext, req *abci.QueryRequest) (any, error) {
	switch req.Path {
	case query.PathSchedulePreview: // a computation over its request, no state
		return PreviewSchedule(req.Data)
	case query.PathTx: // the transaction index, beside the state
		return lookupTx(a.db.Index(), string(req.Data))
	case query.PathAccountTxs:
		return accountTxs(a.db, string(req.Data))
	}
	if req.Path == query.PathCreditReport { // a signed request, checked here whatever the way in
		return a.creditReport(qc, req.Data)
	}
	if req.Path == query.PathScfQuote { // a discount priced from its request, no state
		return QuoteDiscount(req.Data)
	}
	if req.Path == query.PathComplianceCheck { // a request screened on the state, nothing written
		return compliance.Check(qc.State, qc.Now, req.Data)
	}
	if req.Path == query.PathInsuranceQuote { // likewise
		return InsuranceQuote(req.Data)
	}
	if req.Path == query.PathDistributionQuote { // likewise
		return DistributionQuote(req.Data)
	}
	if req.Path == query.PathOfferingQuote { // likewise
		return OfferingQuote(req.Data)
	}
	q, ok := a.router.queries[req.Path]
	if !ok {
		return nil, tx.ErrNotFound.Wrapf("unknown query path %q", req.Path)
	}
	return q.Run(qc, string(req.Data))
}
