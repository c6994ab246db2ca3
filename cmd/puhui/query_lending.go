package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
)

// scales returns an asset's scale, asking the node once per asset; an asset it cannot read
// shows in minor units.
type scales func(asset string) uint32

func newScales(ctx context.Context, c *client.Client) scales {
	known := map[string]uint32{}
	return func(asset string) uint32 {
		if s, ok := known[asset]; ok {
			return s
		}
		var s uint32
		if a, err := c.Asset(ctx, asset); err == nil {
			s = a.Scale
		}
		known[asset] = s
		return s
	}
}

// productTerm reads a product term from its protobuf JSON form ("" when unset).
func productTerm(p query.Product, name string) string {
	switch v := p.Terms[name].(type) {
	case nil:
		return ""
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		return fmt.Sprint(v)
	}
}

// termAmount formats an amount term (protobuf JSON writes int64 as a string of minor units).
func termAmount(p query.Product, name string, scale uint32) string {
	v, _ := strconv.ParseInt(productTerm(p, name), 10, 64)
	return money.FormatMinor(v, scale)
}

func productText(p query.Product, sc scales) string {
	asset := productTerm(p, "asset")
	scale := sc(asset)
	period := productTerm(p, "frequency") // days, weeks, months
	if every := productTerm(p, "every"); every != "" && every != "1" {
		period = every + " " + period
	} else {
		period = strings.TrimSuffix(period, "s")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "product %d %q by %s (height %d)\n", p.ID, productTerm(p, "name"), p.Lender, p.CreatedHeight)
	fmt.Fprintf(&b, "  %s %s..%s in %s..%s instalments, one every %s, at %s%% a year",
		asset, termAmount(p, "min_principal", scale), termAmount(p, "max_principal", scale),
		productTerm(p, "min_periods"), productTerm(p, "max_periods"), period, productTerm(p, "annual_rate_percent"))
	for _, k := range []string{"interest_method", "amortization", "interest_period", "rounding", "allocation", "prepayment", "funding"} {
		if v := productTerm(p, k); v != "" {
			fmt.Fprintf(&b, ", %s %s", strings.ReplaceAll(k, "_", " "), v)
		}
	}
	var charges []string
	for _, k := range []string{"disbursement_fee_flat", "installment_fee_flat", "penalty_flat_per_installment", "max_exposure"} {
		if productTerm(p, k) != "" {
			charges = append(charges, fmt.Sprintf("%s %s", strings.ReplaceAll(k, "_", " "), termAmount(p, k, scale)))
		}
	}
	for _, k := range []string{"disbursement_fee_bps", "penalty_bps_per_day", "collateral_bps", "group_guarantee_bps"} {
		if v := productTerm(p, k); v != "" {
			charges = append(charges, fmt.Sprintf("%s %s", strings.ReplaceAll(k, "_", " "), v))
		}
	}
	for _, k := range []string{"penalty_grace_days", "arrears_grace_days", "default_dpd", "min_kyc_level", "funding_window_days"} {
		if v := productTerm(p, k); v != "" {
			charges = append(charges, fmt.Sprintf("%s %s", strings.ReplaceAll(k, "_", " "), v))
		}
	}
	if len(charges) > 0 {
		fmt.Fprintf(&b, "\n  %s", strings.Join(charges, ", "))
	}
	if rule := productTerm(p, "approval_rule"); rule != "" {
		fmt.Fprintf(&b, "\n  approval rule: %s", rule)
	} else {
		b.WriteString("\n  approval: by the lender")
	}
	return b.String()
}

func unixText(sec int64) string {
	if sec == 0 {
		return "-"
	}
	return time.Unix(sec, 0).UTC().Format(time.RFC3339)
}

func loanText(l query.Loan, scale uint32) string {
	f := func(v int64) string { return money.FormatMinor(v, scale) }
	var b strings.Builder
	fmt.Fprintf(&b, "loan %d (product %d): %s, bucket %s, %d days past due\n", l.ID, l.ProductID, l.Status, l.Bucket, l.DPD)
	fmt.Fprintf(&b, "  borrower %s  lender %s\n", l.Borrower, l.Lender)
	fmt.Fprintf(&b, "  principal %s %s over %d periods", f(l.Principal), l.Asset, l.Periods)
	if l.Purpose != "" {
		fmt.Fprintf(&b, " for %q", l.Purpose)
	}
	fmt.Fprintf(&b, "\n  applied %s  decided %s  disbursed %s", unixText(l.AppliedAt), unixText(l.DecidedAt), unixText(l.DisbursedAt))
	if l.StartDate != "" {
		fmt.Fprintf(&b, "  start date %s", l.StartDate)
	}
	if l.ClosedAt != 0 {
		fmt.Fprintf(&b, "  closed %s", unixText(l.ClosedAt))
	}
	if l.Decision != "" {
		fmt.Fprintf(&b, "\n  decision: %s", l.Decision)
	}
	fmt.Fprintf(&b, "\n  fee %s  collateral %s  collateral captured %s", f(l.Fee), f(l.Collateral), f(l.CollateralCaptured))
	fmt.Fprintf(&b, "\n  repaid: principal %s  interest %s  fees %s  penalties %s", f(l.PrincipalRepaid), f(l.InterestPaid), f(l.FeesPaid), f(l.PenaltiesPaid))
	fmt.Fprintf(&b, "\n  outstanding principal %s  overdue %s  total owed %s", f(l.Outstanding), f(l.Overdue), f(l.TotalOwed))
	if l.WrittenOff != 0 || l.Recovered != 0 {
		fmt.Fprintf(&b, "\n  written off %s  recovered %s", f(l.WrittenOff), f(l.Recovered))
	}
	if len(l.Installments) == 0 {
		b.WriteString("\n  no schedule yet (fixed at disbursement)")
		return b.String()
	}
	fmt.Fprintf(&b, "\n%4s  %-10s  %-11s %14s %14s %12s %12s %14s", "n", "due", "status", "principal", "interest", "fee", "penalty", "owed")
	for _, in := range l.Installments {
		fmt.Fprintf(&b, "\n%4d  %-10s  %-11s %14s %14s %12s %12s %14s", in.N, in.DueDate, in.Status,
			f(in.Principal), f(in.Interest), f(in.Fee), f(in.Penalty), f(in.Owed))
	}
	return b.String()
}

func borrowerText(bl query.BorrowerLoans, sc scales) string {
	var b strings.Builder
	fmt.Fprintf(&b, "borrower %s", bl.Borrower)
	assets := make([]string, 0, len(bl.Exposure))
	for a := range bl.Exposure {
		assets = append(assets, a)
	}
	slices.Sort(assets)
	for _, a := range assets {
		v, _ := strconv.ParseInt(bl.Exposure[a], 10, 64)
		fmt.Fprintf(&b, "\n  exposure %s %s", money.FormatMinor(v, sc(a)), a)
	}
	if len(bl.History) > 0 {
		names := make([]string, 0, len(bl.History))
		for k := range bl.History {
			names = append(names, k)
		}
		slices.Sort(names)
		var parts []string
		for _, k := range names {
			parts = append(parts, fmt.Sprintf("%s %d", strings.ReplaceAll(k, "_", " "), bl.History[k]))
		}
		fmt.Fprintf(&b, "\n  history: %s", strings.Join(parts, ", "))
	}
	if len(bl.Loans) == 0 {
		b.WriteString("\n  no loans")
	}
	for _, l := range bl.Loans {
		s := sc(l.Asset)
		fmt.Fprintf(&b, "\n  loan %d %-11s %s %s, outstanding %s, overdue %s, %d days past due (product %d, lender %s)",
			l.ID, l.Status, money.FormatMinor(l.Principal, s), l.Asset, money.FormatMinor(l.Outstanding, s),
			money.FormatMinor(l.Overdue, s), l.DPD, l.ProductID, l.Lender)
	}
	return b.String()
}

func portfolioText(p query.Portfolio, sc scales) string {
	var b strings.Builder
	fmt.Fprintf(&b, "portfolio of lender %s", p.Lender)
	if len(p.Assets) == 0 {
		b.WriteString("\n  no loans")
	}
	for _, a := range p.Assets {
		s := sc(a.Asset)
		fmt.Fprintf(&b, "\n  %s: %d open loans, gross loan portfolio %s, overdue principal %s, arrears rate %s%%",
			a.Asset, a.Loans, money.FormatMinor(a.GrossPortfolio, s), money.FormatMinor(a.OverduePrincipal, s), a.ArrearsRate)
		fmt.Fprintf(&b, "\n    PAR1 %s%%  PAR30 %s%%  PAR60 %s%%  PAR90 %s%%  written off %s  recovered %s",
			a.PAR1, a.PAR30, a.PAR60, a.PAR90, money.FormatMinor(a.WrittenOff, s), money.FormatMinor(a.Recovered, s))
		fmt.Fprintf(&b, "\n    average GLP %s, write-off ratio %s%% (over the lender's history)",
			money.FormatMinor(a.AverageGLP, s), a.WriteOffRatio)
	}
	return b.String()
}
