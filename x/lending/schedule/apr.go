package schedule

import (
	"fmt"

	"github.com/cockroachdb/apd/v3"
)

// IRR solver settings. The tolerance is on the periodic rate; at most 365 periods a year it
// moves the APR by < 4e-8 percentage points, far below the disclosed two decimals. The
// iteration cap is a backstop for a fixed amount of work; the solver normally stops after a
// handful of Newton steps.
const irrMaxIterations = 300

var irrTolerance = apd.New(1, -12)

// irrContext is work at 34 digits (the design's floor): ample for a 1e-12 tolerance, and
// smaller coefficients make the Horner passes cheaper, which matters because each solver
// iteration runs over up to 1200 flows.
var irrContext = func() apd.Context {
	c := work
	c.Precision = 34
	return c
}()

// aprPercent discloses the nominal annual rate implied by the cash flows: the periodic IRR
// i with P = Σ total_k / (1+i)^k, times periods per year / every, in percent, HALF_EVEN to
// two decimals. Totals are never below P (interest ≥ 0), so i ≥ 0.
func aprPercent(p *params, s *Schedule) (string, error) {
	flows := make([]*apd.Decimal, len(s.Installments))
	for k := range s.Installments {
		flows[k] = dec(s.Installments[k].TotalMinor)
	}
	i, err := solveIRR(dec(p.principal), flows)
	if err != nil {
		return "", err
	}
	ed := apd.MakeErrDecimal(&work)
	apr := new(apd.Decimal)
	ed.Mul(apr, i, dec(100*periodsPerYear(p.frequency)))
	ed.Quo(apr, apr, dec(int64(p.every)))
	ed.Quantize(apr, apr, -2) // work rounds HALF_EVEN
	if err := ed.Err(); err != nil {
		return "", fmt.Errorf("%w: apr: %v", ErrInternal, err)
	}
	if apr.IsZero() {
		apr.Negative = false
	}
	return apr.Text('f'), nil
}

// solveIRR finds i ≥ 0 with npv(i) = 0, npv(i) = Σ flow_k (1+i)^−k − P, which is strictly
// decreasing and convex for i > −1 with non-negative flows. The root is bracketed by
// [0, Σflows/P − 1] (npv(0) ≥ 0, and npv ≤ Σflows/(1+i) − P). It is safeguarded Newton
// (as "rtsafe"): Newton where it behaves, bisection where it would leave the bracket or
// progress slowly. Everything is apd in irrContext with fixed rules, so every node computes
// the same digits.
func solveIRR(principal *apd.Decimal, flows []*apd.Decimal) (*apd.Decimal, error) {
	e := apd.MakeErrDecimal(&irrContext)
	ed := &e
	sum := new(apd.Decimal)
	for _, f := range flows {
		ed.Add(sum, sum, f)
	}
	if sum.Cmp(principal) <= 0 {
		return dec(0), ed.Err()
	}
	lo, hi := dec(0), new(apd.Decimal)
	ed.Quo(hi, sum, principal)
	ed.Sub(hi, hi, dec(1))
	// A single flow (or all flows' weight at the first period) puts the root exactly on hi;
	// take it exactly rather than creep up to it.
	if f, _ := npv(ed, principal, flows, hi); f.Sign() == 0 {
		return hi, ed.Err()
	}
	x, step := dec(0), new(apd.Decimal).Set(hi)
	f, df := npv(ed, principal, flows, x)
	for it := 0; it < irrMaxIterations && ed.Err() == nil && f.Sign() != 0; it++ {
		x, step = nextGuess(ed, x, f, df, lo, hi, step)
		if step.Cmp(irrTolerance) <= 0 {
			break
		}
		f, df = npv(ed, principal, flows, x)
		if f.Sign() > 0 {
			lo.Set(x)
		} else {
			hi.Set(x)
		}
	}
	if err := ed.Err(); err != nil {
		return nil, fmt.Errorf("%w: irr: %v", ErrInternal, err)
	}
	return x, nil
}

// nextGuess proposes the Newton point x − f/df. It takes the bracket midpoint instead when
// the Newton point leaves (lo, hi) or its step is not at most half the previous step (Newton
// far from the root can crawl). It returns the new point and the length of the step taken.
func nextGuess(ed *apd.ErrDecimal, x, f, df, lo, hi, prevStep *apd.Decimal) (*apd.Decimal, *apd.Decimal) {
	next, step, half := new(apd.Decimal), new(apd.Decimal), new(apd.Decimal)
	ed.Quo(half, prevStep, dec(2))
	if df.Sign() != 0 {
		ed.Quo(step, f, df)
		ed.Sub(next, x, step)
		step.Abs(step)
		if next.Cmp(lo) > 0 && next.Cmp(hi) < 0 && step.Cmp(half) <= 0 {
			return next, step
		}
	}
	ed.Add(next, lo, hi)
	ed.Quo(next, next, dec(2))
	ed.Sub(step, hi, lo)
	ed.Quo(step, step, dec(2))
	return next, step
}

// npv returns npv(x) and its derivative by Horner's scheme in v = 1/(1+x):
// S(v) = Σ flow_k v^k, npv = S − P, d npv/dx = −S'(v)·v².
func npv(ed *apd.ErrDecimal, principal *apd.Decimal, flows []*apd.Decimal, x *apd.Decimal) (*apd.Decimal, *apd.Decimal) {
	v := new(apd.Decimal)
	ed.Add(v, x, dec(1))
	ed.Quo(v, dec(1), v)
	s, ds := new(apd.Decimal), new(apd.Decimal)
	for k := len(flows) - 1; k >= 0; k-- {
		ed.Mul(ds, ds, v) // ds accumulates S'(v) of the polynomial built so far
		ed.Add(ds, ds, s)
		ed.Mul(s, s, v)
		ed.Add(s, s, flows[k])
		// A zero keeps its exponent through Mul, so zero flows (paid-off tail rows) would
		// drive it to 10^-70000 and the next Add would build a 70000-digit integer.
		zeroExact(ds)
		zeroExact(s)
	}
	// s is now Σ flow_k v^(k-1) (k from 1); one more multiply by v gives S(v) and its derivative.
	ed.Mul(ds, ds, v)
	ed.Add(ds, ds, s)
	ed.Mul(s, s, v)
	f := new(apd.Decimal)
	ed.Sub(f, s, principal)
	ed.Mul(ds, ds, v)
	ed.Mul(ds, ds, v)
	ds.Neg(ds)
	return f, ds
}

// zeroExact resets a zero to 0E0 (see npv).
func zeroExact(d *apd.Decimal) {
	if d.IsZero() {
		d.SetInt64(0)
	}
}
