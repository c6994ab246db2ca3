package app

import (
	"context"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/puhui-chain/puhui/tx"
)

// CheckTx admits a transaction to the mempool: limits and decoding, every message's
// stateless check (its route's Basic; rechecks skip it), signature (verified once
// and cached; rechecks skip it), nonce against committed state plus what the mempool already
// holds, the authorisation table and the signer's bound on waiting transactions. A refusal
// here never reaches a block, so it uses no nonce. It never runs the messages.
func (a *App) CheckTx(_ context.Context, req *abci.CheckTxRequest) (*abci.CheckTxResponse, error) {
	err := a.checkTx(req.Tx, req.Type == abci.CHECK_TX_TYPE_RECHECK)
	if err != nil {
		a.metrics.checkRejected.Inc()
		e := tx.AsError(err)
		return &abci.CheckTxResponse{Code: errCode(e), Codespace: e.Codespace, Log: e.Error()}, nil
	}
	return &abci.CheckTxResponse{Code: abci.CodeTypeOK}, nil
}

func (a *App) checkTx(raw []byte, recheck bool) error {
	if err := a.halted(); err != nil {
		return err
	}
	d, err := a.decodes.decode(raw)
	if err != nil {
		return err
	}
	if d.Body.ChainId != a.chainID {
		return tx.ErrWrongChain.Wrapf("transaction for %q, this chain is %q", d.Body.ChainId, a.chainID)
	}
	if !recheck && !a.sigs.has(d.Hash) {
		a.sigVerifications.Add(1)
		if !d.VerifySignature() {
			return tx.ErrBadSignature
		}
		a.sigs.add(d.Hash)
	}
	state := a.db.State()
	height, _ := a.db.LastCommit()
	a.mu.Lock()
	defer a.mu.Unlock()
	last, ok := a.mempoolSeq[d.Signer]
	if !ok {
		last = LastNonce(state, d.Signer)
	}
	if err := a.authenticate(state, d, height+1, last); err != nil {
		return err
	}
	if err := a.authorize(state, d); err != nil {
		return err
	}
	if !recheck { // stateless: what passed once passes again
		if err := a.router.validateMsgs(d.Body.Msgs); err != nil {
			return err
		}
	}
	if limit := a.maxPendingPerSigner; limit > 0 && a.mempoolCount[d.Signer] >= limit {
		return tx.ErrTooManyPending.Wrapf("%s has %d transactions waiting, limit %d", d.Signer, a.mempoolCount[d.Signer], limit)
	}
	a.mempoolSeq[d.Signer] = d.Body.Nonce
	a.mempoolCount[d.Signer]++
	return nil
}

// SetMaxPendingPerSigner bounds how many transactions of one signer the mempool holds at
// once (0: no bound), so that one account cannot fill the mempool and the blocks. The node
// sets it from its configuration before CometBFT starts.
func (a *App) SetMaxPendingPerSigner(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.maxPendingPerSigner = n
}

// errCode maps a coded error to the ABCI code: codes are unique within a codespace, and the
// codespace travels alongside, so the pair is stable.
func errCode(e *tx.Error) uint32 {
	if e.Code == 0 {
		return tx.ErrInternal.Code
	}
	return e.Code
}
