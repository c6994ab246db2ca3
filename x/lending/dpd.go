package lending

import "github.com/puhui-chain/puhui/tx/statepb"

// dpdMonths is how many business months of worst days past due a loan keeps.
const dpdMonths = 12

// recordMonthlyDPD keeps the worst days past due of each business month, newest first. A
// loan never overdue records nothing, so a loan paid on time stays as small as it was.
func recordMonthlyDPD(l *statepb.Loan, month int64) {
	if l.Dpd == 0 {
		return
	}
	switch shift := month - l.DpdMonth; {
	case len(l.DpdByMonth) == 0 || shift >= dpdMonths:
		l.DpdByMonth = []uint32{0}
	case shift > 0:
		l.DpdByMonth = append(make([]uint32, shift), l.DpdByMonth...)[:min(dpdMonths, int(shift)+len(l.DpdByMonth))]
	case shift < 0:
		return // block times never go back; a stale month has nothing to add
	}
	l.DpdMonth = month
	l.DpdByMonth[0] = max(l.DpdByMonth[0], l.Dpd)
}

// maxDPD12M is the loan's worst days past due in the twelve business months up to month.
func maxDPD12M(l *statepb.Loan, month int64) uint32 {
	var worst uint32
	for i, d := range l.DpdByMonth {
		if month-(l.DpdMonth-int64(i)) < dpdMonths {
			worst = max(worst, d)
		}
	}
	return worst
}
