package schedule

import (
	"fmt"
	"time"

	"github.com/cockroachdb/apd/v3"
)

// params is a validated request with defaults applied and amounts in minor units; the
// engine works only on params so it never sees an unchecked value.
type params struct {
	principal   int64        // minor units
	rate        *apd.Decimal // annual percent, 0 ≤ rate ≤ MaxAnnualRatePercent
	periods     int
	every       int
	frequency   string
	flat        bool // interest_method flat
	annuity     bool // amortization equal_installments
	progressive bool // amortization progressive (declining balance, daily interest)
	daily       bool // interest_period daily
	daysYear    string
	month30     bool // days_in_month "30"
	mode        apd.Rounder
	scale       int
	multiple    int64 // minor units; 0 = none
	grace       int
	start       time.Time
	due         []time.Time // the due dates when the caller fixes them (ComputeRowsOn); nil otherwise
}

// normalize validates req field by field, in a fixed order so the reported field is
// deterministic, and applies defaults.
func normalize(req Request) (params, error) {
	var p params
	steps := []func(*params, Request) error{
		parseScale, parsePrincipal, parseRate, parseTerm, parseMethods,
		parseDayCounts, parseRounding, parseMultiple, parseGrace, parseStart,
	}
	for _, step := range steps {
		if err := step(&p, req); err != nil {
			return params{}, err
		}
	}
	return p, nil
}

func parseScale(p *params, req Request) error {
	p.scale = 2
	if req.Scale != nil {
		p.scale = *req.Scale
	}
	if p.scale < 0 || p.scale > MaxScale {
		return fieldErr("scale", fmt.Sprintf("must be between 0 and %d", MaxScale))
	}
	return nil
}

func parsePrincipal(p *params, req Request) error {
	d, err := parseDecimal("principal", req.Principal)
	if err != nil {
		return err
	}
	if d.Sign() <= 0 {
		return fieldErr("principal", "must be > 0")
	}
	if decimalPlaces(d) > p.scale {
		return fieldErr("principal", fmt.Sprintf("has more decimals than scale %d", p.scale))
	}
	if p.principal, err = toMinor(d, p.scale); err != nil {
		return fieldErr("principal", fmt.Sprintf("too large: must fit int64 minor units at scale %d", p.scale))
	}
	return nil
}

func parseRate(p *params, req Request) error {
	d, err := parseDecimal("annual_rate_percent", req.AnnualRatePercent)
	if err != nil {
		return err
	}
	switch {
	case d.Sign() < 0:
		return fieldErr("annual_rate_percent", "must be >= 0")
	case d.Cmp(dec(MaxAnnualRatePercent)) > 0:
		return fieldErr("annual_rate_percent", fmt.Sprintf("must be <= %d (sanity bound)", MaxAnnualRatePercent))
	case decimalPlaces(d) > MaxRateDecimals:
		return fieldErr("annual_rate_percent", fmt.Sprintf("at most %d decimal places", MaxRateDecimals))
	}
	p.rate = d
	return nil
}

func parseTerm(p *params, req Request) error {
	if req.Periods < 1 || req.Periods > MaxPeriods {
		return fieldErr("periods", fmt.Sprintf("must be between 1 and %d", MaxPeriods))
	}
	p.periods = req.Periods
	p.every = 1
	if req.Every != nil {
		p.every = *req.Every
	}
	if p.every < 1 || p.every > MaxEvery {
		return fieldErr("every", fmt.Sprintf("must be between 1 and %d", MaxEvery))
	}
	f, err := oneOf("frequency", req.Frequency, FrequencyMonths, FrequencyDays, FrequencyWeeks, FrequencyMonths)
	p.frequency = f
	return err
}

func parseMethods(p *params, req Request) error {
	m, err := oneOf("interest_method", req.InterestMethod, MethodDecliningBalance, MethodDecliningBalance, MethodFlat)
	if err != nil {
		return err
	}
	a, err := oneOf("amortization", req.Amortization, AmortizationEqualInstallments,
		AmortizationEqualInstallments, AmortizationEqualPrincipal, AmortizationProgressive)
	if err != nil {
		return err
	}
	ip, err := oneOf("interest_period", req.InterestPeriod, InterestPeriodSameAsRepayment,
		InterestPeriodSameAsRepayment, InterestPeriodDaily)
	if err != nil {
		return err
	}
	p.flat, p.annuity, p.daily = m == MethodFlat, a == AmortizationEqualInstallments, ip == InterestPeriodDaily
	p.progressive = a == AmortizationProgressive
	return checkProgressive(p)
}

// checkProgressive refuses the combinations in which "progressive" would mean nothing
// or something else: its instalment is solved over the declining balance's per-period
// interest, and the day counts of that interest are what make it progressive.
func checkProgressive(p *params) error {
	switch {
	case !p.progressive:
		return nil
	case p.flat:
		return fieldErr("amortization", "progressive applies only to interest_method declining_balance")
	case !p.daily:
		return fieldErr("interest_period", "progressive amortization needs interest_period daily (its rate factors are day counts)")
	}
	return nil
}

// equalInstallments is true when the instalment is one solved amount (annuity or
// progressive) rather than an equal slice of principal.
func (p *params) equalInstallments() bool { return !p.flat && (p.annuity || p.progressive) }

func parseDayCounts(p *params, req Request) error {
	y, err := oneOf("days_in_year", req.DaysInYear, DaysInYear365, DaysInYear360, DaysInYear365, DaysInYearActual)
	if err != nil {
		return err
	}
	m, err := oneOf("days_in_month", req.DaysInMonth, DaysInMonthActual, DaysInMonth30, DaysInMonthActual)
	p.daysYear, p.month30 = y, m == DaysInMonth30
	return err
}

// roundingModes maps the request's names to apd's rounders; a slice, not a map, so nothing
// order-dependent can creep in.
var roundingModes = []struct {
	name string
	mode apd.Rounder
}{
	{RoundingHalfEven, apd.RoundHalfEven}, {RoundingHalfUp, apd.RoundHalfUp},
	{RoundingDown, apd.RoundDown}, {RoundingUp, apd.RoundUp},
	{RoundingCeiling, apd.RoundCeiling}, {RoundingFloor, apd.RoundFloor},
}

func parseRounding(p *params, req Request) error {
	name := req.Rounding
	if name == "" {
		name = RoundingHalfEven
	}
	for _, r := range roundingModes {
		if r.name == name {
			p.mode = r.mode
			return nil
		}
	}
	return fieldErr("rounding", fmt.Sprintf("unknown value %q (want half_even, half_up, down, up, ceiling or floor)", name))
}

// parseMultiple only accepts a multiple where DOMAIN.md defines one (the annuity on a
// declining balance); silently ignoring it elsewhere would mislead the caller.
func parseMultiple(p *params, req Request) error {
	const field = "installment_multiple"
	if req.InstallmentMultiple == "" {
		return nil
	}
	d, err := parseDecimal(field, req.InstallmentMultiple)
	if err != nil {
		return err
	}
	switch {
	case d.Sign() <= 0:
		return fieldErr(field, "must be > 0")
	case decimalPlaces(d) > p.scale:
		return fieldErr(field, fmt.Sprintf("has more decimals than scale %d", p.scale))
	case !p.equalInstallments():
		return fieldErr(field, "only applies to declining_balance equal_installments or progressive")
	}
	if p.multiple, err = toMinor(d, p.scale); err != nil {
		return fieldErr(field, "too large: must fit int64 minor units")
	}
	return nil
}

func parseGrace(p *params, req Request) error {
	if req.PrincipalGracePeriods < 0 || req.PrincipalGracePeriods >= p.periods {
		return fieldErr("principal_grace_periods", "must be >= 0 and < periods")
	}
	p.grace = req.PrincipalGracePeriods
	return nil
}

// parseStart also bounds the horizon: due dates past year 9999 would not round-trip
// through YYYY-MM-DD.
func parseStart(p *params, req Request) error {
	if req.StartDate == "" {
		return fieldErr("start_date", "required (YYYY-MM-DD)")
	}
	t, ok := parseDate(req.StartDate)
	if !ok {
		return fieldErr("start_date", "must be a calendar date YYYY-MM-DD")
	}
	p.start = t
	if dueDate(p, p.periods).Year() > 9999 {
		return fieldErr("periods", "schedule would end after 9999-12-31")
	}
	return nil
}

// oneOf returns v (or def when v is empty) if it is one of allowed.
func oneOf(field, v, def string, allowed ...string) (string, error) {
	if v == "" {
		v = def
	}
	for _, a := range allowed {
		if v == a {
			return v, nil
		}
	}
	return "", fieldErr(field, fmt.Sprintf("unknown value %q (want one of %v)", v, allowed))
}
