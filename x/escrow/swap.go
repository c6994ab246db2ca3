package escrow

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// GetSwap reads a swap.
func GetSwap(r store.Reader, id uint64) (*statepb.Swap, bool) {
	var s statepb.Swap
	return &s, core.GetProto(r, RecordKey(kindSwap, id), &s)
}

func openSwap(r store.Reader, id uint64) (*statepb.Swap, error) {
	s, ok := GetSwap(r, id)
	if !ok {
		return nil, ErrUnknown.Wrapf("swap %d", id)
	}
	if s.Status != StatusOpen {
		return nil, ErrNotOpen.Wrapf("swap %d is %s", id, s.Status)
	}
	return s, nil
}

// ProposeSwap holds the proposer's leg for the counterparty until acceptance, cancellation
// or expiry.
func ProposeSwap(ctx *core.Context, m *txpb.MsgProposeSwap) error {
	if err := checkParty(ctx.KV, "counterparty", m.Counterparty, ctx.Signer); err != nil {
		return err
	}
	if _, err := bank.Asset(ctx.KV, m.WantAsset); err != nil {
		return err
	}
	if err := checkTerm("expires_at", m.ExpiresAt, ctx.Now()); err != nil {
		return ErrBadSwap.Wrapf("%v", err)
	}
	id := nextID(ctx, kindSwap)
	holdID, err := bank.PlaceModuleHold(ctx, "escrow", ctx.Signer, m.Counterparty, m.GiveAsset, m.GiveAmount, m.ExpiresAt+holdGraceSecs, "swap:"+core.Itoa(int64(id)))
	if err != nil {
		return err
	}
	core.SetProto(ctx.KV, RecordKey(kindSwap, id), &statepb.Swap{Id: id, Proposer: ctx.Signer, Terms: m,
		HoldId: holdID, Status: StatusOpen, CreatedAt: ctx.Now()})
	index(ctx, kindSwap, id, ctx.Signer, m.Counterparty)
	scheduler.Add(ctx.KV, m.ExpiresAt, swapExpiryKind, core.Itoa(int64(id)))
	ctx.Emit("swap.proposed", "swap_id", core.Itoa(int64(id)), "proposer", ctx.Signer, "counterparty", m.Counterparty,
		"asset", m.GiveAsset, "amount", core.Itoa(m.GiveAmount), "want_asset", m.WantAsset,
		"want_amount", core.Itoa(m.WantAmount), "expires_at", core.Itoa(m.ExpiresAt))
	return nil
}

// AcceptSwap moves both legs: the counterparty's leg to the proposer, the proposer's held leg
// to the counterparty. Either failing fails the transaction, so both move or neither.
func AcceptSwap(ctx *core.Context, m *txpb.MsgAcceptSwap) error {
	s, err := openSwap(ctx.KV, m.SwapId)
	if err != nil {
		return err
	}
	t := s.Terms
	if ctx.Signer != t.Counterparty {
		return ErrNotAuthorised.Wrapf("swap %d is accepted by its counterparty %s", s.Id, t.Counterparty)
	}
	if ctx.Now() >= t.ExpiresAt {
		return ErrExpired.Wrapf("swap %d expired at %d", s.Id, t.ExpiresAt)
	}
	if err := bank.Move(ctx, t.Counterparty, s.Proposer, t.WantAsset, t.WantAmount); err != nil {
		return err
	}
	if err := bank.CaptureHoldFor(ctx, s.HoldId, 0); err != nil {
		return err
	}
	return closeSwap(ctx, s, StatusAccepted)
}

// CancelSwap releases the proposer's leg (the proposer only).
func CancelSwap(ctx *core.Context, m *txpb.MsgCancelSwap) error {
	s, err := openSwap(ctx.KV, m.SwapId)
	if err != nil {
		return err
	}
	if ctx.Signer != s.Proposer {
		return ErrNotAuthorised.Wrapf("swap %d is cancelled by its proposer %s", s.Id, s.Proposer)
	}
	if err := bank.ReleaseHoldFor(ctx, s.HoldId); err != nil {
		return err
	}
	return closeSwap(ctx, s, StatusCancelled)
}

func closeSwap(ctx *core.Context, s *statepb.Swap, status string) error {
	scheduler.Remove(ctx.KV, s.Terms.ExpiresAt, swapExpiryKind, core.Itoa(int64(s.Id)))
	s.Status, s.ClosedAt = status, ctx.Now()
	core.SetProto(ctx.KV, RecordKey(kindSwap, s.Id), s)
	ctx.Emit("swap."+status, "swap_id", core.Itoa(int64(s.Id)), "proposer", s.Proposer, "counterparty", s.Terms.Counterparty,
		"asset", s.Terms.GiveAsset, "amount", core.Itoa(s.Terms.GiveAmount), "want_asset", s.Terms.WantAsset,
		"want_amount", core.Itoa(s.Terms.WantAmount))
	return nil
}
