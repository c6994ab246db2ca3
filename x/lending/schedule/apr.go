package schedule

import (
	"fmt"

	"github.com/cockroachdb/apd/v3"
)

// IRR solver settings. The tolerance is on the periodic rate; at most 365 periods a year it
// moves the APR by < 4e-8 percentage points, far below the disclosed two decimals. The
// iteration cap is a backstop: the bracket at least halves every two iterations, so ~100
// iterations already resolve any valid bracket to the tolerance.
const irrMaxIterations = 300

var irrTolerance = apd.New(1, -12)

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
// [0, Σflows/P − 1] (npv(0) ≥ 0, and npv ≤ Σflows/(1+i) − P). Newton steps are taken when
// they stay inside the bracket and the bracket keeps halving; otherwise the midpoint.
// Everything is apd at work precision with a fixed rule, so every node gets the same digits.
func solveIRR(principal *apd.Decimal, flows []*apd.Decimal) (*apd.Decimal, error) {
	ed := apd.MakeErrDecimal(&work)
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
	x, prevWidth := dec(0), new(apd.Decimal).Set(hi)
	for it := 0; it < irrMaxIterations && ed.Err() == nil; it++ {
		f, df := npv(ed, principal, flows, x)
		if f.Sign() == 0 {
			return x, ed.Err()
		}
		if f.Sign() > 0 {
			lo.Set(x)
		} else {
			hi.Set(x)
		}
		next, step, halved := newtonStep(ed, x, f, df, lo, hi, prevWidth)
		if halved && step.Cmp(irrTolerance) <= 0 {
			return next, ed.Err()
		}
		ed.Sub(prevWidth, hi, lo)
		if prevWidth.Cmp(irrTolerance) <= 0 {
			break
		}
		x = next
	}
	mid := new(apd.Decimal)
	ed.Add(mid, lo, hi)
	ed.Quo(mid, mid, dec(2))
	if err := ed.Err(); err != nil {
		return nil, fmt.Errorf("%w: irr: %v", ErrInternal, err)
	}
	return mid, nil
}

// newtonStep proposes x − f/df. It falls back to the bracket midpoint when the Newton point
// leaves (lo, hi) or the bracket did not at least halve since the last step (slow Newton
// progress far from the root). It reports the step length and whether Newton was used.
func newtonStep(ed *apd.ErrDecimal, x, f, df, lo, hi, prevWidth *apd.Decimal) (*apd.Decimal, *apd.Decimal, bool) {
	width, half := new(apd.Decimal), new(apd.Decimal)
	ed.Sub(width, hi, lo)
	ed.Quo(half, prevWidth, dec(2))
	next, step := new(apd.Decimal), new(apd.Decimal)
	if df.Sign() != 0 {
		ed.Quo(step, f, df)
		ed.Sub(next, x, step)
		step.Abs(step)
		inside := next.Cmp(lo) > 0 && next.Cmp(hi) < 0
		if inside && width.Cmp(half) <= 0 {
			return next, step, true
		}
	}
	ed.Add(next, lo, hi)
	ed.Quo(next, next, dec(2))
	ed.Sub(step, next, x)
	step.Abs(step)
	return next, step, false
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
