package lending

import (
	"encoding/binary"
	"strings"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// GetLoan reads a loan.
func GetLoan(r store.Reader, id uint64) (*statepb.Loan, bool) {
	var l statepb.Loan
	return &l, core.GetProto(r, LoanKey(id), &l)
}

func saveLoan(kv store.KV, l *statepb.Loan) { core.SetProto(kv, LoanKey(l.Id), l) }

// LoansOf lists a borrower's loans in id order.
func LoansOf(r store.Reader, borrower string) []*statepb.Loan {
	return loansIndexed(r, byBorrowerPrefix(borrower))
}

// LoansBy lists a lender's loans in id order.
func LoansBy(r store.Reader, lender string) []*statepb.Loan {
	return loansIndexed(r, byLenderPrefix(lender))
}

func loansIndexed(r store.Reader, prefix []byte) []*statepb.Loan {
	var out []*statepb.Loan
	store.IteratePrefix(r, prefix, func(k, _ []byte) bool {
		id := binary.BigEndian.Uint64(k[len(prefix):])
		if l, ok := GetLoan(r, id); ok {
			out = append(out, l)
		}
		return true
	})
	return out
}

// ListLoans returns every loan in id order (queries and invariant checks only).
func ListLoans(r store.Reader) []*statepb.Loan {
	var out []*statepb.Loan
	store.IteratePrefix(r, core.Key("lend", "loan", ""), func(_, v []byte) bool {
		var l statepb.Loan
		core.MustUnmarshal(v, &l)
		out = append(out, &l)
		return true
	})
	return out
}

// Outstanding is the principal not yet repaid (0 once written off).
func Outstanding(l *statepb.Loan) int64 {
	if l.Status == statepb.LoanStatus_LOAN_STATUS_WRITTEN_OFF {
		return 0
	}
	var sum int64
	for _, in := range l.Installments {
		sum += in.Principal - in.PrincipalPaid
	}
	return sum
}

// owed is what an instalment still asks for, all components.
func owed(in *statepb.Installment) int64 {
	return in.Principal - in.PrincipalPaid + in.Interest - in.InterestPaid + in.Fee - in.FeePaid + in.Penalty - in.PenaltyPaid
}

// dueCount is the number of instalments due at block time now (due_at ≤ now); they come
// first because instalments are in due order.
func dueCount(l *statepb.Loan, now int64) int {
	n := 0
	for n < len(l.Installments) && l.Installments[n].DueAt <= now {
		n++
	}
	return n
}

// OwedNow is everything due and unpaid at block time now.
func OwedNow(l *statepb.Loan, now int64) int64 {
	var sum int64
	for _, in := range l.Installments[:dueCount(l, now)] {
		sum += owed(in)
	}
	return sum
}

// TotalOwed is everything the loan still asks for, due or not.
func TotalOwed(l *statepb.Loan) int64 {
	var sum int64
	for _, in := range l.Installments {
		sum += owed(in)
	}
	return sum
}

// OverduePrincipal is the principal of instalments past their due date and unpaid.
func OverduePrincipal(l *statepb.Loan, now int64) int64 {
	var sum int64
	for _, in := range l.Installments[:dueCount(l, now)] {
		sum += in.Principal - in.PrincipalPaid
	}
	return sum
}

// oldestUnpaidDue is the first due instalment with something unpaid, or nil.
func oldestUnpaidDue(l *statepb.Loan, now int64) *statepb.Installment {
	for _, in := range l.Installments[:dueCount(l, now)] {
		if owed(in) > 0 {
			return in
		}
	}
	return nil
}

func isOpen(l *statepb.Loan) bool {
	return l.Status == statepb.LoanStatus_LOAN_STATUS_ACTIVE || l.Status == statepb.LoanStatus_LOAN_STATUS_DEFAULTED
}

// StatusName is a status as the API shows it: "active", "written_off" …
func StatusName(s statepb.LoanStatus) string {
	return strings.ToLower(strings.TrimPrefix(s.String(), "LOAN_STATUS_"))
}

// InstallmentStatus is paid, overdue (unpaid after its due date), partly_paid or due, as of
// the business day number today.
func InstallmentStatus(in *statepb.Installment, today int64) string {
	switch {
	case owed(in) == 0:
		return "paid"
	case today > dayOf(in.DueDate):
		return "overdue"
	case in.PrincipalPaid+in.InterestPaid+in.FeePaid+in.PenaltyPaid > 0:
		return "partly_paid"
	}
	return "due"
}

// Owed is what an instalment still asks for.
func Owed(in *statepb.Installment) int64 { return owed(in) }
