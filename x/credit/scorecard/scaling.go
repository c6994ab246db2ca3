package scorecard

import (
	"fmt"
	"sync"

	"github.com/cockroachdb/apd/v3"
)

// precision of the decimal arithmetic: far beyond the two decimals a score shows, so the
// result does not depend on how ln and exp are evaluated.
const precision = 34

var dctx = func() *apd.Context {
	c := apd.BaseContext.WithPrecision(precision)
	c.Rounding = apd.RoundHalfEven
	return c
}()

// Scaling maps odds to points: Score = Offset + Factor · ln(odds good:bad), with
// Factor = PDO / ln 2 and Offset = BaseScore − Factor · ln(BaseOdds) (DOMAIN.md).
type Scaling struct {
	BaseScore int64 // points at BaseOdds, e.g. 600
	BaseOdds  int64 // good:bad, e.g. 50
	PDO       int64 // points to double the odds, e.g. 20
}

// Validate rejects a scaling that cannot map odds to points.
func (s Scaling) Validate() error {
	if s.BaseScore <= 0 || s.BaseOdds <= 0 || s.PDO <= 0 {
		return fmt.Errorf("scaling: base score, base odds and PDO must be positive, got %d, %d, %d", s.BaseScore, s.BaseOdds, s.PDO)
	}
	return nil
}

// factorOffset is Factor and Offset to the working precision. Two logarithms that depend on
// the scaling alone cost more than half of a score, so each scaling's are computed once;
// callers only read them.
func (s Scaling) factorOffset() (factor, offset *apd.Decimal, err error) {
	if c, ok := scalingConstants.Load(s); ok {
		fo := c.([2]*apd.Decimal)
		return fo[0], fo[1], nil
	}
	if factor, offset, err = s.computeFactorOffset(); err == nil {
		scalingConstants.Store(s, [2]*apd.Decimal{factor, offset})
	}
	return factor, offset, err
}

// scalingConstants holds each Scaling's Factor and Offset (few scalings exist: one per
// registered model version at most).
var scalingConstants sync.Map

func (s Scaling) computeFactorOffset() (factor, offset *apd.Decimal, err error) {
	ed := apd.MakeErrDecimal(dctx)
	ln2, lnOdds := new(apd.Decimal), new(apd.Decimal)
	ed.Ln(ln2, apd.New(2, 0))
	ed.Ln(lnOdds, apd.New(s.BaseOdds, 0))
	factor, offset = new(apd.Decimal), new(apd.Decimal)
	ed.Quo(factor, apd.New(s.PDO, 0), ln2)
	ed.Mul(offset, factor, lnOdds)
	ed.Sub(offset, apd.New(s.BaseScore, 0), offset)
	return factor, offset, ed.Err()
}

// FactorOffset returns Factor and Offset rounded to four decimals (for display and tests).
func (s Scaling) FactorOffset() (factor, offset string, err error) {
	f, o, err := s.factorOffset()
	if err != nil {
		return "", "", err
	}
	return round(f, 4), round(o, 4), nil
}

// ScoreForPD is the score of a probability of default p (a decimal string in (0, 1)), with two
// decimals (half-even): Offset + Factor · ln((1 − p) / p).
func (s Scaling) ScoreForPD(p string) (string, error) {
	pd, _, err := apd.NewFromString(p)
	if err != nil || pd.Sign() <= 0 || pd.Cmp(apd.New(1, 0)) >= 0 {
		return "", fmt.Errorf("probability of default %q: must be a decimal in (0, 1)", p)
	}
	factor, offset, err := s.factorOffset()
	if err != nil {
		return "", err
	}
	ed := apd.MakeErrDecimal(dctx)
	odds, lnOdds, score := new(apd.Decimal), new(apd.Decimal), new(apd.Decimal)
	ed.Sub(odds, apd.New(1, 0), pd)
	ed.Quo(odds, odds, pd)
	ed.Ln(lnOdds, odds)
	ed.Mul(score, factor, lnOdds)
	ed.Add(score, score, offset)
	if err := ed.Err(); err != nil {
		return "", err
	}
	return round(score, 2), nil
}

// PDForScore is the probability of default a score implies, with `places` decimals
// (half-even): 1 / (1 + exp((score − Offset) / Factor)).
func (s Scaling) PDForScore(score int64, places int32) (string, error) {
	factor, offset, err := s.factorOffset()
	if err != nil {
		return "", err
	}
	ed := apd.MakeErrDecimal(dctx)
	x, odds, pd := new(apd.Decimal), new(apd.Decimal), new(apd.Decimal)
	ed.Sub(x, apd.New(score, 0), offset)
	ed.Quo(x, x, factor)
	ed.Exp(odds, x)
	ed.Add(odds, odds, apd.New(1, 0))
	ed.Quo(pd, apd.New(1, 0), odds)
	if err := ed.Err(); err != nil {
		return "", err
	}
	return round(pd, places), nil
}

func round(d *apd.Decimal, places int32) string {
	out := new(apd.Decimal)
	if _, err := dctx.Quantize(out, d, -places); err != nil {
		panic(fmt.Sprintf("quantize %s: %v", d, err))
	}
	return out.Text('f')
}
