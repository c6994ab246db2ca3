package trust

import (
	"fmt"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
)

// CheckInvariants, for every trust: the ledger balance of its account = contributed −
// released − fees − refunded − passed on; every donation's attributed + refunded ≤ its
// amount, and Σ unspent = that balance; the outflows' parts add up to each outflow, and
// Σ outflows of each kind = the trust's total of that kind. It scans every trust's records:
// for tests and audits, not block execution.
func CheckInvariants(r store.Reader) error {
	for _, t := range ListTrusts(r) {
		if err := checkTrust(r, t); err != nil {
			return fmt.Errorf("trust %d: %w", t.Id, err)
		}
	}
	return nil
}

func checkTrust(r store.Reader, t *statepb.TrustRecord) error {
	if got, want := bank.AvailableOf(r, t.Address, t.Terms.Asset), Balance(t); got != want {
		return fmt.Errorf("account holds %d, books say contributed %d − released %d − fees %d − refunded %d − passed on %d = %d",
			got, t.Contributed, t.Released, t.Fees, t.Refunded, t.PassedOn, want)
	}
	var contributed, unspent money.Accumulator
	for i, d := range ListDonations(r, t.Id) {
		if d.Seq != uint64(i+1) || d.Amount <= 0 || d.Attributed < 0 || d.Refunded < 0 || d.Attributed+d.Refunded > d.Amount {
			return fmt.Errorf("donation %d: amount %d, attributed %d, refunded %d", d.Seq, d.Amount, d.Attributed, d.Refunded)
		}
		if d.Seq < t.FifoNext && d.Attributed+d.Refunded != d.Amount && !t.Refunding && t.Status == statepb.TrustStatus_TRUST_STATUS_ACTIVE {
			return fmt.Errorf("donation %d is before the FIFO cursor %d but not used up", d.Seq, t.FifoNext)
		}
		contributed.Add(d.Amount)
		unspent.Add(Unspent(d))
	}
	if c, err := contributed.Total(); err != nil || c != t.Contributed {
		return fmt.Errorf("donations add up to %d, contributed %d", c, t.Contributed)
	}
	if u, err := unspent.Total(); err != nil || u != Balance(t) {
		return fmt.Errorf("unspent donations add up to %d, balance %d", u, Balance(t))
	}
	return checkOutflows(r, t)
}

func checkOutflows(r store.Reader, t *statepb.TrustRecord) error {
	sums := map[statepb.OutflowKind]int64{}
	for i, rel := range ListReleases(r, t.Id) {
		if rel.Seq != uint64(i+1) {
			return fmt.Errorf("release %d out of sequence", rel.Seq)
		}
		var parts int64
		for _, p := range rel.Parts {
			parts += p.Amount
		}
		if parts != rel.Amount {
			return fmt.Errorf("release %d of %d attributed %d", rel.Seq, rel.Amount, parts)
		}
		sums[rel.Kind] += rel.Amount
	}
	released := sums[statepb.OutflowKind_OUTFLOW_KIND_TRANCHE] + sums[statepb.OutflowKind_OUTFLOW_KIND_DISTRIBUTION]
	if released != t.Released || sums[statepb.OutflowKind_OUTFLOW_KIND_FEE] != t.Fees ||
		sums[statepb.OutflowKind_OUTFLOW_KIND_REFUND] != t.Refunded || sums[statepb.OutflowKind_OUTFLOW_KIND_PASS_ON] != t.PassedOn {
		return fmt.Errorf("outflow records %v differ from the books", sums)
	}
	return nil
}
