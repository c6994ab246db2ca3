package scf

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/puhui-chain/puhui/money"
)

// QuoteRequest is the offline discount quote's request: amounts and rates as decimal
// strings, the face's decimals fixing the scale of the answer.
type QuoteRequest struct {
	Face              string `json:"face"`
	AnnualRatePercent string `json:"annual_rate_percent"`
	StartDate         string `json:"start_date"`
	MaturityDate      string `json:"maturity_date"`
	DayCountBasis     uint32 `json:"day_count_basis"`
}

// QuoteAnswer is the quote: actual days, interest and proceeds at the face's scale.
type QuoteAnswer struct {
	Days     int64  `json:"days"`
	Interest string `json:"interest"`
	Proceeds string `json:"proceeds"`
}

// MaxQuoteRequestBytes bounds a quote request.
const MaxQuoteRequestBytes = 4 << 10

// Quote prices a discount the way accepting a financing offer does, reading no state: the
// request is parsed strictly (known keys only).
func Quote(request []byte) (QuoteAnswer, error) {
	if len(request) > MaxQuoteRequestBytes {
		return QuoteAnswer{}, ErrBadRate.Wrapf("request of %d bytes: at most %d", len(request), MaxQuoteRequestBytes)
	}
	var req QuoteRequest
	dec := json.NewDecoder(bytes.NewReader(request))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return QuoteAnswer{}, ErrBadRate.Wrapf("request: %v", err)
	}
	if dec.More() {
		return QuoteAnswer{}, ErrBadRate.Wrapf("request: one JSON object only")
	}
	_, frac, _ := strings.Cut(strings.TrimSpace(req.Face), ".")
	scale := uint32(len(frac))
	face, err := money.ParseAmount(req.Face, scale)
	if err != nil || face <= 0 {
		return QuoteAnswer{}, ErrBadRate.Wrapf("face %q: a positive decimal amount", req.Face)
	}
	d, err := quoteTerms(req, face)
	if err != nil {
		return QuoteAnswer{}, err
	}
	return QuoteAnswer{Days: d.Days, Interest: money.FormatMinor(d.Interest, scale),
		Proceeds: money.FormatMinor(d.Proceeds, scale)}, nil
}

func quoteTerms(req QuoteRequest, face int64) (Discount, error) {
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
