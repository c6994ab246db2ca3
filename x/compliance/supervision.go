package compliance

import (
	"slices"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// The early-warning constants that are no parameter (the limits and warning levels are:
// Params).
const (
	growthWarningPercent = 50 // a borrower whose exposure across lenders is ≥ 150% of a month ago
	topBorrowers         = 5
)

// lenderView gathers a lender's supervision figures.
func lenderView(r store.Reader, lender string, now int64) query.LenderSupervision {
	v := query.LenderSupervision{Lender: lender, Portfolio: lending.Portfolio(r, lender, now), NetAssets: map[string]string{},
		LargeExposures: []query.LargeExposure{}, Concentration: []query.LargeExposure{}}
	exps := lending.ExposuresOfLender(r, lender, now)
	byAsset := map[string][]Exposure{}
	var assets []string
	for _, e := range exps {
		if _, ok := byAsset[e.Asset]; !ok {
			assets = append(assets, e.Asset)
		}
		byAsset[e.Asset] = append(byAsset[e.Asset], e)
	}
	slices.Sort(assets)
	params := Params(r)
	for _, asset := range assets {
		net := NetAssetsOf(r, lender, asset)
		if net > 0 {
			v.NetAssets[asset] = core.Itoa(net)
		}
		list := byAsset[asset]
		for _, e := range list {
			if net > 0 && overLimit(e.Outstanding, net, int64(params.SingleLimitBps)) {
				v.LargeExposures = append(v.LargeExposures, exposureView(e, net, money.FormatMinor(int64(params.SingleLimitBps), 2)))
			}
		}
		if net > 0 {
			v.LargeExposures = append(v.LargeExposures, groupExposures(r, list, net, int64(params.RelatedLimitBps))...)
		}
		slices.SortStableFunc(list, func(a, b Exposure) int { return cmpDesc(a.Outstanding, b.Outstanding) })
		for _, e := range list[:min(topBorrowers, len(list))] {
			v.Concentration = append(v.Concentration, exposureView(e, net, ""))
		}
	}
	return v
}

func cmpDesc(a, b int64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// overLimit: outstanding > net × bps / 10,000, compared without dividing.
func overLimit(outstanding, net, bps int64) bool {
	lhs, err1 := money.Mul(outstanding, 10_000)
	rhs, err2 := money.Mul(net, bps)
	if err1 != nil || err2 != nil {
		return err1 != nil // an outstanding too large to scale is over any limit
	}
	return lhs > rhs
}

func exposureView(e Exposure, net int64, limit string) query.LargeExposure {
	share := ""
	if net > 0 {
		share = percent(e.Outstanding, net)
	}
	return query.LargeExposure{Borrower: e.Borrower, Asset: e.Asset, Outstanding: e.Outstanding, NetAssets: net, Share: share, Limit: limit}
}

// percent is part/whole as a percentage with two decimals, rounded half to even.
func percent(part, whole int64) string {
	bp, err := money.MulDiv(part, 10_000, whole, money.RoundingHalfEven)
	if err != nil {
		return "overflow"
	}
	return money.FormatMinor(bp, 2)
}

// borrowerView is a borrower's exposure across lenders.
func borrowerView(r store.Reader, borrower string, now int64) query.BorrowerExposure {
	v := query.BorrowerExposure{Borrower: borrower, Total: map[string]string{}, Lenders: []query.LenderExposure{}}
	totals := map[string]int64{}
	for _, e := range lending.ExposuresOfBorrower(r, borrower, now) {
		v.Lenders = append(v.Lenders, query.LenderExposure{Lender: e.Lender, Asset: e.Asset, Outstanding: e.Outstanding, Loans: e.Loans})
		totals[e.Asset] = money.AddSat(totals[e.Asset], e.Outstanding)
	}
	for a, t := range totals {
		v.Total[a] = core.Itoa(t) // a JSON object: encoding sorts its keys
	}
	return v
}

// countsView counts compliance records by status.
func countsView(r store.Reader) query.SupervisionCounts {
	v := query.SupervisionCounts{Alerts: map[string]int{}, Cases: map[string]int{}, FreezeOrders: map[string]int{}}
	for _, a := range ListAlerts(r) {
		v.Alerts[a.Status]++
	}
	for _, c := range ListCases(r) {
		v.Cases[c.Status]++
		if c.Overdue && c.Status == caseConfirmed {
			v.OverdueReports++
		}
	}
	v.SuspiciousReports = len(ListReports(r))
	v.LargeValueReports = len(LargeValueReports(r, "", ""))
	for _, o := range core.ListProto[statepb.FreezeOrder](r, orderPrefix) {
		v.FreezeOrders[o.Status]++
	}
	return v
}

// poolCoverageThresholdBps is the pool coverage below which an early warning is raised.
func poolCoverageThresholdBps(r store.Reader) int64 { return int64(Params(r).PoolCoverageWarningBps) }

// groupExposures: related-party groups whose members' combined exposure with the lender in
// one asset (list) passes the related-party limit of its net assets, by group name.
func groupExposures(r store.Reader, list []Exposure, net, limitBps int64) []query.LargeExposure {
	sums, members := map[string]int64{}, map[string][]string{}
	var names []string
	for _, e := range list {
		g := RelatedGroupOf(r, e.Borrower)
		if g == "" {
			continue
		}
		if _, ok := sums[g]; !ok {
			names = append(names, g)
		}
		sums[g] = money.AddSat(sums[g], e.Outstanding)
		members[g] = append(members[g], e.Borrower)
	}
	slices.Sort(names)
	var out []query.LargeExposure
	for _, g := range names {
		if overLimit(sums[g], net, limitBps) {
			slices.Sort(members[g])
			v := exposureView(Exposure{Borrower: g, Asset: list[0].Asset, Outstanding: sums[g]}, net, money.FormatMinor(limitBps, 2))
			v.Group, v.Members = g, members[g]
			out = append(out, v)
		}
	}
	return out
}
