package schedule

import (
	"errors"
	"math"
	"math/big"
	"time"

	"github.com/cockroachdb/apd/v3"
)

// Compute validates req and returns its repayment schedule. Invalid requests (including
// ones whose amounts would overflow int64 minor units) yield a *FieldError; a broken
// invariant yields an error wrapping ErrInternal. The result depends only on req.
func Compute(req Request) (*Schedule, error) { return computeReq(req, true) }

// ComputeRows is Compute without what is only for display: the disclosed APR, whose rate
// search costs many times the rows themselves, and the amounts as decimal strings (their
// formatting and checking cost as much as the rows). For live loans, where only the rows
// matter: APRPercent, TotalPrincipal, TotalInterest and the rows' Principal, Interest,
// Total and Balance are left empty; the minor units and due dates are set.
func ComputeRows(req Request) (*Schedule, error) { return computeReq(req, false) }

// ComputeRowsOn is ComputeRows on the given due dates (YYYY-MM-DD, one per period,
// increasing, after the start) in place of those the request's frequency gives: the
// instalments of a live loan recomputed after a prepayment keep the loan's own dates, and
// where interest counts days (daily, progressive) those dates decide it.
func ComputeRowsOn(req Request, dueDates []string) (*Schedule, error) {
	p, err := normalizeOn(req, dueDates)
	if err != nil {
		return nil, err
	}
	return computeParams(&p, false)
}

// FirstInstallmentOn is FirstInstallment on the given due dates, as ComputeRowsOn.
func FirstInstallmentOn(req Request, dueDates []string) (Installment, error) {
	p, err := normalizeOn(req, dueDates)
	if err != nil {
		return Installment{}, err
	}
	return firstOf(&p)
}

func normalizeOn(req Request, dueDates []string) (params, error) {
	p, err := normalize(req)
	if err != nil {
		return params{}, err
	}
	if err := parseDueDates(&p, dueDates); err != nil {
		return params{}, err
	}
	return p, nil
}

// FirstInstallment is the first row of the schedule ComputeRows returns (so without strings), without the rows
// after it: for searches over terms (a prepayment that shortens the term tries several).
func FirstInstallment(req Request) (Installment, error) {
	p, err := normalize(req)
	if err != nil {
		return Installment{}, err
	}
	return firstOf(&p)
}

func firstOf(p *params) (Installment, error) {
	s, err := firstRow(p)
	if errors.Is(err, errOverflow) {
		return Installment{}, fieldErr("principal", "too large for this rate and term: amounts exceed int64 minor units")
	}
	if err != nil {
		return Installment{}, err
	}
	return s.Installments[0], nil
}

func firstRow(p *params) (*Schedule, error) {
	a, err := newAmortizer(p, dueDates(p))
	if err != nil {
		return nil, err
	}
	interest, err := a.interest(1, p.principal)
	if err != nil {
		return nil, err
	}
	principal := a.principal(1, p.principal, interest)
	return assemble(p, []Installment{{N: 1, DueAt: a.dates[1], PrincipalMinor: principal, InterestMinor: interest,
		BalanceMinor: p.principal - principal}}, false)
}

// computeReq computes a schedule, for display (strings and APR) or not.
func computeReq(req Request, display bool) (*Schedule, error) {
	p, err := normalize(req)
	if err != nil {
		return nil, err
	}
	return computeParams(&p, display)
}

// computeParams is compute with an amount beyond int64 reported on the principal.
func computeParams(p *params, display bool) (*Schedule, error) {
	s, err := compute(p, display)
	if errors.Is(err, errOverflow) {
		return nil, fieldErr("principal", "too large for this rate and term: amounts exceed int64 minor units")
	}
	return s, err
}

func compute(p *params, display bool) (*Schedule, error) {
	dates := dueDates(p)
	a, err := newAmortizer(p, dates)
	if err != nil {
		return nil, err
	}
	rows, err := a.rows()
	if err != nil {
		return nil, err
	}
	s, err := assemble(p, rows, display)
	if err != nil {
		return nil, err
	}
	if err := checkInvariants(p.principal, s); err != nil {
		return nil, err
	}
	if !display {
		return s, nil
	}
	if s.APRPercent, err = aprPercent(p, s); err != nil {
		return nil, err
	}
	return s, nil
}

// amortizer holds what is fixed for the whole loan; rows() walks the periods.
type amortizer struct {
	p     *params
	dates []time.Time // dates[0] is the start, dates[i] the i-th due date

	rateNum, rateDen *apd.Decimal // periodic rate r = rateNum / rateDen, kept exact

	emi        int64        // annuity or progressive instalment (declining, equal instalments)
	factors    []rateFactor // progressive: period i's rate r_i = factors[i-1], exact
	slice      int64        // principal per amortising period (equal principal, flat)
	flatEach   int64        // flat interest per period (flat, same_as_repayment)
	flatRemain int64        // flat interest not yet scheduled
}

// periodsPerYear of the repayment unit (DOMAIN.md: months 12, weeks 52, days 365).
func periodsPerYear(frequency string) int64 {
	switch frequency {
	case FrequencyDays:
		return 365
	case FrequencyWeeks:
		return 52
	default:
		return 12
	}
}

func newAmortizer(p *params, dates []time.Time) (*amortizer, error) {
	a := &amortizer{p: p, dates: dates}
	var err error
	// r = annual/100/ppy × every, kept as a fraction so per-period interest is one exact
	// division with one rounding.
	if a.rateNum, err = mulExact(p.rate, dec(int64(p.every))); err != nil {
		return nil, err
	}
	a.rateDen = dec(100 * periodsPerYear(p.frequency))
	amortising := int64(p.periods - p.grace)
	switch {
	case p.progressive:
		a.factors = rateFactors(p, dates)
		a.emi, err = a.annuity(amortising)
	case !p.flat && p.annuity:
		a.emi, err = a.annuity(amortising)
	default:
		a.slice, err = roundDiv(dec(p.principal), dec(amortising), p.mode)
	}
	if err != nil {
		return nil, err
	}
	if p.flat && !p.daily {
		err = a.initFlat()
	}
	return a, err
}

// initFlat computes the flat total I = round(P × r × n) and its per-period share round(I/n).
func (a *amortizer) initFlat() error {
	num, err := mulExact(dec(a.p.principal), a.rateNum, dec(int64(a.p.periods)))
	if err != nil {
		return err
	}
	if a.flatRemain, err = roundDiv(num, a.rateDen, a.p.mode); err != nil {
		return err
	}
	a.flatEach, err = roundDiv(dec(a.flatRemain), dec(int64(a.p.periods)), a.p.mode)
	return err
}

// rows produces every instalment's principal, interest and balance, in minor units.
func (a *amortizer) rows() ([]Installment, error) {
	out := make([]Installment, 0, a.p.periods)
	bal := a.p.principal
	for i := 1; i <= a.p.periods; i++ {
		interest, err := a.interest(i, bal)
		if err != nil {
			return nil, err
		}
		principal := a.principal(i, bal, interest)
		bal -= principal // principal ∈ [0, bal]: cannot wrap or go negative
		out = append(out, Installment{
			N: i, DueAt: a.dates[i],
			PrincipalMinor: principal, InterestMinor: interest, BalanceMinor: bal,
		})
	}
	return out, nil
}

// interest of period i on balance bal. Flat interest is charged on the original principal.
func (a *amortizer) interest(i int, bal int64) (int64, error) {
	base := bal
	if a.p.flat {
		base = a.p.principal
	}
	switch {
	case a.p.progressive:
		return a.factors[i-1].interest(base, a.p.mode)
	case a.p.daily:
		// balance × annual/100 × days_i / daysInYear, one exact division.
		days := periodDays(a.p, a.dates, i)
		if days > 0 && base <= math.MaxInt64/days {
			return mulRoundDiv(base*days, a.p.rate, dec(100*yearDays(a.p, a.dates, i)), a.p.mode)
		}
		num, err := mulExact(dec(base), a.p.rate, dec(days))
		if err != nil {
			return 0, err
		}
		return roundDiv(num, dec(100*yearDays(a.p, a.dates, i)), a.p.mode)
	case a.p.flat:
		return a.flatShare(i), nil
	default:
		return mulRoundDiv(base, a.rateNum, a.rateDen, a.p.mode)
	}
}

// flatShare hands out round(I/n) per period and gives the last period the remainder, so
// Σ interest = I exactly. The share is capped by what remains because an upward rounding
// mode could otherwise over-allocate before the last period.
func (a *amortizer) flatShare(i int) int64 {
	share := min(a.flatEach, a.flatRemain)
	if i == a.p.periods {
		share = a.flatRemain
	}
	a.flatRemain -= share
	return share
}

// principal of period i: nothing in grace, the whole balance at the end, otherwise the
// method's amount clamped to [0, balance]. The clamp means an instalment that does not cover
// its interest becomes interest-only (no negative amortisation), and an upward-rounded
// instalment can never take more than is owed.
func (a *amortizer) principal(i int, bal, interest int64) int64 {
	switch {
	case i <= a.p.grace:
		return 0
	case i == a.p.periods:
		return bal
	case a.p.equalInstallments():
		return max(0, min(a.emi-interest, bal)) // emi, interest ≥ 0: no overflow
	default:
		return min(a.slice, bal)
	}
}

// annuity returns EMI = P·r / (1 − (1+r)^−k) rounded with the request's mode to the scale,
// or to a multiple of installment_multiple (one rounding, not two). r = 0 ⇒ EMI = P/k.
// Progressive amortization solves the same equation over each period's own rate.
func (a *amortizer) annuity(k int64) (int64, error) {
	unit := max(a.p.multiple, 1) // in minor units
	var v int64
	var err error
	switch {
	case a.p.rate.IsZero():
		v, err = a.zeroRateUnits(k, unit)
	case a.p.progressive:
		v, err = a.progressiveUnits(unit)
	default:
		v, err = a.annuityUnits(k, unit)
	}
	if err != nil {
		return 0, err
	}
	if v == 0 && a.p.multiple > 0 {
		return 0, fieldErr("installment_multiple", "rounds the instalment to 0; use a smaller multiple")
	}
	return mulInt(v, unit)
}

// zeroRateUnits is round(P / (k × unit)): exact, no intermediate rounding.
func (a *amortizer) zeroRateUnits(k, unit int64) (int64, error) {
	den, err := mulExact(dec(k), dec(unit))
	if err != nil {
		return 0, err
	}
	return roundDiv(dec(a.p.principal), den, a.p.mode)
}

// annuityUnits is the annuity divided by unit and rounded once with the request's mode,
// computed exactly. With r = N/D (integers), P·r / (1 − (1+r)^−k) is the fraction
// P·N·(N+D)^k / (D·((N+D)^k − D^k)): a few integer powers and one division whose remainder
// decides the rounding, so even an exact half rounds as the mode says (a 60-digit decimal
// power could land either side of it), at a fraction of the decimal power's cost.
func (a *amortizer) annuityUnits(k, unit int64) (int64, error) {
	n, d := rateFraction(a.rateNum, a.rateDen)
	sum := new(big.Int).Add(n, d)
	sumK := new(big.Int).Exp(sum, big.NewInt(k), nil)
	dK := new(big.Int).Exp(d, big.NewInt(k), nil)
	num := new(big.Int).Mul(big.NewInt(a.p.principal), n)
	num.Mul(num, sumK)
	den := new(big.Int).Sub(sumK, dK)
	den.Mul(den, d)
	den.Mul(den, big.NewInt(unit))
	return roundQuoBig(num, den, a.p.mode)
}

// rateFraction is rateNum / rateDen as a fraction of integers.
func rateFraction(rateNum, rateDen *apd.Decimal) (n, d *big.Int) {
	n, d = rateNum.Coeff.MathBigInt(), rateDen.Coeff.MathBigInt()
	ten := big.NewInt(10)
	if e := int64(rateNum.Exponent) - int64(rateDen.Exponent); e > 0 {
		n.Mul(n, new(big.Int).Exp(ten, big.NewInt(e), nil))
	} else if e < 0 {
		d.Mul(d, new(big.Int).Exp(ten, big.NewInt(-e), nil))
	}
	return n, d
}

// assemble adds totals and due dates to the rows, and the amounts as strings for display.
func assemble(p *params, rows []Installment, display bool) (*Schedule, error) {
	s := &Schedule{Installments: rows, Scale: p.scale, display: display}
	var err error
	for i := range rows {
		in := &rows[i]
		if in.TotalMinor, err = addInt(in.PrincipalMinor, in.InterestMinor); err != nil {
			return nil, err
		}
		if s.TotalPrincipalMinor, err = addInt(s.TotalPrincipalMinor, in.PrincipalMinor); err != nil {
			return nil, err
		}
		if s.TotalInterestMinor, err = addInt(s.TotalInterestMinor, in.InterestMinor); err != nil {
			return nil, err
		}
		in.DueDate = formatDate(in.DueAt)
		if !display {
			continue
		}
		in.Principal = formatMinor(in.PrincipalMinor, p.scale)
		in.Interest = formatMinor(in.InterestMinor, p.scale)
		in.Total = formatMinor(in.TotalMinor, p.scale)
		in.Balance = formatMinor(in.BalanceMinor, p.scale)
	}
	if !display {
		return s, nil
	}
	s.TotalPrincipal = formatMinor(s.TotalPrincipalMinor, p.scale)
	s.TotalInterest = formatMinor(s.TotalInterestMinor, p.scale)
	return s, nil
}
