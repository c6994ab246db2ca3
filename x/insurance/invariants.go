package insurance

import (
	"fmt"
	"maps"
	"slices"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
)

// CheckInvariants: for every pool, balance = funded + premiums − payouts − withdrawals, 0 ≤
// exposure ≤ balance, its hold holds exactly the balance, exposure = Σ (maximum payout − paid)
// of its active policies, payouts = Σ paid of its policies and premiums = Σ their premiums;
// no policy is paid beyond its maximum, nor to a loan beyond what it was paid. It scans
// every policy: for tests and audits.
func CheckInvariants(r store.Reader) error {
	type sums struct{ exposure, paid, premiums int64 }
	bySum := map[string]*sums{}
	for _, p := range ListPolicies(r) {
		if p.Paid < 0 || p.Paid > p.MaxPayout || p.PaidToLoan > p.Paid || p.Claimed > p.MaxPayout {
			return fmt.Errorf("policy %d: paid %d (to the loan %d), claimed %d, maximum %d", p.Id, p.Paid, p.PaidToLoan, p.Claimed, p.MaxPayout)
		}
		k := p.Insurer + "/" + p.Asset
		if bySum[k] == nil {
			bySum[k] = &sums{}
		}
		s := bySum[k]
		s.paid += p.Paid
		s.premiums += p.Premium
		if p.Status == statepb.PolicyStatus_POLICY_STATUS_ACTIVE {
			s.exposure += p.MaxPayout - p.Paid
		}
	}
	for _, pool := range ListPools(r) {
		s := bySum[pool.Insurer+"/"+pool.Asset]
		if s == nil {
			s = &sums{}
		}
		if err := checkPool(r, pool, s.exposure, s.paid, s.premiums); err != nil {
			return fmt.Errorf("pool %s/%s: %w", pool.Insurer, pool.Asset, err)
		}
		delete(bySum, pool.Insurer+"/"+pool.Asset)
	}
	for _, k := range slices.Sorted(maps.Keys(bySum)) { // sorted: the same error every run
		if s := bySum[k]; s.paid != 0 || s.premiums != 0 {
			return fmt.Errorf("policies of %s without a pool", k)
		}
	}
	return nil
}

func checkPool(r store.Reader, p *statepb.Pool, exposure, paid, premiums int64) error {
	if want := p.Funded + p.Premiums - p.Payouts - p.Withdrawals; p.Balance != want {
		return fmt.Errorf("balance %d, funded + premiums − payouts − withdrawals = %d", p.Balance, want)
	}
	if p.Exposure < 0 || p.Exposure > p.Balance {
		return fmt.Errorf("exposure %d outside 0..balance %d", p.Exposure, p.Balance)
	}
	if p.Exposure != exposure || p.Payouts != paid || p.Premiums != premiums {
		return fmt.Errorf("exposure %d, payouts %d, premiums %d; its policies: %d, %d, %d", p.Exposure, p.Payouts, p.Premiums,
			exposure, paid, premiums)
	}
	if p.Balance == 0 {
		if p.HoldId != 0 {
			return fmt.Errorf("empty, with hold %d", p.HoldId)
		}
		return nil
	}
	h, ok := bank.GetHold(r, p.HoldId)
	if !ok || h.Amount != p.Balance || h.Owner != p.Insurer || h.Asset != p.Asset {
		return fmt.Errorf("hold %d does not hold the balance %d", p.HoldId, p.Balance)
	}
	return nil
}
