package app

import (
	"slices"
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/compliance"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/insurance"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/lending"
	"github.com/puhui-chain/puhui/x/scf"
)

// complianceRegistry is identity as compliance sees it (compliance.Registry).
type complianceRegistry struct{ identity.Registry }

func (complianceRegistry) IsMember(r store.Reader, addr string) bool {
	return identity.IsMember(r, addr)
}

func (complianceRegistry) SponsorOf(r store.Reader, addr string) string {
	if a, ok := identity.GetAccount(r, addr); ok {
		return a.Sponsor
	}
	return ""
}

// complianceBank is the ledger as compliance sees it (compliance.Bank).
type complianceBank struct{ ledger.Bank }

// supervisedLending is lending as the supervision views read it (compliance.Lending).
type supervisedLending struct{}

func (supervisedLending) Portfolio(r store.Reader, lender string, now int64) query.Portfolio {
	return lending.PortfolioView(r, lender, now)
}

func (supervisedLending) Lenders(r store.Reader) []string { return lending.BookLenders(r) }

func (supervisedLending) ExposuresOfLender(r store.Reader, lender string, now int64) []compliance.Exposure {
	return exposures(r, lending.LoansBy(r, lender), now)
}

func (supervisedLending) ExposuresOfBorrower(r store.Reader, borrower string, now int64) []compliance.Exposure {
	return exposures(r, lending.LoansOf(r, borrower), now)
}

// exposureWindow is how far back a disbursement counts as recent (the growth warning).
const exposureWindow = 30 * 86400

// exposures groups open loans' outstanding principal by borrower, lender and asset.
func exposures(r store.Reader, loans []*statepb.Loan, now int64) []compliance.Exposure {
	clock := core.ClockOf(r)
	since := clock.BlockTimeOf(clock.Business(now).Add(-exposureWindow * 1e9))
	by := map[string]*compliance.Exposure{}
	for _, l := range loans {
		if !lending.IsOpen(l) {
			continue
		}
		k := l.Borrower + "/" + l.Lender + "/" + l.Asset
		e, ok := by[k]
		if !ok {
			e = &compliance.Exposure{Borrower: l.Borrower, Lender: l.Lender, Asset: l.Asset}
			by[k] = e
		}
		e.Outstanding = money.AddSat(e.Outstanding, lending.Outstanding(l))
		e.Loans++
		if l.DisbursedAt >= since {
			e.Recent = money.AddSat(e.Recent, l.Principal)
		}
	}
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, strings.Compare)
	out := make([]compliance.Exposure, len(keys))
	for i, k := range keys {
		out[i] = *by[k]
	}
	return out
}

// supervisedSCF is supply-chain finance as the supervision views read it
// (compliance.SupplyChain).
type supervisedSCF struct{}

func (supervisedSCF) OverdueByIssuer(r store.Reader) []compliance.OverdueCertificates {
	var out []compliance.OverdueCertificates
	for _, c := range scf.OverdueParts(r) { // by issuer, asset, maturity: the oldest first
		n := len(out)
		if n == 0 || out[n-1].Issuer != c.Issuer || out[n-1].Asset != c.Asset {
			out = append(out, compliance.OverdueCertificates{Issuer: c.Issuer, Asset: c.Asset, OldestDPD: c.DaysPastDue})
			n++
		}
		o := &out[n-1]
		o.Overdue = money.AddSat(o.Overdue, c.Face-c.Paid)
		o.OldestDPD = max(o.OldestDPD, c.DaysPastDue)
		o.Count++
		if c.State == statepb.CertState_CERT_STATE_DEFAULTED {
			o.Defaulted++
		}
	}
	return out
}

// supervisedInsurance is insurance as the supervision views read it (compliance.Insurance).
type supervisedInsurance struct{}

func (supervisedInsurance) Pools(r store.Reader) []compliance.PoolCover {
	active := map[[2]string]int{}
	for _, p := range insurance.ListPolicies(r) {
		if p.Status == statepb.PolicyStatus_POLICY_STATUS_ACTIVE {
			active[[2]string{p.Insurer, p.Asset}]++
		}
	}
	pools := insurance.ListPools(r)
	out := make([]compliance.PoolCover, len(pools))
	for i, p := range pools {
		out[i] = compliance.PoolCover{Insurer: p.Insurer, Asset: p.Asset, Balance: p.Balance, MaxPayouts: p.Exposure,
			Policies: active[[2]string{p.Insurer, p.Asset}]}
	}
	return out
}
