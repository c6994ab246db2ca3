package schedule

import "time"

const (
	dateLayout    = "2006-01-02"
	secondsPerDay = 86400
)

// parseDate accepts exactly YYYY-MM-DD (round-trip checked) and yields UTC midnight.
// formatDate is t.Format(dateLayout) for years 0–9999 without its layout interpreter (a
// schedule formats a date per row).
func formatDate(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format(dateLayout)
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

func parseDate(s string) (time.Time, bool) {
	t, err := time.Parse(dateLayout, s)
	if err != nil || t.Format(dateLayout) != s {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// dueDate is the i-th due date (i = 0 is the start). It is computed from the start every
// time, never chained from the previous date, so a month-end start does not drift
// (Jan 31 → Feb 29 → Mar 31, not Mar 29).
func dueDate(p *params, i int) time.Time {
	step := i * p.every
	switch p.frequency {
	case FrequencyDays:
		return p.start.AddDate(0, 0, step)
	case FrequencyWeeks:
		return p.start.AddDate(0, 0, 7*step)
	default:
		return addMonths(p.start, step)
	}
}

// addMonths keeps the day of month and clamps it to the target month's last day;
// time.AddDate would instead overflow into the next month (Jan 31 + 1 month = Mar 2).
func addMonths(start time.Time, months int) time.Time {
	y, m, d := start.Date()
	idx := int(m) - 1 + months
	ty, tm := y+idx/12, time.Month(idx%12+1)
	if last := time.Date(ty, tm+1, 0, 0, 0, 0, 0, time.UTC).Day(); d > last {
		d = last
	}
	return time.Date(ty, tm, d, 0, 0, 0, 0, time.UTC)
}

// dueDates returns the start followed by the n due dates: the caller's (ComputeRowsOn) or
// the frequency's.
func dueDates(p *params) []time.Time {
	if p.due != nil {
		return append([]time.Time{p.start}, p.due...)
	}
	out := make([]time.Time, p.periods+1)
	for i := range out {
		out[i] = dueDate(p, i)
	}
	return out
}

// daysBetween counts whole days between two UTC midnights, using integer seconds so no
// float (Duration.Hours) and no Duration overflow is involved.
func daysBetween(from, to time.Time) int64 {
	return (to.Unix() - from.Unix()) / secondsPerDay
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// periodDays is the day count of period i (1-based) for daily interest: 30 per month under
// the 30-day month convention with monthly repayment, otherwise actual days.
func periodDays(p *params, dates []time.Time, i int) int64 {
	if p.month30 && p.frequency == FrequencyMonths {
		return 30 * int64(p.every)
	}
	return daysBetween(dates[i-1], dates[i])
}

// yearDays is the day-count denominator of period i. "actual" uses 366 or 365 by the year in
// which the period starts: a simple, documented rule, not an ISDA actual/actual split.
func yearDays(p *params, dates []time.Time, i int) int64 {
	switch p.daysYear {
	case DaysInYear360:
		return 360
	case DaysInYearActual:
		if isLeap(dates[i-1].Year()) {
			return 366
		}
	}
	return 365
}

// parseDueDates reads the due dates a caller fixes: one per period, YYYY-MM-DD, each after
// the one before and the first after the start.
func parseDueDates(p *params, dates []string) error {
	if len(dates) != p.periods {
		return fieldErr("due_dates", "need one due date per period")
	}
	p.due = make([]time.Time, len(dates))
	prev := p.start
	for i, s := range dates {
		t, ok := parseDate(s)
		if !ok || !t.After(prev) {
			return fieldErr("due_dates", "must be calendar dates YYYY-MM-DD, increasing, after start_date")
		}
		p.due[i], prev = t, t
	}
	return nil
}
