package offering

import (
	"fmt"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// CheckInvariants: an open offering's pledged totals are the sum of its live pledges, each
// backed by exactly its ledger hold, and within the hard cap; no offering has minted a unit
// before success (an open or failed one has no allotted pledge), and a succeeded one minted
// exactly Σ its allotted pledges; a settled offering holds nothing.
func CheckInvariants(r store.Reader) error {
	for _, o := range core.ListProto[statepb.Offering](r, offeringPrefix) {
		if err := checkOffering(r, o); err != nil {
			return fmt.Errorf("offering %d: %w", o.Id, err)
		}
	}
	return nil
}

func checkOffering(r store.Reader, o *statepb.Offering) error {
	var live, liveCost, allotted int64
	for _, p := range Pledges(r, o.Id) {
		switch p.Status {
		case PledgePledged:
			h, ok := bank.GetHold(r, p.HoldId)
			if !ok || h.Amount != p.Cost || h.Owner != p.Investor || h.Beneficiary != o.Issuer {
				return fmt.Errorf("pledge of %s: hold %d missing or not its cost %d", p.Investor, p.HoldId, p.Cost)
			}
			live += p.Units
			liveCost += p.Cost
		case PledgeAllotted:
			allotted += p.Units
		}
	}
	switch o.Status {
	case StatusOpen:
		if live != o.PledgedUnits || liveCost != o.PledgedCost || o.PledgedUnits > o.Terms.HardCap {
			return fmt.Errorf("pledged %d (cost %d) but live holds %d (cost %d), hard cap %d",
				o.PledgedUnits, o.PledgedCost, live, liveCost, o.Terms.HardCap)
		}
	default:
		if live != 0 {
			return fmt.Errorf("%s with %d units still held", o.Status, live)
		}
	}
	if o.Status != StatusSucceeded && (allotted != 0 || o.AllottedUnits != 0) {
		return fmt.Errorf("%s but %d units allotted", o.Status, allotted)
	}
	if allotted != o.AllottedUnits {
		return fmt.Errorf("minted %d, Σ allotted pledges %d", o.AllottedUnits, allotted)
	}
	return nil
}
