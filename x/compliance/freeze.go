package compliance

import (
	"strconv"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// Order states.
const (
	orderPending = "pending"
	orderActive  = "active"
	orderLapsed  = "lapsed"
	orderLifted  = "lifted"
)

// checkFreeze refuses a debit that would take the sender below what its active orders
// freeze (只收不付: a frozen account still receives). A debit order in progress is the
// one debit the orders let through.
func checkFreeze(ctx *core.Context, m ledger.Movement) error {
	if ctx.KV.Get(debitingKey(m.From)) != nil {
		return nil
	}
	if core.GetInt64(ctx.KV, wholeFreezeKey(m.From)) > 0 {
		return ErrFrozen.Wrapf("account %s is frozen by order", m.From)
	}
	frozen := core.GetInt64(ctx.KV, frozenAmountKey(m.From, m.Asset))
	if frozen == 0 {
		return nil
	}
	free := bank.AvailableOf(ctx.KV, m.From, m.Asset) - frozen // both ≥ 0: no overflow
	if m.Amount > free {
		return ErrFrozen.Wrapf("%s has %d %s frozen by order; it may send at most %d", m.From, frozen, m.Asset, max(free, 0))
	}
	return nil
}

// GetOrder reads a freeze order.
func GetOrder(r store.Reader, id uint64) (*statepb.FreezeOrder, bool) {
	var o statepb.FreezeOrder
	return &o, core.GetProto(r, OrderKey(id), &o)
}

// OrdersOf lists an account's freeze orders, by id: what its owner sees of them.
func OrdersOf(r store.Reader, addr string) []*statepb.FreezeOrder {
	var out []*statepb.FreezeOrder
	store.IteratePrefix(r, ordersOfPrefix(addr), func(k, _ []byte) bool {
		if o, ok := GetOrder(r, decodeID(k[len(ordersOfPrefix(addr)):])); ok {
			out = append(out, o)
		}
		return true
	})
	return out
}

// IssueOrder issues a freeze order (regulator or governance).
func IssueOrder(ctx *core.Context, m *txpb.MsgIssueFreezeOrder) error {
	if err := checkOrder(ctx, m); err != nil {
		return err
	}
	start := m.Start
	if start == 0 {
		start = ctx.Now()
	}
	o := &statepb.FreezeOrder{Id: nextID(ctx, orderSeqKey), Account: m.Account, Asset: m.Asset, Amount: m.Amount,
		WholeAccount: m.WholeAccount, Authority: m.Authority, LegalBasis: m.LegalBasis, DocumentNumber: m.DocumentNumber,
		Start: start, Expiry: m.Expiry, IssuedBy: ctx.Signer, Reason: m.Reason, Status: orderPending}
	saveOrder(ctx, o)
	ctx.KV.Set(ordersOfKey(o.Account, o.Id), []byte{1})
	ctx.Emit("compliance.freeze_issued", "id", idText(o.Id), "account", o.Account, "asset", o.Asset, "amount", itoa(o.Amount),
		"whole_account", boolText(o.WholeAccount), "authority", o.Authority, "document_number", o.DocumentNumber,
		"start", itoa(o.Start), "expiry", itoa(o.Expiry), "by", ctx.Signer, "reason", m.Reason)
	if start > ctx.Now() {
		scheduler.Add(ctx.KV, start, freezeStartKind, idText(o.Id))
	} else if err := activate(ctx, o); err != nil {
		return err
	}
	scheduler.Add(ctx.KV, o.Expiry, freezeExpiryKind, idText(o.Id))
	return nil
}

func checkOrder(ctx *core.Context, m *txpb.MsgIssueFreezeOrder) error {
	if err := checkReason(m.Reason); err != nil {
		return err
	}
	if err := tx.ValidateAddress("account", m.Account); err != nil {
		return err
	}
	if !registry.AccountExists(ctx.KV, m.Account) {
		return ErrUnknownAccount.Wrapf("%s", m.Account)
	}
	for _, f := range [][2]string{{"authority", m.Authority}, {"legal_basis", m.LegalBasis}, {"document_number", m.DocumentNumber}} {
		if f[1] == "" || len(f[1]) > tx.MaxStringField {
			return ErrBadOrder.Wrapf("%s must be 1..%d bytes", f[0], tx.MaxStringField)
		}
	}
	if m.WholeAccount {
		if m.Asset != "" || m.Amount != 0 {
			return ErrBadOrder.Wrapf("a whole-account order names no asset or amount")
		}
	} else {
		if err := money.CheckPositive("amount", m.Amount); err != nil {
			return err
		}
		if _, err := bank.Asset(ctx.KV, m.Asset); err != nil {
			return err
		}
	}
	if m.Start != 0 && m.Start < ctx.Now() {
		return ErrBadOrder.Wrapf("start %d is before now (%d); 0 starts now", m.Start, ctx.Now())
	}
	if m.Expiry <= max(m.Start, ctx.Now()) {
		return ErrBadOrder.Wrapf("expiry must be after the start")
	}
	return nil
}

func saveOrder(ctx *core.Context, o *statepb.FreezeOrder) { core.SetProto(ctx.KV, OrderKey(o.Id), o) }

// activate puts an order into the aggregates the screen reads.
func activate(ctx *core.Context, o *statepb.FreezeOrder) error {
	if o.WholeAccount {
		core.SetInt64(ctx.KV, wholeFreezeKey(o.Account), core.GetInt64(ctx.KV, wholeFreezeKey(o.Account))+1)
	} else {
		total, err := money.Add(core.GetInt64(ctx.KV, frozenAmountKey(o.Account, o.Asset)), o.Amount)
		if err != nil {
			return err
		}
		core.SetInt64(ctx.KV, frozenAmountKey(o.Account, o.Asset), total)
	}
	o.Status = orderActive
	saveOrder(ctx, o)
	ctx.Emit("compliance.freeze_active", "id", idText(o.Id), "account", o.Account)
	return nil
}

// end takes an order out of the aggregates (if active) and closes it as status.
func end(ctx *core.Context, o *statepb.FreezeOrder, status string) {
	if o.Status == orderActive {
		if o.WholeAccount {
			setOrDelete(ctx.KV, wholeFreezeKey(o.Account), core.GetInt64(ctx.KV, wholeFreezeKey(o.Account))-1)
		} else {
			key := frozenAmountKey(o.Account, o.Asset)
			setOrDelete(ctx.KV, key, core.GetInt64(ctx.KV, key)-(o.Amount-o.Debited))
		}
	}
	if ctx.KV.Get(sanctionsFreezeKey(o.Account)) != nil && string(ctx.KV.Get(sanctionsFreezeKey(o.Account))) == idText(o.Id) {
		ctx.KV.Delete(sanctionsFreezeKey(o.Account))
	}
	o.Status, o.EndedAt = status, ctx.Now()
	saveOrder(ctx, o)
	ctx.Emit("compliance.freeze_ended", "id", idText(o.Id), "account", o.Account, "status", status)
}

func setOrDelete(kv store.KV, key []byte, v int64) {
	if v <= 0 {
		kv.Delete(key)
		return
	}
	core.SetInt64(kv, key, v)
}

// LiftOrder ends an order before its expiry.
func LiftOrder(ctx *core.Context, m *txpb.MsgLiftFreezeOrder) error {
	if err := checkReason(m.Reason); err != nil {
		return err
	}
	o, ok := GetOrder(ctx.KV, m.OrderId)
	if !ok {
		return ErrUnknownOrder.Wrapf("order %d", m.OrderId)
	}
	if o.Status != orderActive && o.Status != orderPending {
		return ErrBadTransition.Wrapf("order %d is %s", o.Id, o.Status)
	}
	if o.Status == orderPending {
		scheduler.Remove(ctx.KV, o.Start, freezeStartKind, idText(o.Id))
	}
	if o.Expiry != 0 {
		scheduler.Remove(ctx.KV, o.Expiry, freezeExpiryKind, idText(o.Id))
	}
	o.Reason = m.Reason
	end(ctx, o, orderLifted)
	return nil
}

// freezeStart and freezeExpiry are the scheduler's: an order starts and lapses by itself.
func freezeStart(ctx *core.Context, id string) error {
	o, ok := GetOrder(ctx.KV, parseID(id))
	if !ok || o.Status != orderPending {
		return nil
	}
	return activate(ctx, o)
}

func freezeExpiry(ctx *core.Context, id string) error {
	o, ok := GetOrder(ctx.KV, parseID(id))
	if !ok || (o.Status != orderActive && o.Status != orderPending) {
		return nil
	}
	end(ctx, o, orderLapsed)
	return nil
}

// ExecuteDebit pays out of an account under an active order (扣划) to the account the
// authority names. For an order of an amount, at most what it still freezes, which the
// debit then no longer freezes.
func ExecuteDebit(ctx *core.Context, m *txpb.MsgExecuteDebitOrder) error {
	if err := checkReason(m.Reason); err != nil {
		return err
	}
	if m.DocumentNumber == "" || len(m.DocumentNumber) > tx.MaxStringField {
		return ErrBadOrder.Wrapf("document_number must be 1..%d bytes", tx.MaxStringField)
	}
	o, ok := GetOrder(ctx.KV, m.OrderId)
	if !ok {
		return ErrUnknownOrder.Wrapf("order %d", m.OrderId)
	}
	if o.Status != orderActive {
		return ErrBadTransition.Wrapf("order %d is %s; only an active order is debited", o.Id, o.Status)
	}
	if err := money.CheckPositive("amount", m.Amount); err != nil {
		return err
	}
	if !o.WholeAccount && (m.Asset != o.Asset || m.Amount > o.Amount-o.Debited) {
		return ErrDebitExceeds.Wrapf("order %d freezes %d %s still", o.Id, o.Amount-o.Debited, o.Asset)
	}
	ctx.KV.Set(debitingKey(o.Account), []byte{1})
	err := bank.Move(ctx, o.Account, m.To, m.Asset, m.Amount)
	ctx.KV.Delete(debitingKey(o.Account))
	if err != nil {
		return err
	}
	if debited, err := money.Add(o.Debited, m.Amount); err == nil && !o.WholeAccount {
		o.Debited = debited
		key := frozenAmountKey(o.Account, o.Asset)
		setOrDelete(ctx.KV, key, core.GetInt64(ctx.KV, key)-m.Amount)
	}
	saveOrder(ctx, o)
	ctx.Emit("compliance.debit_executed", "order", idText(o.Id), "from", o.Account, "to", m.To, "asset", m.Asset,
		"amount", itoa(m.Amount), "document_number", m.DocumentNumber, "by", ctx.Signer, "reason", m.Reason)
	return nil
}

func parseID(s string) uint64 {
	n, _ := strconv.ParseUint(s, 10, 64)
	return n
}

func decodeID(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	var n uint64
	for _, c := range b {
		n = n<<8 | uint64(c)
	}
	return n
}
