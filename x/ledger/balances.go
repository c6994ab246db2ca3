package ledger

import (
	"github.com/puhui-chain/puhui/statekeys"
	"sort"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
)

// Balance is an account's holding of one asset: Available can be spent, Held is set aside by
// holds.
type Balance struct {
	Asset     string
	Available int64
	Held      int64
}

// AvailableOf returns an account's spendable balance of asset.
func AvailableOf(r store.Reader, addr, asset string) int64 {
	return decodeFlow(r.Get(BalanceKey(addr, asset))).amount
}

// HeldOf returns the total held from an account in asset.
func HeldOf(r store.Reader, addr, asset string) int64 { return core.GetInt64(r, HeldKey(addr, asset)) }

// Balances lists an account's balances (assets with an available or held amount), by code.
func Balances(r store.Reader, addr string) []Balance {
	byAsset := map[string]*Balance{}
	var codes []string
	collect := func(prefix []byte, decode func([]byte) int64, set func(b *Balance, v int64)) {
		store.IteratePrefix(r, prefix, func(k, v []byte) bool {
			code := string(k[len(prefix):])
			b, ok := byAsset[code]
			if !ok {
				b = &Balance{Asset: code}
				byAsset[code] = b
				codes = append(codes, code)
			}
			set(b, decode(v))
			return true
		})
	}
	collect(balancePrefix(addr), decodeAmount, func(b *Balance, v int64) { b.Available = v })
	collect(core.Key("lg", "held", addr, ""), core.DecodeInt64, func(b *Balance, v int64) { b.Held = v })
	sort.Strings(codes)
	out := make([]Balance, len(codes))
	for i, c := range codes {
		out[i] = *byAsset[c]
	}
	return out
}

// IsFrozen reports whether an account's debits are blocked.
func IsFrozen(r store.Reader, addr string) bool { return r.Get(FrozenKey(addr)) != nil }

// Whether a credit counts as the account's inflow in its cash-flow record: money from
// others does; its own money coming back from a hold does not.
const (
	inflow   = true
	ownMoney = false
)

// credit adds amount to addr's available balance.
func credit(ctx *core.Context, addr, asset string, amount int64, isInflow bool) error {
	key := BalanceKey(addr, asset)
	f := decodeFlow(ctx.KV.Get(key))
	next, err := money.Add(f.amount, amount)
	if err != nil {
		return err
	}
	f.advance(ctx.Today())
	f.amount = next
	if isInflow {
		f.recordInflow(amount)
	}
	ctx.KV.Set(key, f.encode())
	return nil
}

// debit takes amount from addr's available balance; a frozen account cannot be debited.
func debit(ctx *core.Context, addr, asset string, amount int64) error {
	if IsFrozen(ctx.KV, addr) {
		return ErrFrozen.Wrapf("%s", addr)
	}
	key := BalanceKey(addr, asset)
	f := decodeFlow(ctx.KV.Get(key))
	if f.amount < amount {
		return ErrInsufficientFunds.Wrapf("%s has %d %s available, needs %d", addr, f.amount, asset, amount)
	}
	f.advance(ctx.Today())
	f.amount -= amount
	ctx.KV.Set(key, f.encode())
	return nil
}

// decodeAmount is a balance value's available amount.
func decodeAmount(v []byte) int64 { return decodeFlow(v).amount }

// DecodeAmount reads the amount of a proven balance or held-total value (light clients).
func DecodeAmount(v []byte) (int64, error) { return statekeys.DecodeAmount(v) }

func checkRecipient(ctx *core.Context, field, addr string) error {
	if err := tx.ValidateAddress(field, addr); err != nil {
		return err
	}
	if !identity.AccountExists(ctx.KV, addr) {
		return ErrUnknownRecipient.Wrapf("%s %s is not a registered account", field, addr)
	}
	return nil
}

// Move transfers amount of asset between registered accounts. It is what other modules use.
func Move(ctx *core.Context, from, to, asset string, amount int64) error {
	if err := money.CheckPositive("amount", amount); err != nil {
		return err
	}
	if _, err := mustAsset(ctx.KV, asset); err != nil {
		return err
	}
	if err := checkRecipient(ctx, "to", to); err != nil {
		return err
	}
	if from == to {
		return ErrSelfTransfer.Wrapf("%s", from)
	}
	err := moveValue(ctx, Movement{Kind: MoveTransfer, From: from, To: to, Asset: asset, Amount: amount}, func() error {
		if err := debit(ctx, from, asset, amount); err != nil {
			return err
		}
		return credit(ctx, to, asset, amount, inflow)
	})
	if err != nil {
		return err
	}
	ctx.Emit("ledger.transfer", "from", from, "to", to, "asset", asset, "amount", core.Itoa(amount))
	return nil
}
