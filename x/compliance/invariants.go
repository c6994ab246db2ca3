package compliance

import (
	"fmt"
	"slices"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// CheckInvariants: the freeze aggregates the screen reads equal what the active orders
// freeze; every alert in a case is listed by it; every reported case has its report; every
// counters record decodes.
func CheckInvariants(r store.Reader) error {
	if err := checkFreezeAggregates(r); err != nil {
		return err
	}
	for _, a := range ListAlerts(r) {
		if a.Status != alertInCase {
			continue
		}
		c, ok := GetCase(r, a.CaseId)
		if !ok || !slices.Contains(c.AlertIds, a.Id) {
			return fmt.Errorf("alert %d is in case %d, which does not list it", a.Id, a.CaseId)
		}
	}
	for _, c := range ListCases(r) {
		if c.Status == caseReported {
			if rep, ok := GetReport(r, c.ReportId); !ok || rep.CaseId != c.Id {
				return fmt.Errorf("case %d is reported without its report", c.Id)
			}
		}
	}
	var bad error
	store.IteratePrefix(r, core.Key("cmp", "ctr", ""), func(k, v []byte) bool {
		if _, err := DecodeCounters(v); err != nil {
			bad = fmt.Errorf("counters %q: %v", k, err)
		}
		return bad == nil
	})
	return bad
}

func checkFreezeAggregates(r store.Reader) error {
	whole, amounts := map[string]int64{}, map[string]int64{}
	for _, o := range core.ListProto[statepb.FreezeOrder](r, orderPrefix) {
		if o.Status != orderActive {
			continue
		}
		if o.WholeAccount {
			whole[o.Account]++
		} else {
			amounts[string(frozenAmountKey(o.Account, o.Asset))] += o.Amount - o.Debited
		}
	}
	var bad error
	store.IteratePrefix(r, core.Key("cmp", "fzw", ""), func(k, v []byte) bool {
		addr := string(k[len(core.Key("cmp", "fzw", "")):])
		if core.DecodeInt64(v) != whole[addr] {
			bad = fmt.Errorf("account %s: %d whole-account freezes recorded, %d active orders", addr, core.DecodeInt64(v), whole[addr])
		}
		delete(whole, addr)
		return bad == nil
	})
	if bad == nil && len(whole) > 0 {
		return fmt.Errorf("%d accounts with active whole-account orders are not frozen", len(whole))
	}
	store.IteratePrefix(r, core.Key("cmp", "fza", ""), func(k, v []byte) bool {
		if core.DecodeInt64(v) != amounts[string(k)] {
			bad = fmt.Errorf("frozen amount %q: %d recorded, %d by active orders", k, core.DecodeInt64(v), amounts[string(k)])
		}
		delete(amounts, string(k))
		return bad == nil
	})
	if bad == nil && len(amounts) > 0 {
		return fmt.Errorf("%d frozen amounts of active orders are not recorded", len(amounts))
	}
	return bad
}
