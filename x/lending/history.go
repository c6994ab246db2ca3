package lending

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// History is a borrower's repayment history across every lender as of business month
// month, summed from its loans (a loan carries its own on-time and late counts, worst days
// past due by month and prepayments), so a collection writes no borrower-wide record.
func History(r store.Reader, borrower string, month int64) *statepb.BorrowerHistory {
	return HistoryOf(LoansOf(r, borrower), month)
}

// HistoryOf sums the history of loans already read (all of one borrower's).
func HistoryOf(loans []*statepb.Loan, month int64) *statepb.BorrowerHistory {
	h := &statepb.BorrowerHistory{}
	for _, l := range loans {
		if l.DisbursedAt == 0 {
			continue
		}
		h.LoansTaken++
		switch {
		case l.Status == statepb.LoanStatus_LOAN_STATUS_CLOSED && !l.Defaulted:
			h.LoansCompleted++
		case l.Status == statepb.LoanStatus_LOAN_STATUS_WRITTEN_OFF:
			h.LoansWrittenOff++
		case isOpen(l):
			h.LoansActive++
		}
		if l.Defaulted {
			h.LoansDefaulted++
		}
		h.InstallmentsOnTime += l.InstallmentsOnTime
		h.InstallmentsLate += l.InstallmentsLate
		h.MaxDpd = max(h.MaxDpd, l.MaxDpd)
		h.MaxDpd_12M = max(h.MaxDpd_12M, maxDPD12M(l, month))
		h.Prepayments += l.Prepayments
	}
	return h
}

// Exposure is the exposure registry's answer for a borrower: its outstanding principal in
// asset across every lender (active and defaulted loans).
func Exposure(r store.Reader, borrower, asset string) int64 {
	return ExposureOf(LoansOf(r, borrower), asset)
}

// ExposureOf sums the outstanding principal in asset of loans already read (a view: it stops
// at the largest int64 rather than wrap; applications check the sum with exposureOf).
func ExposureOf(loans []*statepb.Loan, asset string) int64 {
	return saturated(exposureOf(loans, asset))
}

func exposureOf(loans []*statepb.Loan, asset string) (int64, error) {
	var sum money.Accumulator
	for _, l := range loans {
		if l.Asset == asset && isOpen(l) {
			out, err := outstanding(l)
			if err != nil {
				return 0, err
			}
			sum.Add(out)
		}
	}
	return sum.Total()
}

// DebtService is the monthly debt service in asset of loans already read: for each open
// loan, its next unpaid instalment's scheduled amount scaled to a 30-day month. The sum stops
// at the largest int64 rather than wrap.
func DebtService(r store.Reader, loans []*statepb.Loan, asset string) int64 {
	var sum money.Accumulator
	for _, l := range loans {
		if l.Asset != asset || !isOpen(l) {
			continue
		}
		for _, in := range l.Installments {
			if unpaid(in) {
				p, _ := GetProduct(r, l.ProductId)
				sum.Add(MonthlyAmount(p.Terms, saturated(money.Sum(in.Principal, in.Interest, in.Fee))))
				break
			}
		}
	}
	return saturated(sum.Total())
}

// MonthlyAmount scales an instalment of a product's frequency to a 30-day month (a month
// counts as 30 days, a week as 7), rounded half-even.
func MonthlyAmount(t *txpb.LoanProduct, installment int64) int64 {
	days := int64(max(1, t.Every))
	switch t.Frequency {
	case "months":
		days *= 30
	case "weeks":
		days *= 7
	}
	return saturated(money.MulDiv(installment, 30, days, money.RoundingHalfEven))
}

// Lenders counts the distinct lenders of the open loans already read.
func Lenders(loans []*statepb.Loan) int64 {
	seen := map[string]bool{}
	for _, l := range loans {
		if isOpen(l) {
			seen[l.Lender] = true
		}
	}
	return int64(len(seen))
}

// GroupSignals are a borrower's joint-liability signals: how many groups it borrowed in,
// the overdue principal of those groups' loans against their outstanding (PAR1, in basis
// points; −1 when there is nothing outstanding) and the guarantees it still has held.
func GroupSignals(r store.Reader, loans []*statepb.Loan, now int64) (groups, parBps, guarantees int64) {
	seen := map[uint64]bool{}
	today := core.BusinessDayOf(r, now).Day
	var overdue, out, held money.Accumulator
	for _, l := range loans {
		if l.GroupId == 0 {
			continue
		}
		held.Add(guaranteeLeft(r, l))
		if seen[l.GroupId] {
			continue
		}
		seen[l.GroupId] = true
		for _, gl := range GroupLoans(r, l.GroupId) {
			if isOpen(gl) {
				var grace uint32
				if p, ok := GetProduct(r, gl.ProductId); ok {
					grace = p.Terms.ArrearsGraceDays
				}
				overdue.Add(OverduePrincipal(gl, today, grace))
				out.Add(Outstanding(gl))
			}
		}
	}
	parBps = -1
	if total := saturated(out.Total()); total > 0 {
		parBps = saturated(money.MulDiv(saturated(overdue.Total()), maxBps, total, money.RoundingDown))
	}
	return int64(len(seen)), parBps, saturated(held.Total())
}
