package assets

import (
	"github.com/puhui-chain/puhui/store"
)

// Rules is the view other modules take of issued assets' rules.
type Rules struct{}

// CheckHolder reports whether addr may come to hold amount more units of asset at block
// time now (Unix seconds): registration, KYC level, jurisdiction, allow list, frozen, paused,
// max balance per holder, max holders, max supply. nil for an asset without rules (or not
// registered through x/assets). The error is the coded rule error a movement would get.
func (Rules) CheckHolder(r store.Reader, asset, addr string, amount int64, now int64) error {
	a, ok := GetRuled(r, asset)
	if !ok {
		return nil
	}
	if a.Paused {
		return ErrRulePaused.Wrapf("%s is paused", asset)
	}
	if err := checkReceiver(r, a, addr, amount, false, now, true); err != nil {
		return err
	}
	return checkSupply(r, a, amount)
}
