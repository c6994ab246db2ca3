package app

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/governance"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// FinalizeBlock executes a decided block: due scheduled work first, then each transaction
// atomically, then the new state root. It persists nothing (Commit does).
func (a *App) FinalizeBlock(_ context.Context, req *abci.FinalizeBlockRequest) (*abci.FinalizeBlockResponse, error) {
	started := time.Now() // metrics only; never reaches state
	if a.pending == nil {
		a.pending = store.NewCache(a.db.State())
	}
	block := store.NewCache(a.pending)
	a.pendingPrivate = nil
	var blockEvents []abci.Event
	var kept []func(*core.Context)
	bctx := &core.Context{KV: block, Height: req.Height, BlockTime: req.Time, Events: &blockEvents, Kept: &kept}
	if _, err := scheduler.RunDue(bctx, a.router.scheduled); err != nil {
		return nil, fmt.Errorf("height %d: %w", req.Height, err)
	}
	core.RunKept(bctx, &kept)
	bctx.Kept = nil // transactions keep their own
	decoded, sigOK := a.verifyBlockSignatures(req.Txs)
	results := make([]*abci.ExecTxResult, len(req.Txs))
	for i, raw := range req.Txs {
		if decoded[i] == nil {
			_, err := tx.Decode(raw) // rare (ProcessProposal refuses such blocks): redo for the error
			results[i] = failed(err)
			continue
		}
		results[i] = a.deliver(block, bctx, decoded[i], sigOK[i])
	}
	for _, m := range a.router.modules {
		if m.EndBlock == nil {
			continue
		}
		if err := m.EndBlock(bctx); err != nil {
			return nil, fmt.Errorf("height %d: module %s end of block: %w", req.Height, m.Name, err)
		}
	}
	validatorUpdates := governance.TakeValidatorUpdates(block)
	root, err := a.db.ApplyChanges(req.Height, block)
	if err != nil {
		return nil, err
	}
	index, err := IndexRecords(req.Height, req.Txs, decoded, results)
	if err != nil {
		return nil, fmt.Errorf("height %d: transaction index: %w", req.Height, err)
	}
	block.Write(a.pending)
	a.pendingHeight, a.pendingRoot, a.pendingTime, a.pendingIndex = req.Height, root, req.Time.Unix(), index
	if a.AfterBlock != nil {
		a.AfterBlock(req.Height, a.pending)
	}
	a.metrics.observeBlock(len(req.Txs), results, time.Since(started))
	return &abci.FinalizeBlockResponse{TxResults: results, AppHash: root, Events: blockEvents, ValidatorUpdates: validatorUpdates}, nil
}

// verifyBlockSignatures decodes the block's transactions and batch-verifies the signatures
// not already verified by CheckTx; only the bad ones fail.
func (a *App) verifyBlockSignatures(txs [][]byte) ([]*tx.Decoded, []bool) {
	decoded := make([]*tx.Decoded, len(txs))
	ok := make([]bool, len(txs))
	var todo []int
	for i, raw := range txs {
		d, err := tx.Decode(raw)
		if err != nil {
			continue
		}
		decoded[i] = d
		if a.sigs.has(d.Hash) {
			ok[i] = true
		} else {
			todo = append(todo, i)
		}
	}
	a.batchVerify(decoded, todo, ok)
	return decoded, ok
}

// minBatchVerify is the smallest batch verified as one. Measured here (cached key
// expansion for one by one): a signature alone 32 µs; in a batch of 1 about 70 µs, of 8 about
// 35, of 16 or 64 about 27, of 512 about 18.
const minBatchVerify = 16

// batchVerify verifies the signatures of decoded[todo] as one batch (one by one below
// minBatchVerify), sets ok for the good ones and remembers them in the signature cache.
func (a *App) batchVerify(decoded []*tx.Decoded, todo []int, ok []bool) {
	if len(todo) == 0 {
		return
	}
	if len(todo) < minBatchVerify {
		a.sigVerifications.Add(int64(len(todo)))
		for _, i := range todo {
			if ok[i] = decoded[i].VerifySignature(); ok[i] {
				a.sigs.add(decoded[i].Hash)
			}
		}
		return
	}
	bv := ed25519.NewBatchVerifier()
	batched := todo[:0:0]
	for _, i := range todo {
		d := decoded[i]
		if bv.Add(ed25519.PubKey(d.Body.SignerPubKey), tx.SignBytes(d.BodyBytes), d.Signature) == nil {
			batched = append(batched, i)
		}
	}
	if len(batched) == 0 {
		return
	}
	a.sigVerifications.Add(int64(len(batched)))
	// On failure the verifier reports each signature's validity itself.
	_, each := bv.Verify()
	for j, i := range batched {
		if ok[i] = each[j]; ok[i] {
			a.sigs.add(decoded[i].Hash)
		}
	}
}

// PreVerify batch-verifies the signatures of transactions about to be checked one by one (a
// batch submitted to the node's API, or transactions peers relayed), so that CheckTx finds
// them verified, at a lower cost per signature (minBatchVerify). It admits nothing and
// answers nothing: a transaction that does not decode or whose signature fails is left for
// CheckTx to refuse with its code.
func (a *App) PreVerify(raws [][]byte) {
	decoded := make([]*tx.Decoded, len(raws))
	var todo []int
	seen := make(map[[32]byte]bool, len(raws))
	for i, raw := range raws {
		// A relayed transaction often arrives from several peers: hash first, decode only
		// what is new.
		h := [32]byte(tx.Hash(raw))
		if seen[h] || a.sigs.has(h[:]) {
			continue
		}
		seen[h] = true
		d, err := a.decodes.decodeHashed(raw, h[:])
		if err != nil {
			continue
		}
		decoded[i] = d
		todo = append(todo, i)
	}
	a.batchVerify(decoded, todo, make([]bool, len(raws)))
}

// deliver executes one transaction against the block state.
func (a *App) deliver(block *store.Cache, bctx *core.Context, d *tx.Decoded, sigOK bool) *abci.ExecTxResult {
	if !sigOK {
		return failed(tx.ErrBadSignature)
	}
	if err := a.authenticate(block, d, bctx.Height, LastNonce(block, d.Signer)); err != nil {
		return failed(err)
	}
	// From here the transaction is the signer's genuine next one: its nonce is used whatever
	// the outcome, so a failed transaction can never be replayed later; except that a
	// message failing its stateless check could never succeed: such a transaction reaches a
	// block only from a faulty proposer, and like an envelope failure it changes nothing
	// (CheckTx refuses it the same way, after the same authorisation).
	if err := a.authorize(block, d); err != nil {
		setNonce(block, d.Signer, d.Body.Nonce)
		return failed(err)
	}
	if err := a.router.validateMsgs(d.Body.Msgs); err != nil {
		return failed(err)
	}
	setNonce(block, d.Signer, d.Body.Nonce)
	var events []abci.Event
	var private []core.PrivateOutput
	var kept []func(*core.Context)
	txKV := store.NewCache(block)
	ctx := &core.Context{KV: txKV, Height: bctx.Height, BlockTime: bctx.BlockTime, Signer: d.Signer, Events: &events,
		Private: &private, Kept: &kept}
	res := a.execMsgs(ctx, d)
	if res == nil {
		txKV.Write(block)
		a.pendingPrivate = append(a.pendingPrivate, private...)
		res = &abci.ExecTxResult{Code: abci.CodeTypeOK}
	} else {
		events = nil // txKV and private are dropped: nothing the transaction did remains
	}
	// Work kept past the outcome (an alert of a refused movement) runs on the block state.
	if len(kept) > 0 {
		core.RunKept(&core.Context{KV: block, Height: bctx.Height, BlockTime: bctx.BlockTime, Signer: d.Signer, Events: &events}, &kept)
	}
	res.Events = events
	return res
}

// execMsgs runs a transaction's messages in order and returns the failure of the first that
// fails, or nil. A panic while executing them (a bug, or an amount a module failed to check)
// fails this transaction alone with tx.internal and is logged at Error: one bad transaction
// must never halt every node on the same block. The caller discards the transaction's writes.
func (a *App) execMsgs(ctx *core.Context, d *tx.Decoded) (res *abci.ExecTxResult) {
	index, action := -1, ""
	defer func() {
		if r := recover(); r != nil {
			a.log.Error("PANIC while executing a transaction: it fails, its changes are discarded, the chain goes on",
				"height", ctx.Height, "tx", fmt.Sprintf("%X", d.Hash), "signer", d.Signer, "message", index,
				"action", action, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			res = failed(tx.ErrInternal.Wrapf("message %d (%s): panic: %v", index, action, r))
		}
	}()
	for i, m := range d.Body.Msgs {
		index, action = i, tx.MsgType(m)
		ctx.Emit("message", "action", action, "index", core.Itoa(int64(i)), "signer", d.Signer)
		if err := a.router.routes[action].Exec(ctx, m); err != nil {
			e := tx.AsError(err)
			res := failed(err)
			res.Log = fmt.Sprintf("message %d (%s): %s", i, action, err)
			res.Codespace = e.Codespace
			return res
		}
	}
	return nil
}

func failed(err error) *abci.ExecTxResult {
	e := tx.AsError(err)
	return &abci.ExecTxResult{Code: errCode(e), Codespace: e.Codespace, Log: err.Error()}
}
