package schedule

import "fmt"

// checkInvariants re-derives what must hold of any schedule from its rows alone, so a bug in
// one amortisation method cannot hide behind the code that produced the rows: Σ principal =
// P exactly, components and balances never negative, each balance = previous − principal,
// final balance 0, total = principal + interest, due dates strictly increasing, totals and
// strings (when the schedule has them) consistent with the minor units.
func checkInvariants(principal int64, s *Schedule) error {
	if len(s.Installments) == 0 {
		return broken("no instalments")
	}
	prev := principal
	var sumP, sumI int64
	for k := range s.Installments {
		in := &s.Installments[k]
		if err := checkRow(k, prev, in, s); err != nil {
			return err
		}
		var errP, errI error
		sumP, errP = addInt(sumP, in.PrincipalMinor)
		sumI, errI = addInt(sumI, in.InterestMinor)
		if errP != nil || errI != nil {
			return broken("row %d: totals overflow", in.N)
		}
		prev = in.BalanceMinor
	}
	return checkTotals(principal, sumP, sumI, prev, s)
}

func checkRow(k int, prevBalance int64, in *Installment, s *Schedule) error {
	switch {
	case in.N != k+1:
		return broken("row %d numbered %d", k+1, in.N)
	case in.PrincipalMinor < 0 || in.InterestMinor < 0:
		return broken("row %d: negative component", in.N)
	case in.BalanceMinor < 0:
		return broken("row %d: negative balance %d", in.N, in.BalanceMinor)
	case prevBalance-in.PrincipalMinor != in.BalanceMinor: // both ≥ 0: no wrap
		return broken("row %d: balance %d != %d - %d", in.N, in.BalanceMinor, prevBalance, in.PrincipalMinor)
	case in.TotalMinor-in.PrincipalMinor != in.InterestMinor: // total ≥ principal ≥ 0: no wrap
		return broken("row %d: total %d != principal %d + interest %d", in.N, in.TotalMinor, in.PrincipalMinor, in.InterestMinor)
	case k > 0 && !in.DueAt.After(s.Installments[k-1].DueAt):
		return broken("row %d: due date not after the previous one", in.N)
	case in.DueDate != formatDate(in.DueAt):
		return broken("row %d: due date string %q", in.N, in.DueDate)
	}
	if !s.display {
		return nil
	}
	return checkStrings(in.N, s.Scale, []string{in.Principal, in.Interest, in.Total, in.Balance},
		[]int64{in.PrincipalMinor, in.InterestMinor, in.TotalMinor, in.BalanceMinor})
}

func checkTotals(principal, sumP, sumI, finalBalance int64, s *Schedule) error {
	switch {
	case sumP != principal:
		return broken("Σ principal %d != principal %d", sumP, principal)
	case finalBalance != 0:
		return broken("final balance %d != 0", finalBalance)
	case s.TotalPrincipalMinor != sumP || s.TotalInterestMinor != sumI:
		return broken("totals %d/%d != Σ rows %d/%d", s.TotalPrincipalMinor, s.TotalInterestMinor, sumP, sumI)
	}
	if !s.display {
		return nil
	}
	return checkStrings(0, s.Scale, []string{s.TotalPrincipal, s.TotalInterest},
		[]int64{s.TotalPrincipalMinor, s.TotalInterestMinor})
}

// checkStrings makes sure the JSON amounts say exactly what the minor units say.
func checkStrings(n, scale int, got []string, minor []int64) error {
	for i := range got {
		if want := formatMinor(minor[i], scale); got[i] != want {
			return broken("row %d: amount %q != %q", n, got[i], want)
		}
	}
	return nil
}

func broken(format string, args ...any) error {
	return fmt.Errorf("%w: invariant: %s", ErrInternal, fmt.Sprintf(format, args...))
}
