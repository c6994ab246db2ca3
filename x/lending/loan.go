package lending

import (
	"encoding/binary"
	"math"
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// GetLoan reads a loan.
func GetLoan(r store.Reader, id uint64) (*statepb.Loan, bool) {
	var l statepb.Loan
	return &l, core.GetProto(r, LoanKey(id), &l)
}

// saveLoan writes a loan, moving its lender's PAR30 numerator by what changed (see
// parhistory.go): every write of a loan passes here.
func saveLoan(kv store.KV, l *statepb.Loan) {
	moveAtRisk(kv, storedAtRisk30(kv, l.Id), l)
	core.SetProto(kv, LoanKey(l.Id), l)
}

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
	return core.ListProto[statepb.Loan](r, core.Key("lend", "loan", ""))
}

// Outstanding is the principal not yet repaid (0 once written off). Like every exported
// total here it is for views: it cannot wrap, and stops at the largest int64 on the overflow
// a validated product cannot reach (CheckInvariants reports a loan that does); execution uses
// the checked forms, which fail with amount.overflow.
func Outstanding(l *statepb.Loan) int64 { return saturated(outstanding(l)) }

func outstanding(l *statepb.Loan) (int64, error) {
	if l.Status == statepb.LoanStatus_LOAN_STATUS_WRITTEN_OFF {
		return 0, nil
	}
	var sum money.Accumulator
	for _, in := range l.Installments {
		sum.Add(in.Principal - in.PrincipalPaid)
	}
	return sum.Total()
}

// owed is what an instalment still asks for, all components (each unpaid part is between 0
// and its amount, so only the sum can overflow).
func owed(in *statepb.Installment) (int64, error) {
	return money.Sum(in.Principal-in.PrincipalPaid, in.Interest-in.InterestPaid, in.Fee-in.FeePaid, in.Penalty-in.PenaltyPaid)
}

// unpaid tells whether an instalment still asks for anything.
func unpaid(in *statepb.Installment) bool {
	return in.PrincipalPaid < in.Principal || in.InterestPaid < in.Interest || in.FeePaid < in.Fee || in.PenaltyPaid < in.Penalty
}

// sumOwed is what the instalments still ask for.
func sumOwed(ins []*statepb.Installment) (int64, error) {
	var sum money.Accumulator
	for _, in := range ins {
		v, err := owed(in)
		if err != nil {
			return 0, err
		}
		sum.Add(v)
	}
	return sum.Total()
}

// dueCount is the number of instalments due at block time now (due_at ≤ now); they come
// first because instalments are in due order. An instalment is due from the start of its
// due date; it is overdue (past due) only from the next business day.
func dueCount(l *statepb.Loan, now int64) int {
	n := 0
	for n < len(l.Installments) && l.Installments[n].DueAt <= now {
		n++
	}
	return n
}

// owedNow is everything due and unpaid at block time now.
func owedNow(l *statepb.Loan, now int64) (int64, error) {
	return sumOwed(l.Installments[:dueCount(l, now)])
}

// totalOwed is everything the loan still asks for, due or not.
func totalOwed(l *statepb.Loan) (int64, error) { return sumOwed(l.Installments) }

// OwedNow is everything due and unpaid at block time now (a view; see Outstanding).
func OwedNow(l *statepb.Loan, now int64) int64 { return saturated(owedNow(l, now)) }

// TotalOwed is everything the loan still asks for, due or not (a view; see Outstanding).
func TotalOwed(l *statepb.Loan) int64 { return saturated(totalOwed(l)) }

// OverduePrincipal is the unpaid principal of instalments in arrears on business day today:
// past their due date by more than graceDays (the product's arrears grace days). An
// instalment due today is not overdue; the day after it is (with no grace). DPD, the loan
// view's bucket, PAR and the arrears rate all use this rule. A view; see Outstanding.
func OverduePrincipal(l *statepb.Loan, today int64, graceDays uint32) int64 {
	var sum money.Accumulator
	for _, in := range l.Installments {
		if in.PrincipalPaid < in.Principal && inArrears(in, today, graceDays) {
			sum.Add(in.Principal - in.PrincipalPaid)
		}
	}
	return saturated(sum.Total())
}

// inArrears tells whether an instalment is more than graceDays past its due date on today.
func inArrears(in *statepb.Installment, today int64, graceDays uint32) bool {
	return today-dayOf(in.DueDate) > int64(graceDays)
}

// saturated is a checked total for a view: the value, or the largest int64 on overflow.
func saturated(v int64, err error) int64 {
	if err != nil {
		return math.MaxInt64
	}
	return v
}

// oldestUnpaidDue is the first due instalment with something unpaid, or nil.
func oldestUnpaidDue(l *statepb.Loan, now int64) *statepb.Installment {
	for _, in := range l.Installments[:dueCount(l, now)] {
		if unpaid(in) {
			return in
		}
	}
	return nil
}

func isOpen(l *statepb.Loan) bool { return openStatus(l.Status) }

func openStatus(s statepb.LoanStatus) bool {
	return s == statepb.LoanStatus_LOAN_STATUS_ACTIVE || s == statepb.LoanStatus_LOAN_STATUS_DEFAULTED
}

// StatusName is a status as the API shows it: "active", "written_off" …
func StatusName(s statepb.LoanStatus) string {
	return strings.ToLower(strings.TrimPrefix(s.String(), "LOAN_STATUS_"))
}

// InstallmentStatus is paid, overdue (unpaid after its due date), partly_paid or due, as of
// the business day number today.
func InstallmentStatus(in *statepb.Installment, today int64) string {
	switch {
	case !unpaid(in):
		return "paid"
	case today > dayOf(in.DueDate):
		return "overdue"
	case in.PrincipalPaid+in.InterestPaid+in.FeePaid+in.PenaltyPaid > 0:
		return "partly_paid"
	}
	return "due"
}

// Owed is what an instalment still asks for (a view; see Outstanding).
func Owed(in *statepb.Installment) int64 { return saturated(owed(in)) }
