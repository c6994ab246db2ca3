package app

import (
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// ValidateMsgs runs every message's stateless check (its route's Basic): what the messages
// alone show to be wrong. The CLI runs it before it signs; CheckTx before the mempool.
func ValidateMsgs(msgs []*txpb.Msg) error { return sharedRouter().validateMsgs(msgs) }

// validateMsgs names the failing message in the error and keeps its code.
func (r *router) validateMsgs(msgs []*txpb.Msg) error {
	for i, m := range msgs {
		if err := r.ValidateBasic(m); err != nil {
			e := tx.AsError(err)
			return e.Wrapf("message %d (%s): %s", i, tx.MsgType(m), e.Detail)
		}
	}
	return nil
}

// ValidateBasic (governance.Router) runs the stateless check of the message's route. A
// message no route handles is refused here, before its signature is even verified.
func (r *router) ValidateBasic(m *txpb.Msg) error {
	t := tx.MsgType(m)
	rt, ok := r.routes[t]
	if !ok {
		return tx.ErrUnknownMsg.Wrapf("no module handles %q", t)
	}
	if rt.Basic == nil {
		return nil // every route declares one (TestEveryMessageTypeHasABasicCheck)
	}
	return rt.Basic(m)
}
