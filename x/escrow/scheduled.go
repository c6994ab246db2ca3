package escrow

import (
	"strconv"

	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// ScheduledHandlers: a time escrow's release, every escrow's refund, a swap's expiry, an
// unreclaimed HTLC's return. A record already closed is skipped. A release the ledger refuses
// (the payer frozen) leaves the escrow open, for its refund time; returns to the owner
// cannot be refused by a frozen owner.
func ScheduledHandlers() map[string]scheduler.Handler {
	return map[string]scheduler.Handler{
		releaseKind:    onReleaseTime,
		refundKind:     onRefundTime,
		swapExpiryKind: onSwapExpiry,
		htlcExpiryKind: onHtlcExpiry,
	}
}

func parseID(s string) (uint64, error) { return strconv.ParseUint(s, 10, 64) }

func onReleaseTime(ctx *core.Context, idText string) error {
	id, err := parseID(idText)
	if err != nil {
		return err
	}
	e, err := openEscrow(ctx.KV, id)
	if err != nil {
		return nil
	}
	if err := core.Tentative(ctx, func(w *core.Context) error { return closeEscrow(w, e, StatusReleased, bySchedule) }); err != nil {
		ctx.Emit("escrow.release_failed", "escrow_id", idText, "reason", err.Error())
	}
	return nil
}

func onRefundTime(ctx *core.Context, idText string) error {
	id, err := parseID(idText)
	if err != nil {
		return err
	}
	e, err := openEscrow(ctx.KV, id)
	if err != nil {
		return nil
	}
	return closeEscrow(ctx, e, StatusRefunded, bySchedule)
}

func onSwapExpiry(ctx *core.Context, idText string) error {
	id, err := parseID(idText)
	if err != nil {
		return err
	}
	s, err := openSwap(ctx.KV, id)
	if err != nil {
		return nil
	}
	if err := bank.ReleaseHoldFor(ctx, s.HoldId); err != nil {
		return err
	}
	return closeSwap(ctx, s, StatusExpired)
}

func onHtlcExpiry(ctx *core.Context, idText string) error {
	id, err := parseID(idText)
	if err != nil {
		return err
	}
	h, err := lockedHtlc(ctx.KV, id)
	if err != nil {
		return nil
	}
	if err := bank.ReleaseHoldFor(ctx, h.HoldId); err != nil {
		return err
	}
	return closeHtlc(ctx, h, StatusReclaimed)
}
