package ledger

import (
	"fmt"
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// CheckInvariants verifies, for every asset, Σ available + Σ held = minted − burned, that no
// balance is negative and that the held totals equal the open holds. It scans all state and
// is meant for tests and audits, not for block execution.
func CheckInvariants(r store.Reader) error {
	sums := map[string]int64{}
	heldTotals := map[string]int64{}
	var err error
	add := func(m map[string]int64, k string, v int64, what string, key []byte) {
		if v < 0 && err == nil {
			err = fmt.Errorf("negative %s at %s: %d", what, key, v)
		}
		sum, overflow := money.Add(m[k], v)
		if overflow != nil && err == nil {
			err = fmt.Errorf("%s totals of %s pass int64 at %s: %w", what, k, key, overflow)
		}
		m[k] = sum
	}
	store.IteratePrefix(r, core.Key("lg", "bal", ""), func(k, v []byte) bool {
		parts := strings.Split(string(k), "/")
		add(sums, parts[3], decodeAmount(v), "balance", k)
		return true
	})
	store.IteratePrefix(r, core.Key("lg", "held", ""), func(k, v []byte) bool {
		parts := strings.Split(string(k), "/")
		add(sums, parts[3], core.DecodeInt64(v), "held total", k)
		add(heldTotals, parts[2]+"/"+parts[3], core.DecodeInt64(v), "held total", k)
		return true
	})
	store.IteratePrefix(r, core.Key("lg", "hold", ""), func(_, v []byte) bool {
		var h statepb.Hold
		core.MustUnmarshal(v, &h)
		heldTotals[h.Owner+"/"+h.Asset] -= h.Amount
		return true
	})
	if err != nil {
		return err
	}
	for k, v := range heldTotals {
		if v != 0 {
			return fmt.Errorf("held total of %s differs from its open holds by %d", k, v)
		}
	}
	for _, a := range ListAssets(r) {
		if got, want := sums[a.Code], a.Minted-a.Burned; got != want {
			return fmt.Errorf("asset %s: balances+holds %d != minted-burned %d", a.Code, got, want)
		}
		delete(sums, a.Code)
	}
	for code, v := range sums {
		if v != 0 {
			return fmt.Errorf("balances of unregistered asset %s", code)
		}
	}
	return nil
}
