package assets

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
)

// holding is what an account holds of an asset: available plus held.
func holding(r store.Reader, addr, asset string) int64 {
	return ledger.AvailableOf(r, addr, asset) + ledger.HeldOf(r, addr, asset)
}

// forHolders calls fn for the asset's holders after address after (""; from the first), in
// address order, until fn returns false.
func forHolders(r store.Reader, asset, after string, fn func(addr string) bool) {
	prefix := holderPrefix(asset)
	start := prefix
	if after != "" {
		start = append(HolderKey(asset, after), 0)
	}
	r.Iterate(start, store.PrefixEnd(prefix), func(k, _ []byte) bool {
		return fn(string(k[len(prefix):]))
	})
}

// reindex puts addr in or out of the asset's holder index after a movement: one read of its
// holding and of its index entry, so constant time. The issuer is never indexed.
func reindex(ctx *core.Context, a *statepb.RuledAsset, addr string) bool {
	if addr == "" || addr == a.Issuer {
		return false
	}
	key := HolderKey(a.Asset, addr)
	indexed := ctx.KV.Get(key) != nil
	holds := holding(ctx.KV, addr, a.Asset) > 0
	switch {
	case holds && !indexed:
		ctx.KV.Set(key, present)
		a.Holders++
		return true
	case !holds && indexed:
		ctx.KV.Delete(key)
		a.Holders--
		return true
	}
	return false
}

// getHolderRules reads an account's freeze and locked lots for an asset.
func getHolderRules(r store.Reader, asset, addr string) *statepb.HolderRules {
	var h statepb.HolderRules
	core.GetProto(r, HolderRulesKey(asset, addr), &h)
	return &h
}

func setHolderRules(kv store.KV, asset, addr string, h *statepb.HolderRules) {
	if !h.Frozen && h.FrozenAmount == 0 && len(h.Lots) == 0 {
		kv.Delete(HolderRulesKey(asset, addr))
		return
	}
	core.SetProto(kv, HolderRulesKey(asset, addr), h)
}

// locked is the amount of lots still locked at now.
func locked(h *statepb.HolderRules, now int64) int64 {
	var sum int64
	for _, l := range h.Lots {
		if l.UnlockAt > now {
			sum += l.Amount
		}
	}
	return sum
}

// pruneLots drops lots unlocked at now and trims the latest lots so that what is locked never
// exceeds available (after an agent action took locked units); it reports a change.
func pruneLots(h *statepb.HolderRules, now, available int64) bool {
	changed := false
	kept := h.Lots[:0]
	for _, l := range h.Lots {
		if l.UnlockAt > now {
			kept = append(kept, l)
		} else {
			changed = true
		}
	}
	h.Lots = kept
	excess := locked(h, now) - available
	for i := len(h.Lots) - 1; i >= 0 && excess > 0; i-- {
		cut := min(excess, h.Lots[i].Amount)
		h.Lots[i].Amount -= cut
		excess -= cut
		changed = true
		if h.Lots[i].Amount == 0 {
			h.Lots = append(h.Lots[:i], h.Lots[i+1:]...)
		}
	}
	return changed
}

// addLot records a minted lot (lots with one unlock time merge).
func addLot(h *statepb.HolderRules, amount, unlockAt int64) {
	for _, l := range h.Lots {
		if l.UnlockAt == unlockAt {
			l.Amount += amount
			return
		}
	}
	h.Lots = append(h.Lots, &statepb.Lot{Amount: amount, UnlockAt: unlockAt})
}
