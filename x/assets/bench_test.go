package assets

import (
	"testing"
	"time"

	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/ledger"
)

// BenchmarkMove isolates the hook's cost: a ledger move of a plain asset and of one with five
// rules (KYC level, holders, balance per holder, supply, lock-up), in memory, back and forth.
func BenchmarkMove(b *testing.B) {
	w := newWorld(b)
	x, y := w.investor("x", 2, "", "x"), w.investor("y", 2, "", "y")
	w.register("NOTE", &txpb.AssetRuleSet{MinKycLevel: 1, MaxHolders: 1000, MaxBalance: 1 << 40, MaxSupply: 1 << 50, LockupSeconds: 1})
	if err := w.mint("NOTE", x, 1<<30); err != nil {
		b.Fatal(err)
	}
	if err := w.transfer("CNY", w.issuer, x, 1<<20); err != nil {
		b.Fatal(err)
	}
	w.advance(time.Minute)
	for _, asset := range []string{"CNY", "NOTE"} {
		b.Run(asset, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				from, to := x, y
				if i%2 == 1 {
					from, to = y, x
				}
				if err := ledger.Move(w.ctx, from, to, asset, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
