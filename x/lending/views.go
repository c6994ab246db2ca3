package lending

import (
	"encoding/json"
	"google.golang.org/protobuf/encoding/protojson"
	"slices"
	"time"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

func productView(p *statepb.Product) query.Product {
	terms := map[string]any{}
	b, err := protojson.MarshalOptions{UseProtoNames: true}.Marshal(p.Terms)
	if err == nil {
		_ = json.Unmarshal(b, &terms)
	}
	return query.Product{ID: p.Id, Lender: p.Lender, Terms: terms, CreatedHeight: p.CreatedHeight}
}

func loanView(s store.Reader, l *statepb.Loan, now int64) query.Loan {
	today := core.ClockOf(s).Day(now)
	var grace uint32
	if p, ok := GetProduct(s, l.ProductId); ok {
		grace = p.Terms.ArrearsGraceDays
	}
	v := query.Loan{ID: l.Id, ProductID: l.ProductId, Borrower: l.Borrower, Lender: l.Lender, Asset: l.Asset,
		Principal: l.Principal, Periods: l.Periods, Status: StatusName(l.Status), Purpose: l.Purpose,
		Decision: l.Decision, DecisionInputsHash: l.DecisionInputsHash, DecisionScore: l.DecisionScore,
		DecisionModel: l.DecisionModel, DecisionModelVersion: l.DecisionModelVersion, DecisionReasons: l.DecisionReasons, AppliedAt: l.AppliedAt, DecidedAt: l.DecidedAt,
		DisbursedAt: l.DisbursedAt, StartDate: l.StartDate, ClosedAt: l.ClosedAt, Fee: l.FeeCharged,
		Collateral: l.Collateral, CollateralCaptured: l.CollateralCaptured, Outstanding: Outstanding(l),
		Overdue: OwedNow(l, now), TotalOwed: TotalOwed(l), PrincipalRepaid: l.PrincipalRepaid,
		InterestPaid: l.InterestPaid, FeesPaid: l.FeesPaid, PenaltiesPaid: l.PenaltiesPaid, WrittenOff: l.WrittenOff,
		Recovered: l.Recovered, DPD: l.Dpd, Bucket: BucketName(Buckets(s), l.Dpd, grace), Installments: []query.Installment{},
		Failure: l.Failure, FailedHeight: l.FailedHeight}
	if l.DecisionModel != "" && bureau != nil {
		v.DecisionBand = bureau.Band(s, l.DecisionModel, l.DecisionModelVersion, l.DecisionScore)
	}
	if l.Status == statepb.LoanStatus_LOAN_STATUS_WRITTEN_OFF {
		// Off the lender's books: nothing is overdue to it any more and the loan is in no
		// delinquency bucket (what a recovery may still bring is WrittenOff − Recovered).
		v.Overdue, v.Bucket = 0, "written_off"
	}
	addPoolAndGroup(s, &v, l)
	for _, in := range l.Installments {
		v.Installments = append(v.Installments, query.Installment{N: in.N, DueDate: in.DueDate,
			Status: InstallmentStatus(in, today), Principal: in.Principal, Interest: in.Interest, Fee: in.Fee,
			Penalty: in.Penalty, PrincipalPaid: in.PrincipalPaid, InterestPaid: in.InterestPaid, FeePaid: in.FeePaid,
			PenaltyPaid: in.PenaltyPaid, Owed: Owed(in)})
	}
	return v
}

func borrowerView(s store.Reader, addr string, now int64) query.BorrowerLoans {
	v := query.BorrowerLoans{Borrower: addr, Exposure: map[string]string{}, Loans: []query.Loan{}}
	loans := LoansOf(s, addr)
	seen := map[string]bool{}
	for _, l := range loans {
		v.Loans = append(v.Loans, loanView(s, l, now))
		if !seen[l.Asset] {
			seen[l.Asset] = true
			if e := ExposureOf(loans, l.Asset); e != 0 {
				v.Exposure[l.Asset] = core.Itoa(e)
			}
		}
	}
	h := HistoryOf(loans, core.BusinessDayOf(s, now).Month)
	v.History = map[string]uint32{"loans_taken": h.LoansTaken, "loans_completed": h.LoansCompleted,
		"loans_active": h.LoansActive, "loans_defaulted": h.LoansDefaulted, "loans_written_off": h.LoansWrittenOff,
		"installments_on_time": h.InstallmentsOnTime, "installments_late": h.InstallmentsLate,
		"max_dpd": h.MaxDpd, "max_dpd_12m": h.MaxDpd_12M, "prepayments": h.Prepayments}
	return v
}

func portfolioView(s store.Reader, lender string, now int64) query.Portfolio {
	byAsset := map[string]*Portfolio{}
	var order []string
	for _, l := range LoansBy(s, lender) {
		p, ok := byAsset[l.Asset]
		if !ok {
			p = NewPortfolio(s, now)
			byAsset[l.Asset] = p
			order = append(order, l.Asset)
		}
		p.Add(l, now)
	}
	out := query.Portfolio{Lender: lender, Assets: []query.PortfolioAsset{}}
	slices.Sort(order)
	for _, asset := range order {
		p := byAsset[asset]
		book := LenderBook(s, lender, asset)
		out.Assets = append(out.Assets, query.PortfolioAsset{Asset: asset, Loans: p.Loans, GrossPortfolio: p.GLP,
			OverduePrincipal: p.OverduePrincipal, PAR1: p.PAR(1), PAR30: p.PAR(30), PAR60: p.PAR(60), PAR90: p.PAR(90),
			ArrearsRate: Percent(p.OverduePrincipal, p.GLP), WrittenOff: p.WrittenOff, Recovered: p.Recovered,
			AverageGLP: AverageGLP(book, now), WriteOffRatio: WriteOffRatio(book, now)})
	}
	return out
}

// lenderLoansView counts every loan of a lender and shows the newest query.MaxLenderLoans
// with their live schedules (the console's loan list and work queue).
func lenderLoansView(s store.Reader, lender string, now int64) query.LenderLoans {
	loans := LoansBy(s, lender)
	v := query.LenderLoans{Lender: lender, Total: len(loans), ByStatus: map[string]int{}, ByBucket: map[string]int{},
		Loans: []query.Loan{}}
	bounds := Buckets(s)
	graces := map[uint64]uint32{} // a memo by product; never iterated
	for i := len(loans) - 1; i >= 0; i-- {
		l := loans[i]
		v.ByStatus[StatusName(l.Status)]++
		if isOpen(l) {
			g, ok := graces[l.ProductId]
			if !ok {
				if p, found := GetProduct(s, l.ProductId); found {
					g = p.Terms.ArrearsGraceDays
				}
				graces[l.ProductId] = g
			}
			v.ByBucket[BucketName(bounds, l.Dpd, g)]++
		}
		if len(v.Loans) < query.MaxLenderLoans {
			v.Loans = append(v.Loans, loanView(s, l, now))
		}
	}
	return v
}

// portfolioHistoryView lists each of a lender's books' recorded days.
func portfolioHistoryView(s store.Reader, lender string) query.PortfolioHistory {
	out := query.PortfolioHistory{Lender: lender, Assets: []query.AssetHistory{}}
	prefix := core.Key("lend", "book", lender, "")
	var assets []string
	store.IteratePrefix(s, prefix, func(k, _ []byte) bool {
		assets = append(assets, string(k[len(prefix):]))
		return true
	})
	for _, asset := range assets {
		h := query.AssetHistory{Asset: asset, Points: []query.HistoryPoint{}}
		for _, p := range BookHistory(s, lender, asset) {
			h.Points = append(h.Points, query.HistoryPoint{Date: time.Unix(p.Day*86400, 0).UTC().Format(time.DateOnly),
				GrossPortfolio: p.GLP, AtRisk30: p.AtRisk30, PAR30: Percent(p.AtRisk30, p.GLP)})
		}
		out.Assets = append(out.Assets, h)
	}
	return out
}

func addPoolAndGroup(s store.Reader, v *query.Loan, l *statepb.Loan) {
	v.Funded, v.FundingEndsAt = l.Funded, l.FundingEndsAt
	for _, inv := range l.Investments {
		v.Investments = append(v.Investments, query.Investment{Investor: inv.Investor, Amount: inv.Amount, Received: inv.Received})
	}
	v.GroupID, v.Guarantee, v.CoveredByGroup = l.GroupId, l.Guarantee, l.CoveredByGroup
	v.GuaranteeHeld = GuaranteeHeld(s, l)
}

func groupView(s store.Reader, g *statepb.Group) query.Group {
	v := query.Group{ID: g.Id, Lender: g.Lender, Name: g.Name, Members: g.Members, Loans: []uint64{}}
	for _, l := range GroupLoans(s, g.Id) {
		v.Loans = append(v.Loans, l.Id)
		v.Fund += GuaranteeHeld(s, l)
		v.Asset = l.Asset // a group borrows under one lender's products, in one asset
	}
	return v
}
