package ledger

import (
	"strconv"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// GetHold reads an open hold.
func GetHold(r store.Reader, id uint64) (*statepb.Hold, bool) {
	var h statepb.Hold
	return &h, core.GetProto(r, HoldKey(id), &h)
}

// PlaceHold sets aside amount of owner's available balance for beneficiary until expiresAt
// (unix seconds, after the block time). It returns the new hold's id.
func PlaceHold(ctx *core.Context, owner, beneficiary, asset string, amount, expiresAt int64, reference string) (uint64, error) {
	if err := money.CheckPositive("amount", amount); err != nil {
		return 0, err
	}
	if _, err := mustAsset(ctx.KV, asset); err != nil {
		return 0, err
	}
	if err := checkRecipient(ctx, "beneficiary", beneficiary); err != nil {
		return 0, err
	}
	if expiresAt <= ctx.Now() {
		return 0, ErrBadExpiry.Wrapf("expires_at %d is not after block time %d", expiresAt, ctx.Now())
	}
	if len(reference) > tx.MaxStringField {
		return 0, ErrBadName.Wrapf("reference over %d bytes", tx.MaxStringField)
	}
	id := uint64(core.GetInt64(ctx.KV, holdSeqKey)) + 1
	err := moveValue(ctx, Movement{Kind: MoveHold, From: owner, To: beneficiary, Asset: asset, Amount: amount, HoldID: id}, func() error {
		if err := debit(ctx, owner, asset, amount); err != nil {
			return err
		}
		held, err := money.Add(HeldOf(ctx.KV, owner, asset), amount)
		if err != nil {
			return err
		}
		core.SetInt64(ctx.KV, HeldKey(owner, asset), held)
		return nil
	})
	if err != nil {
		return 0, err
	}
	core.SetInt64(ctx.KV, holdSeqKey, int64(id))
	core.SetProto(ctx.KV, HoldKey(id), &statepb.Hold{
		Id: id, Owner: owner, Beneficiary: beneficiary, Asset: asset, Amount: amount,
		ExpiresAt: expiresAt, Reference: reference, CreatedHeight: ctx.Height,
	})
	scheduler.Add(ctx.KV, expiresAt, holdExpiryKind, holdIDString(id))
	ctx.Emit("ledger.hold_placed", "hold_id", holdIDString(id), "owner", owner, "beneficiary", beneficiary,
		"asset", asset, "amount", core.Itoa(amount), "expires_at", core.Itoa(expiresAt))
	return id, nil
}

// closeHold removes a hold and returns rest to the owner's available balance.
func closeHold(ctx *core.Context, h *statepb.Hold, rest int64, scheduled bool) error {
	held, err := money.Sub(HeldOf(ctx.KV, h.Owner, h.Asset), h.Amount)
	if err != nil || held < 0 {
		panic("held total below an open hold")
	}
	core.SetInt64(ctx.KV, HeldKey(h.Owner, h.Asset), held)
	ctx.KV.Delete(HoldKey(h.Id))
	if !scheduled {
		scheduler.Remove(ctx.KV, h.ExpiresAt, holdExpiryKind, holdIDString(h.Id))
	}
	if rest > 0 {
		return releaseTo(ctx, h, rest)
	}
	return nil
}

// releaseTo returns amount of a hold to its owner's available balance.
func releaseTo(ctx *core.Context, h *statepb.Hold, amount int64) error {
	return moveValue(ctx, Movement{Kind: MoveRelease, From: h.Owner, To: h.Owner, Asset: h.Asset, Amount: amount, HoldID: h.Id},
		func() error { return credit(ctx, h.Owner, h.Asset, amount, ownMoney) })
}

// captureTo pays amount of a hold to its beneficiary.
func captureTo(ctx *core.Context, h *statepb.Hold, amount int64) error {
	return moveValue(ctx, Movement{Kind: MoveCapture, From: h.Owner, To: h.Beneficiary, Asset: h.Asset, Amount: amount, HoldID: h.Id},
		func() error { return credit(ctx, h.Beneficiary, h.Asset, amount, inflow) })
}

func beneficiaryHold(ctx *core.Context, id uint64) (*statepb.Hold, error) {
	h, ok := GetHold(ctx.KV, id)
	if !ok {
		return nil, ErrUnknownHold.Wrapf("hold %d", id)
	}
	if h.Beneficiary != ctx.Signer {
		return nil, ErrNotBeneficiary.Wrapf("hold %d belongs to beneficiary %s", id, h.Beneficiary)
	}
	if h.HeldBy != "" { // its terms (a hashlock, a condition) are the module's to judge
		return nil, ErrNotBeneficiary.Wrapf("hold %d is settled by the %s module only", id, h.HeldBy)
	}
	return h, nil
}

// ReleaseHold returns the whole hold to its owner (beneficiary only).
func ReleaseHold(ctx *core.Context, id uint64) error {
	h, err := beneficiaryHold(ctx, id)
	if err != nil {
		return err
	}
	return releaseHold(ctx, h)
}

// CaptureHold moves amount (0: all) of the hold to the beneficiary and returns the rest to
// the owner (beneficiary only; not while the owner is frozen).
func CaptureHold(ctx *core.Context, id uint64, amount int64) error {
	h, err := beneficiaryHold(ctx, id)
	if err != nil {
		return err
	}
	return captureHold(ctx, h, amount)
}

// ReleaseHoldFor and CaptureHoldFor settle a hold for its beneficiary without the signer
// check: for modules whose contract gives them that right (a loan releases or captures its
// collateral). They are not routed to any message.
func ReleaseHoldFor(ctx *core.Context, id uint64) error {
	h, ok := GetHold(ctx.KV, id)
	if !ok {
		return ErrUnknownHold.Wrapf("hold %d", id)
	}
	return releaseHold(ctx, h)
}

func CaptureHoldFor(ctx *core.Context, id uint64, amount int64) error {
	h, ok := GetHold(ctx.KV, id)
	if !ok {
		return ErrUnknownHold.Wrapf("hold %d", id)
	}
	return captureHold(ctx, h, amount)
}

func releaseHold(ctx *core.Context, h *statepb.Hold) error {
	if err := closeHold(ctx, h, h.Amount, false); err != nil {
		return err
	}
	ctx.Emit("ledger.hold_released", "hold_id", holdIDString(h.Id), "owner", h.Owner, "amount", core.Itoa(h.Amount), "reason", "released")
	return nil
}

func captureHold(ctx *core.Context, h *statepb.Hold, amount int64) error {
	if amount == 0 {
		amount = h.Amount
	}
	if err := money.CheckPositive("amount", amount); err != nil {
		return err
	}
	if amount > h.Amount {
		return ErrCaptureExceeds.Wrapf("capture %d of hold %d holding %d", amount, h.Id, h.Amount)
	}
	if IsFrozen(ctx.KV, h.Owner) {
		return ErrFrozen.Wrapf("%s", h.Owner)
	}
	if err := closeHold(ctx, h, h.Amount-amount, false); err != nil {
		return err
	}
	if err := captureTo(ctx, h, amount); err != nil {
		return err
	}
	ctx.Emit("ledger.hold_captured", "hold_id", holdIDString(h.Id), "owner", h.Owner, "beneficiary", h.Beneficiary,
		"asset", h.Asset, "amount", core.Itoa(amount), "released", core.Itoa(h.Amount-amount))
	return nil
}

// expireHold is the scheduler handler: an unsettled hold returns to its owner.
func expireHold(ctx *core.Context, idText string) error {
	id, err := strconv.ParseUint(idText, 10, 64)
	if err != nil {
		return err
	}
	h, ok := GetHold(ctx.KV, id)
	if !ok {
		return nil // settled before expiry; its entry was removed, but be lenient
	}
	if err := closeHold(ctx, h, h.Amount, true); err != nil {
		return err
	}
	ctx.Emit("ledger.hold_released", "hold_id", idText, "owner", h.Owner, "amount", core.Itoa(h.Amount), "reason", "expired")
	return nil
}

// ScheduledHandlers are the ledger's scheduler handlers, by kind.
func ScheduledHandlers() map[string]scheduler.Handler {
	return map[string]scheduler.Handler{holdExpiryKind: expireHold}
}

// Handlers for the hold messages.
func HandlePlaceHold(ctx *core.Context, m *txpb.MsgPlaceHold) error {
	_, err := PlaceHold(ctx, ctx.Signer, m.Beneficiary, m.Asset, m.Amount, m.ExpiresAt, m.Reference)
	return err
}

func HandleReleaseHold(ctx *core.Context, m *txpb.MsgReleaseHold) error {
	return ReleaseHold(ctx, m.HoldId)
}

func HandleCaptureHold(ctx *core.Context, m *txpb.MsgCaptureHold) error {
	return CaptureHold(ctx, m.HoldId, m.Amount)
}

// TakeFromHold moves amount out of an open hold to its beneficiary and leaves the rest held
// (a group fund pays for one member out of another's guarantee); the hold closes at zero.
// For modules only; not routed.
func TakeFromHold(ctx *core.Context, id uint64, amount int64) error {
	h, err := shrinkHold(ctx, id, amount)
	if err != nil {
		return err
	}
	if IsFrozen(ctx.KV, h.Owner) {
		return ErrFrozen.Wrapf("%s", h.Owner)
	}
	if err := captureTo(ctx, h, amount); err != nil {
		return err
	}
	ctx.Emit("ledger.hold_captured", "hold_id", holdIDString(id), "owner", h.Owner, "beneficiary", h.Beneficiary,
		"asset", h.Asset, "amount", core.Itoa(amount), "released", "0")
	return nil
}

// ReleaseFromHold returns amount of an open hold to its owner and leaves the rest held; the
// hold closes at zero. For modules only; not routed.
func ReleaseFromHold(ctx *core.Context, id uint64, amount int64) error {
	h, err := shrinkHold(ctx, id, amount)
	if err != nil {
		return err
	}
	if err := releaseTo(ctx, h, amount); err != nil {
		return err
	}
	ctx.Emit("ledger.hold_released", "hold_id", holdIDString(id), "owner", h.Owner, "amount", core.Itoa(amount), "reason", "released")
	return nil
}

// shrinkHold takes amount off an open hold and the owner's held total (the caller credits
// it somewhere); it returns the hold (owner, beneficiary and asset are what callers use).
func shrinkHold(ctx *core.Context, id uint64, amount int64) (*statepb.Hold, error) {
	h, ok := GetHold(ctx.KV, id)
	if !ok {
		return nil, ErrUnknownHold.Wrapf("hold %d", id)
	}
	if err := money.CheckPositive("amount", amount); err != nil {
		return nil, err
	}
	if amount > h.Amount {
		return nil, ErrCaptureExceeds.Wrapf("%d of hold %d holding %d", amount, id, h.Amount)
	}
	if amount == h.Amount {
		return h, closeHold(ctx, h, 0, false)
	}
	held, err := money.Sub(HeldOf(ctx.KV, h.Owner, h.Asset), amount)
	if err != nil || held < 0 {
		panic("held total below an open hold")
	}
	core.SetInt64(ctx.KV, HeldKey(h.Owner, h.Asset), held)
	h.Amount -= amount
	core.SetProto(ctx.KV, HoldKey(id), h)
	return h, nil
}
