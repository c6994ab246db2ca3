package assets

import (
	"fmt"
	"strings"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/ledger"
)

// CheckInvariants checks every ruled asset and distribution (a full scan: tests and the
// simulation call it, blocks never do):
//   - the holder index is exactly the accounts other than the issuer with available + held
//     > 0, and the holder count is its size;
//   - the limits hold: holders ≤ max_holders, each holding ≤ max_balance, supply ≤ max_supply;
//   - a distribution's Σ paid + Σ returned ≤ amount, and = amount once it is done.
//
// Supply = Σ balances per asset is the ledger's invariant (ledger/supply-and-holds).
func CheckInvariants(r store.Reader) error {
	ruled := map[string]*statepb.RuledAsset{}
	for _, a := range ListRuled(r) {
		ruled[a.Asset] = a
	}
	holdings := map[string]int64{} // "asset/addr" of ruled assets
	for _, prefix := range [][]byte{core.Key("lg", "bal", ""), core.Key("lg", "held", "")} {
		store.IteratePrefix(r, prefix, func(k, _ []byte) bool {
			parts := strings.Split(string(k), "/")
			if len(parts) == 4 && ruled[parts[3]] != nil {
				holdings[parts[3]+"/"+parts[2]] = 0
			}
			return true
		})
	}
	for key := range holdings {
		asset, addr, _ := strings.Cut(key, "/")
		holdings[key] = holding(r, addr, asset)
	}
	for _, a := range ListRuled(r) {
		if err := checkAsset(r, a, holdings); err != nil {
			return err
		}
	}
	for _, d := range core.ListProto[statepb.Distribution](r, distPrefixKey) {
		if err := checkDistribution(d); err != nil {
			return err
		}
	}
	return nil
}

func checkAsset(r store.Reader, a *statepb.RuledAsset, holdings map[string]int64) error {
	var indexed uint64
	var err error
	forHolders(r, a.Asset, "", func(addr string) bool {
		indexed++
		if addr == a.Issuer || holding(r, addr, a.Asset) <= 0 {
			err = fmt.Errorf("asset %s: %s is indexed as a holder but holds nothing (or is the issuer)", a.Asset, addr)
		}
		return err == nil
	})
	if err != nil {
		return err
	}
	if indexed != a.Holders {
		return fmt.Errorf("asset %s: holder count %d, index has %d", a.Asset, a.Holders, indexed)
	}
	if a.Rules.MaxHolders > 0 && a.Holders > a.Rules.MaxHolders {
		return fmt.Errorf("asset %s: %d holders above max %d", a.Asset, a.Holders, a.Rules.MaxHolders)
	}
	for key, v := range holdings {
		asset, addr, _ := strings.Cut(key, "/")
		if asset != a.Asset || v <= 0 || addr == a.Issuer {
			continue
		}
		if r.Get(HolderKey(asset, addr)) == nil {
			return fmt.Errorf("asset %s: %s holds %d but is not indexed", asset, addr, v)
		}
		if a.Rules.MaxBalance > 0 && v > a.Rules.MaxBalance {
			return fmt.Errorf("asset %s: %s holds %d above max %d", asset, addr, v, a.Rules.MaxBalance)
		}
	}
	if la, ok := ledger.GetAsset(r, a.Asset); ok && a.Rules.MaxSupply > 0 && la.Minted-la.Burned > a.Rules.MaxSupply {
		return fmt.Errorf("asset %s: supply %d above max %d", a.Asset, la.Minted-la.Burned, a.Rules.MaxSupply)
	}
	return nil
}

func checkDistribution(d *statepb.Distribution) error {
	out := d.Paid + d.Returned
	switch {
	case d.Paid < 0 || d.Returned < 0 || out > d.Amount || d.Floors > d.Amount:
		return fmt.Errorf("distribution %d: paid %d + returned %d (floors %d) beyond amount %d", d.Id, d.Paid, d.Returned, d.Floors, d.Amount)
	case d.Phase == statepb.DistributionPhase_DISTRIBUTION_PHASE_DONE && out != d.Amount:
		return fmt.Errorf("distribution %d done: paid %d + returned %d != amount %d", d.Id, d.Paid, d.Returned, d.Amount)
	}
	return nil
}
