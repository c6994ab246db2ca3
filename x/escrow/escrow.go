package escrow

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// bySchedule is who closes a record in scheduled work, in its closed_by.
const bySchedule = "scheduler"

// GetEscrow reads an escrow.
func GetEscrow(r store.Reader, id uint64) (*statepb.Escrow, bool) {
	var e statepb.Escrow
	return &e, core.GetProto(r, RecordKey(kindEscrow, id), &e)
}

func openEscrow(r store.Reader, id uint64) (*statepb.Escrow, error) {
	e, ok := GetEscrow(r, id)
	if !ok {
		return nil, ErrUnknown.Wrapf("escrow %d", id)
	}
	if e.Status != StatusOpen {
		return nil, ErrNotOpen.Wrapf("escrow %d is %s", id, e.Status)
	}
	return e, nil
}

// checkTerm refuses a deadline that is not ahead of the block or too far ahead.
func checkTerm(field string, at, now int64) error {
	if at <= now || at-now > MaxTermSecs {
		return ErrBadEscrow.Wrapf("%s %d: after block time %d, at most %d s ahead", field, at, now, MaxTermSecs)
	}
	return nil
}

func checkParty(r store.Reader, field, addr, signer string) error {
	if addr == signer {
		return ErrSelfCounterpart.Wrapf("%s is the signer", field)
	}
	if !registry.AccountExists(r, addr) {
		return ErrUnknownAccount.Wrapf("%s %s is not a registered account", field, addr)
	}
	return nil
}

// Create holds the signer's payment for the payee under the terms.
func Create(ctx *core.Context, m *txpb.MsgCreateEscrow) error {
	if err := checkEscrowShape(m); err != nil {
		return err
	}
	if err := checkEscrowState(ctx, m); err != nil {
		return err
	}
	id := nextID(ctx, kindEscrow)
	holdID, err := bank.PlaceModuleHold(ctx, "escrow", ctx.Signer, m.Payee, m.Asset, m.Amount, m.RefundAt+holdGraceSecs, "escrow:"+core.Itoa(int64(id)))
	if err != nil {
		return err
	}
	core.SetProto(ctx.KV, RecordKey(kindEscrow, id), &statepb.Escrow{Id: id, Payer: ctx.Signer, Terms: m,
		HoldId: holdID, Status: StatusOpen, CreatedAt: ctx.Now()})
	index(ctx, kindEscrow, id, ctx.Signer, m.Payee)
	if m.ReleaseAt > 0 {
		scheduler.Add(ctx.KV, m.ReleaseAt, releaseKind, core.Itoa(int64(id)))
	}
	scheduler.Add(ctx.KV, m.RefundAt, refundKind, core.Itoa(int64(id)))
	ctx.Emit("escrow.created", "escrow_id", core.Itoa(int64(id)), "payer", ctx.Signer, "payee", m.Payee,
		"asset", m.Asset, "amount", core.Itoa(m.Amount), "condition", conditionKind(m),
		"release_at", core.Itoa(m.ReleaseAt), "refund_at", core.Itoa(m.RefundAt), "hold_id", core.Itoa(int64(holdID)))
	return nil
}

func checkEscrowState(ctx *core.Context, m *txpb.MsgCreateEscrow) error {
	if err := checkParty(ctx.KV, "payee", m.Payee, ctx.Signer); err != nil {
		return err
	}
	if m.Arbiter != "" {
		if err := checkParty(ctx.KV, "arbiter", m.Arbiter, ctx.Signer); err != nil {
			return err
		}
		if m.Arbiter == m.Payee {
			return ErrBadEscrow.Wrapf("the arbiter is the payee")
		}
	}
	if m.WatchAsset != "" {
		if _, err := bank.Asset(ctx.KV, m.WatchAsset); err != nil {
			return err
		}
	}
	if m.ReleaseAt > 0 {
		if err := checkTerm("release_at", m.ReleaseAt, ctx.Now()); err != nil {
			return err
		}
	}
	return checkTerm("refund_at", m.RefundAt, ctx.Now())
}

// conditionKind names an escrow's release condition.
func conditionKind(m *txpb.MsgCreateEscrow) string {
	switch {
	case m.Arbiter != "":
		return "arbiter"
	case m.Condition != "":
		return "condition"
	default:
		return "time"
	}
}

// Release pays an open escrow to its payee. The payer may always release; otherwise the
// arbiter (arbiter escrow), or the payee once the time has come (time escrow) or the
// condition holds (condition escrow).
func Release(ctx *core.Context, m *txpb.MsgReleaseEscrow) error {
	e, err := openEscrow(ctx.KV, m.EscrowId)
	if err != nil {
		return err
	}
	if err := mayRelease(ctx, e); err != nil {
		return err
	}
	return closeEscrow(ctx, e, StatusReleased, ctx.Signer)
}

func mayRelease(ctx *core.Context, e *statepb.Escrow) error {
	t := e.Terms
	switch {
	case ctx.Signer == e.Payer:
		return nil
	case t.Arbiter != "":
		if ctx.Signer != t.Arbiter {
			return ErrNotAuthorised.Wrapf("escrow %d is released by its arbiter or payer", e.Id)
		}
		return nil
	case ctx.Signer != t.Payee:
		return ErrNotAuthorised.Wrapf("escrow %d is released by its payee or payer", e.Id)
	case t.Condition != "":
		return conditionHolds(ctx, e)
	case ctx.Now() < t.ReleaseAt:
		return ErrNotYet.Wrapf("escrow %d releases at %d", e.Id, t.ReleaseAt)
	}
	return nil
}

// Refund returns an open escrow to its payer: the arbiter or the payee at any time, the
// payer from its refund time.
func Refund(ctx *core.Context, m *txpb.MsgRefundEscrow) error {
	e, err := openEscrow(ctx.KV, m.EscrowId)
	if err != nil {
		return err
	}
	t := e.Terms
	switch {
	case ctx.Signer == t.Payee || (t.Arbiter != "" && ctx.Signer == t.Arbiter):
	case ctx.Signer == e.Payer:
		if ctx.Now() < t.RefundAt {
			return ErrNotYet.Wrapf("escrow %d refunds to its payer from %d", e.Id, t.RefundAt)
		}
	default:
		return ErrNotAuthorised.Wrapf("escrow %d is refunded by its payee, arbiter, or payer after refund_at", e.Id)
	}
	return closeEscrow(ctx, e, StatusRefunded, ctx.Signer)
}

// closeEscrow captures (released) or releases (refunded) the hold and closes the record.
func closeEscrow(ctx *core.Context, e *statepb.Escrow, status, by string) error {
	var err error
	if status == StatusReleased {
		err = bank.CaptureHoldFor(ctx, e.HoldId, 0)
	} else {
		err = bank.ReleaseHoldFor(ctx, e.HoldId)
	}
	if err != nil {
		return err
	}
	id := core.Itoa(int64(e.Id))
	if e.Terms.ReleaseAt > 0 && by != bySchedule {
		scheduler.Remove(ctx.KV, e.Terms.ReleaseAt, releaseKind, id)
	}
	scheduler.Remove(ctx.KV, e.Terms.RefundAt, refundKind, id) // no effect when it is the one running
	e.Status, e.ClosedAt, e.ClosedBy = status, ctx.Now(), by
	core.SetProto(ctx.KV, RecordKey(kindEscrow, e.Id), e)
	ctx.Emit("escrow."+status, "escrow_id", id, "payer", e.Payer, "payee", e.Terms.Payee, "by", by,
		"asset", e.Terms.Asset, "amount", core.Itoa(e.Terms.Amount))
	return nil
}

// ListEscrows, ListSwaps and ListHtlcs return every record of their kind in id order.
func ListEscrows(r store.Reader) []*statepb.Escrow {
	return core.ListProto[statepb.Escrow](r, recordPrefix(kindEscrow))
}

func ListSwaps(r store.Reader) []*statepb.Swap {
	return core.ListProto[statepb.Swap](r, recordPrefix(kindSwap))
}

func ListHtlcs(r store.Reader) []*statepb.Htlc {
	return core.ListProto[statepb.Htlc](r, recordPrefix(kindHtlc))
}
