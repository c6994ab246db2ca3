package lending

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/statepb"
)

// Portfolio accumulates portfolio-quality figures over a lender's loans in one asset, as
// DOMAIN.md defines them: the gross loan portfolio (GLP) is the outstanding principal of
// loans not written off; PAR>x is the whole outstanding principal of loans more than x days
// past due over GLP; the arrears rate is the overdue principal alone over GLP.
type Portfolio struct {
	Loans            int
	GLP              int64
	OverduePrincipal int64
	WrittenOff       int64
	Recovered        int64
	// outstanding principal by days past due, for PAR at any threshold
	atRisk []loanRisk
}

type loanRisk struct {
	dpd         uint32
	outstanding int64
}

// Add counts one loan as of block time now.
func (p *Portfolio) Add(l *statepb.Loan, now int64) {
	p.WrittenOff += l.WrittenOff
	p.Recovered += l.Recovered
	if !isOpen(l) {
		return
	}
	out := Outstanding(l)
	p.Loans++
	p.GLP += out
	p.OverduePrincipal += OverduePrincipal(l, now)
	p.atRisk = append(p.atRisk, loanRisk{l.Dpd, out})
}

// PAR is portfolio at risk over x days past due, a percentage with two decimals.
func (p *Portfolio) PAR(x uint32) string {
	var sum int64
	for _, r := range p.atRisk {
		if r.dpd > x {
			sum += r.outstanding
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
	return money.FormatMinor(mulDiv(part, 10_000, whole, ""), 2)
}
