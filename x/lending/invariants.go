package lending

import (
	"fmt"
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
)

// CheckInvariants verifies every loan and the lender books: for every disbursed loan,
// principal = principal repaid + outstanding + written off, Σ instalment principal =
// principal, Σ principal paid on instalments = repaid (+ recovered principal after a
// write-off), nothing paid beyond what was asked, a closed loan owes nothing; and each
// lender's book equals the outstanding principal of its open loans. It
// scans all loans and is meant for tests and audits, not for block execution.
func CheckInvariants(r store.Reader) error {
	glp := map[string]int64{}
	risk := map[string]int64{}
	for _, l := range ListLoans(r) {
		risk[l.Lender+"/"+l.Asset] += atRisk30(r, l)
		if err := checkLoan(l); err != nil {
			return fmt.Errorf("loan %d: %w", l.Id, err)
		}
		if isOpen(l) {
			out, err := outstanding(l)
			if err == nil {
				glp[l.Lender+"/"+l.Asset], err = money.Add(glp[l.Lender+"/"+l.Asset], out)
			}
			if err != nil {
				return fmt.Errorf("loan %d: outstanding of lender %s in %s: %w", l.Id, l.Lender, l.Asset, err)
			}
		}
	}
	var bookErr error
	store.IteratePrefix(r, []byte("lend/book/"), func(k, _ []byte) bool {
		key := string(k[len("lend/book/"):])
		lender, asset, _ := strings.Cut(key, "/")
		if got := LenderBook(r, lender, asset).Glp; got != glp[key] {
			bookErr = fmt.Errorf("lender book %s has GLP %d, open loans %d", key, got, glp[key])
			return false
		}
		delete(glp, key)
		return true
	})
	if bookErr != nil {
		return bookErr
	}
	for key, v := range glp {
		if v != 0 {
			return fmt.Errorf("lender book %s missing (%d outstanding)", key, v)
		}
	}
	return checkAtRisk(r, risk)
}

// checkAtRisk compares each lender's kept PAR30 numerator with its loans' parts.
func checkAtRisk(r store.Reader, want map[string]int64) error {
	var err error
	prefix := []byte("lend/risk30/")
	store.IteratePrefix(r, prefix, func(k, _ []byte) bool {
		key := string(k[len(prefix):])
		lender, asset, _ := strings.Cut(key, "/")
		if got := AtRisk30(r, lender, asset); got != want[key] {
			err = fmt.Errorf("lender %s in %s keeps %d more than 30 days past due, its loans %d", lender, asset, got, want[key])
			return false
		}
		delete(want, key)
		return true
	})
	if err != nil {
		return err
	}
	for key, v := range want {
		if v != 0 {
			return fmt.Errorf("lender book %s keeps nothing at risk, its loans %d", key, v)
		}
	}
	return nil
}

func checkLoan(l *statepb.Loan) error {
	if len(l.Installments) == 0 {
		return nil // not disbursed
	}
	var principal, principalPaid money.Accumulator
	for _, in := range l.Installments {
		for _, c := range []component{compPenalty, compFee, compInterest, compPrincipal} {
			due, paid := fields(in, c)
			if *paid < 0 || *paid > *due {
				return fmt.Errorf("instalment %d component %d: paid %d of %d", in.N, c, *paid, *due)
			}
		}
		principal.Add(in.Principal)
		principalPaid.Add(in.PrincipalPaid)
	}
	owes, err := totalOwed(l)
	if err != nil {
		return fmt.Errorf("what the loan owes: %w", err)
	}
	sumP, err := principal.Total()
	if err != nil {
		return fmt.Errorf("instalment principal: %w", err)
	}
	sumPaid, err := principalPaid.Total()
	if err != nil {
		return fmt.Errorf("instalment principal paid: %w", err)
	}
	if sumP != l.Principal {
		return fmt.Errorf("instalment principal sums to %d, loan principal %d", sumP, l.Principal)
	}
	if got := l.PrincipalRepaid + Outstanding(l) + l.WrittenOff; got != l.Principal {
		return fmt.Errorf("repaid %d + outstanding %d + written off %d != principal %d", l.PrincipalRepaid, Outstanding(l), l.WrittenOff, l.Principal)
	}
	if l.Status != statepb.LoanStatus_LOAN_STATUS_WRITTEN_OFF && sumPaid != l.PrincipalRepaid {
		return fmt.Errorf("instalments record %d principal paid, loan %d", sumPaid, l.PrincipalRepaid)
	}
	if l.Status == statepb.LoanStatus_LOAN_STATUS_CLOSED && owes != 0 {
		return fmt.Errorf("closed but owes %d", owes)
	}
	return nil
}
