package lending

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
)

// History is a borrower's repayment history across every lender, summed from its loans (a
// loan carries its own on-time and late counts, worst days past due and prepayments), so a
// collection writes no borrower-wide record.
func History(r store.Reader, borrower string) *statepb.BorrowerHistory {
	return HistoryOf(LoansOf(r, borrower))
}

// HistoryOf sums the history of loans already read (all of one borrower's).
func HistoryOf(loans []*statepb.Loan) *statepb.BorrowerHistory {
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
		}
		if l.Defaulted {
			h.LoansDefaulted++
		}
		h.InstallmentsOnTime += l.InstallmentsOnTime
		h.InstallmentsLate += l.InstallmentsLate
		h.MaxDpd = max(h.MaxDpd, l.MaxDpd)
		h.Prepayments += l.Prepayments
	}
	return h
}

// Exposure is the exposure registry's answer for a borrower: its outstanding principal in
// asset across every lender (active and defaulted loans).
func Exposure(r store.Reader, borrower, asset string) int64 {
	return ExposureOf(LoansOf(r, borrower), asset)
}

// ExposureOf sums the outstanding principal in asset of loans already read.
func ExposureOf(loans []*statepb.Loan, asset string) int64 {
	var sum int64
	for _, l := range loans {
		if l.Asset == asset && isOpen(l) {
			sum += Outstanding(l)
		}
	}
	return sum
}
