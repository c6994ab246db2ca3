package escrow

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// GetHtlc reads a hash time-locked transfer.
func GetHtlc(r store.Reader, id uint64) (*statepb.Htlc, bool) {
	var h statepb.Htlc
	return &h, core.GetProto(r, RecordKey(kindHtlc, id), &h)
}

func lockedHtlc(r store.Reader, id uint64) (*statepb.Htlc, error) {
	h, ok := GetHtlc(r, id)
	if !ok {
		return nil, ErrUnknown.Wrapf("htlc %d", id)
	}
	if h.Status != StatusLocked {
		return nil, ErrNotOpen.Wrapf("htlc %d is %s", id, h.Status)
	}
	return h, nil
}

// autoReclaimAt is when the scheduler returns an unclaimed, unreclaimed transfer.
func autoReclaimAt(h *txpb.MsgLockHtlc) int64 { return h.ExpiresAt + ReclaimWindowSecs }

// LockHtlc holds the signer's amount for the receiver under the hashlock.
func LockHtlc(ctx *core.Context, m *txpb.MsgLockHtlc) error {
	if err := checkParty(ctx.KV, "receiver", m.Receiver, ctx.Signer); err != nil {
		return err
	}
	if err := checkTerm("expires_at", m.ExpiresAt, ctx.Now()); err != nil {
		return ErrBadHtlc.Wrapf("%v", err)
	}
	id := nextID(ctx, kindHtlc)
	holdID, err := bank.PlaceModuleHold(ctx, "escrow", ctx.Signer, m.Receiver, m.Asset, m.Amount, autoReclaimAt(m)+holdGraceSecs, "htlc:"+core.Itoa(int64(id)))
	if err != nil {
		return err
	}
	core.SetProto(ctx.KV, RecordKey(kindHtlc, id), &statepb.Htlc{Id: id, Sender: ctx.Signer, Terms: m,
		HoldId: holdID, Status: StatusLocked, CreatedAt: ctx.Now()})
	index(ctx, kindHtlc, id, ctx.Signer, m.Receiver)
	scheduler.Add(ctx.KV, autoReclaimAt(m), htlcExpiryKind, core.Itoa(int64(id)))
	ctx.Emit("htlc.locked", "htlc_id", core.Itoa(int64(id)), "sender", ctx.Signer, "receiver", m.Receiver,
		"asset", m.Asset, "amount", core.Itoa(m.Amount), "hashlock", hex.EncodeToString(m.Hashlock),
		"expires_at", core.Itoa(m.ExpiresAt))
	return nil
}

// ClaimHtlc pays a locked transfer to its receiver (the signer) on the right preimage before
// expiry, and records the preimage.
func ClaimHtlc(ctx *core.Context, m *txpb.MsgClaimHtlc) error {
	h, err := lockedHtlc(ctx.KV, m.HtlcId)
	if err != nil {
		return err
	}
	if ctx.Signer != h.Terms.Receiver {
		return ErrNotAuthorised.Wrapf("htlc %d is claimed by its receiver %s", h.Id, h.Terms.Receiver)
	}
	if ctx.Now() >= h.Terms.ExpiresAt {
		return ErrExpired.Wrapf("htlc %d expired at %d", h.Id, h.Terms.ExpiresAt)
	}
	sum := sha256.Sum256(m.Preimage)
	if subtle.ConstantTimeCompare(sum[:], h.Terms.Hashlock) != 1 {
		return ErrWrongPreimage.Wrapf("sha256(preimage) is not htlc %d's hashlock", h.Id)
	}
	if err := bank.CaptureHoldFor(ctx, h.HoldId, 0); err != nil {
		return err
	}
	h.Preimage = m.Preimage
	return closeHtlc(ctx, h, StatusClaimed)
}

// ReclaimHtlc returns an unclaimed transfer to its sender (the signer) after expiry.
func ReclaimHtlc(ctx *core.Context, m *txpb.MsgReclaimHtlc) error {
	h, err := lockedHtlc(ctx.KV, m.HtlcId)
	if err != nil {
		return err
	}
	if ctx.Signer != h.Sender {
		return ErrNotAuthorised.Wrapf("htlc %d is reclaimed by its sender %s", h.Id, h.Sender)
	}
	if ctx.Now() < h.Terms.ExpiresAt {
		return ErrNotYet.Wrapf("htlc %d expires at %d", h.Id, h.Terms.ExpiresAt)
	}
	if err := bank.ReleaseHoldFor(ctx, h.HoldId); err != nil {
		return err
	}
	return closeHtlc(ctx, h, StatusReclaimed)
}

func closeHtlc(ctx *core.Context, h *statepb.Htlc, status string) error {
	scheduler.Remove(ctx.KV, autoReclaimAt(h.Terms), htlcExpiryKind, core.Itoa(int64(h.Id)))
	h.Status, h.ClosedAt = status, ctx.Now()
	core.SetProto(ctx.KV, RecordKey(kindHtlc, h.Id), h)
	ctx.Emit("htlc."+status, "htlc_id", core.Itoa(int64(h.Id)), "sender", h.Sender, "receiver", h.Terms.Receiver,
		"asset", h.Terms.Asset, "amount", core.Itoa(h.Terms.Amount), "preimage", hex.EncodeToString(h.Preimage))
	return nil
}
