package lending

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Portfolio accumulates portfolio-quality figures over a lender's loans in one asset, as
// DOMAIN.md defines them: the gross loan portfolio (GLP) is the outstanding principal of
// loans not written off; PAR>x is the whole outstanding principal of loans more than x days
// past due over GLP; the arrears rate is the overdue principal alone over GLP. A loan or
// instalment within its product's arrears grace days counts in neither.
//
// Use NewPortfolio: it knows the business day and each product's arrears grace days.
type Portfolio struct {
	Loans            int
	GLP              int64
	OverduePrincipal int64
	WrittenOff       int64
	Recovered        int64
	// outstanding principal by days past due, for PAR at any threshold
	atRisk []loanRisk

	r      store.Reader
	today  int64
	graces map[uint64]uint32 // arrears grace days by product (a memo; never iterated)
}

// NewPortfolio is an empty portfolio as of block time now.
func NewPortfolio(r store.Reader, now int64) *Portfolio {
	return &Portfolio{r: r, today: core.BusinessDayOf(r, now).Day, graces: map[uint64]uint32{}}
}

// grace is the arrears grace days of a loan's product.
func (p *Portfolio) grace(productID uint64) uint32 {
	g, ok := p.graces[productID]
	if !ok {
		if prod, found := GetProduct(p.r, productID); found {
			g = prod.Terms.ArrearsGraceDays
		}
		p.graces[productID] = g
	}
	return g
}

type loanRisk struct {
	dpd         uint32 // 0 while within the product's arrears grace days
	outstanding int64
}

// Add counts one loan as of the portfolio's business day. Its sums cannot wrap: they stop
// at the largest int64 (a view; see Outstanding).
func (p *Portfolio) Add(l *statepb.Loan, _ int64) {
	p.WrittenOff = money.AddSat(p.WrittenOff, l.WrittenOff)
	p.Recovered = money.AddSat(p.Recovered, l.Recovered)
	if !isOpen(l) {
		return
	}
	grace := p.grace(l.ProductId)
	out := Outstanding(l)
	p.Loans++
	p.GLP = money.AddSat(p.GLP, out)
	p.OverduePrincipal = money.AddSat(p.OverduePrincipal, OverduePrincipal(l, p.today, grace))
	dpd := l.Dpd
	if dpd <= grace {
		dpd = 0
	}
	p.atRisk = append(p.atRisk, loanRisk{dpd, out})
}

// PAR is portfolio at risk over x days past due, a percentage with two decimals.
func (p *Portfolio) PAR(x uint32) string {
	var sum int64
	for _, r := range p.atRisk {
		if r.dpd > x {
			sum = money.AddSat(sum, r.outstanding)
		}
	}
	return Percent(sum, p.GLP)
}

// Percent is part/whole as a percentage with two decimals (half-even); "0.00" for an empty
// whole.
func Percent(part, whole int64) string {
	if whole == 0 {
		return "0.00"
	}
	v, err := money.MulDiv(part, 10_000, whole, money.RoundingHalfEven)
	if err != nil {
		return "overflow"
	}
	return money.FormatMinor(v, 2)
}
