package ledger

import (
	"sort"

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
	return core.GetInt64(r, BalanceKey(addr, asset))
}

// HeldOf returns the total held from an account in asset.
func HeldOf(r store.Reader, addr, asset string) int64 { return core.GetInt64(r, HeldKey(addr, asset)) }

// Balances lists an account's balances (assets with an available or held amount), by code.
func Balances(r store.Reader, addr string) []Balance {
	byAsset := map[string]*Balance{}
	var codes []string
	collect := func(prefix []byte, set func(b *Balance, v int64)) {
		store.IteratePrefix(r, prefix, func(k, v []byte) bool {
			code := string(k[len(prefix):])
			b, ok := byAsset[code]
			if !ok {
				b = &Balance{Asset: code}
				byAsset[code] = b
				codes = append(codes, code)
			}
			set(b, core.DecodeInt64(v))
			return true
		})
	}
	collect(balancePrefix(addr), func(b *Balance, v int64) { b.Available = v })
	collect(core.Key("lg", "held", addr, ""), func(b *Balance, v int64) { b.Held = v })
	sort.Strings(codes)
	out := make([]Balance, len(codes))
	for i, c := range codes {
		out[i] = *byAsset[c]
	}
	return out
}

// IsFrozen reports whether an account's debits are blocked.
func IsFrozen(r store.Reader, addr string) bool { return r.Get(FrozenKey(addr)) != nil }

func credit(kv store.KV, addr, asset string, amount int64) error {
	next, err := core.Add(AvailableOf(kv, addr, asset), amount)
	if err != nil {
		return err
	}
	core.SetInt64(kv, BalanceKey(addr, asset), next)
	return nil
}

// debit takes amount from addr's available balance; a frozen account cannot be debited.
func debit(kv store.KV, addr, asset string, amount int64) error {
	if IsFrozen(kv, addr) {
		return ErrFrozen.Wrapf("%s", addr)
	}
	have := AvailableOf(kv, addr, asset)
	if have < amount {
		return ErrInsufficientFunds.Wrapf("%s has %d %s available, needs %d", addr, have, asset, amount)
	}
	core.SetInt64(kv, BalanceKey(addr, asset), have-amount)
	return nil
}

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
	if err := core.CheckPositive("amount", amount); err != nil {
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
	if err := debit(ctx.KV, from, asset, amount); err != nil {
		return err
	}
	if err := credit(ctx.KV, to, asset, amount); err != nil {
		return err
	}
	ctx.Emit("ledger.transfer", "from", from, "to", to, "asset", asset, "amount", core.Itoa(amount))
	return nil
}
