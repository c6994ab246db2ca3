package scf

import (
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/x/core"
)

// MaxQuoteRequestBytes bounds a quote request.
const MaxQuoteRequestBytes = 4 << 10

// Quote prices a discount the way accepting a financing offer does, reading no state: the
// request is parsed strictly (known keys only).
func Quote(request []byte) (query.ScfQuote, error) {
	if len(request) > MaxQuoteRequestBytes {
		return query.ScfQuote{}, ErrBadRate.Wrapf("request of %d bytes: at most %d", len(request), MaxQuoteRequestBytes)
	}
	var req query.ScfQuoteRequest
	if err := core.DecodeStrict(request, &req); err != nil {
		return query.ScfQuote{}, ErrBadRate.Wrapf("request: %v", err)
	}
	_, frac, _ := strings.Cut(strings.TrimSpace(req.Face), ".")
	scale := uint32(len(frac))
	face, err := money.ParseAmount(req.Face, scale)
	if err != nil || face <= 0 {
		return query.ScfQuote{}, ErrBadRate.Wrapf("face %q: a positive decimal amount", req.Face)
	}
	d, err := quoteTerms(req, face)
	if err != nil {
		return query.ScfQuote{}, err
	}
	return query.ScfQuote{Days: d.Days, Interest: money.FormatMinor(d.Interest, scale),
		Proceeds: money.FormatMinor(d.Proceeds, scale)}, nil
}

func quoteTerms(req query.ScfQuoteRequest, face int64) (Discount, error) {
	rate, err := ParseRate(req.AnnualRatePercent)
	if err != nil {
		return Discount{}, err
	}
	basis, err := CheckBasis(req.DayCountBasis)
	if err != nil {
		return Discount{}, err
	}
	start, err := dayOfDate("start_date", req.StartDate)
	if err != nil {
		return Discount{}, err
	}
	maturity, err := dayOfDate("maturity_date", req.MaturityDate)
	if err != nil {
		return Discount{}, err
	}
	return Discounted(face, rate, basis, start, maturity)
}
