package compliance

import (
	"slices"
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/x/core"
)

// earlyWarnings computes the early warnings as of now: a lender whose PAR30 crossed the
// threshold, a borrower above the large-exposure limit of a lender, a borrower whose
// exposure across two or more lenders grew by half or more within a month, a core
// enterprise with receivable certificates overdue, and an insurance pool whose coverage of
// its policies' maximum payouts fell below the threshold. Each carries the facts behind it.
// It is a query: it may read every lender's book.
func earlyWarnings(r store.Reader, now int64) []query.EarlyWarning {
	out := []query.EarlyWarning{}
	borrowers := map[string]bool{}
	par30WarningBps := int64(Params(r).Par30WarningBps)
	for _, lender := range lending.Lenders(r) {
		for _, a := range lending.Portfolio(r, lender, now).Assets {
			if bp, err := money.ParseAmount(a.PAR30, 2); err == nil && bp >= par30WarningBps {
				out = append(out, query.EarlyWarning{Kind: "lender_par30", Subject: lender, Facts: map[string]string{
					"asset": a.Asset, "par30": a.PAR30, "threshold": money.FormatMinor(par30WarningBps, 2),
					"gross_loan_portfolio": core.Itoa(a.GrossPortfolio), "overdue_principal": core.Itoa(a.OverduePrincipal)}})
			}
		}
		for _, e := range lenderView(r, lender, now).LargeExposures {
			w := query.EarlyWarning{Kind: "large_exposure", Subject: e.Borrower, Facts: map[string]string{
				"lender": lender, "asset": e.Asset, "outstanding": core.Itoa(e.Outstanding),
				"net_assets": core.Itoa(e.NetAssets), "share": e.Share, "limit": e.Limit}}
			if e.Group != "" {
				w.Facts["group"], w.Facts["members"] = e.Group, strings.Join(e.Members, ",")
			}
			out = append(out, w)
		}
		for _, e := range lending.ExposuresOfLender(r, lender, now) {
			borrowers[e.Borrower] = true
		}
	}
	names := make([]string, 0, len(borrowers))
	for b := range borrowers {
		names = append(names, b)
	}
	slices.Sort(names)
	for _, b := range names {
		out = append(out, growthWarnings(r, b, now)...)
	}
	out = append(out, overdueWarnings(r)...)
	return append(out, coverageWarnings(r)...)
}

// growthWarnings: per asset, the principal disbursed in the last 30 days is at least half
// of what the borrower owed before it, across at least two lenders.
func growthWarnings(r store.Reader, borrower string, now int64) []query.EarlyWarning {
	type sum struct {
		total, recent int64
		lenders       int
	}
	by := map[string]*sum{}
	var assets []string
	for _, e := range lending.ExposuresOfBorrower(r, borrower, now) {
		s, ok := by[e.Asset]
		if !ok {
			s = &sum{}
			by[e.Asset] = s
			assets = append(assets, e.Asset)
		}
		s.total, s.recent = money.AddSat(s.total, e.Outstanding), money.AddSat(s.recent, e.Recent)
		if e.Recent > 0 {
			s.lenders++
		}
	}
	slices.Sort(assets)
	var out []query.EarlyWarning
	for _, a := range assets {
		s := by[a]
		before := max(s.total-s.recent, 0)
		grew := s.recent > 0 && (before == 0 || money.MulSat(s.recent, 100) >= money.MulSat(before, growthWarningPercent))
		if s.lenders >= 2 && grew {
			out = append(out, query.EarlyWarning{Kind: "borrower_exposure_growth", Subject: borrower, Facts: map[string]string{
				"asset": a, "exposure": core.Itoa(s.total), "disbursed_30d": core.Itoa(s.recent),
				"exposure_before": core.Itoa(before), "lenders_30d": core.Itoa(int64(s.lenders))}})
		}
	}
	return out
}
