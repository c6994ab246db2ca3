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
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/lending"
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
