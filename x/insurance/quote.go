package insurance

import (
	"bytes"
	"encoding/json"
	"math/big"
	"reflect"
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
)

// Quote computes a parametric payout from a request, by the rule settlement uses. An invalid
// request is an answer whose Invalid names the field; the error is for a broken invariant.
func Quote(data []byte) (query.QuotePreview, error) {
	req, fe := ParseQuote(data)
	if fe != nil {
		return query.QuotePreview{Invalid: fe}, nil
	}
	q, fe, err := quoteOf(req)
	if fe != nil || err != nil {
		return query.QuotePreview{Invalid: fe}, err
	}
	return query.QuotePreview{Quote: q}, nil
}

// ParseQuote decodes a request strictly: one JSON object, known keys only, no repeats,
// nothing after it.
func ParseQuote(data []byte) (query.QuoteRequest, *query.QuoteFieldError) {
	var req query.QuoteRequest
	if len(data) > query.MaxQuoteRequestBytes {
		return req, &query.QuoteFieldError{Field: "request", Reason: "too large"}
	}
	if fe := checkQuoteKeys(data); fe != nil {
		return req, fe
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		field := "request"
		if te, ok := err.(*json.UnmarshalTypeError); ok && te.Field != "" {
			field = te.Field
		}
		return req, &query.QuoteFieldError{Field: field, Reason: "not valid: " + err.Error()}
	}
	return req, nil
}

var quoteFields = func() []string {
	t := reflect.TypeFor[query.QuoteRequest]()
	out := make([]string, t.NumField())
	for i := range out {
		out[i], _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
	}
	return out
}()

func checkQuoteKeys(data []byte) *query.QuoteFieldError {
	bad := func(f, why string) *query.QuoteFieldError { return &query.QuoteFieldError{Field: f, Reason: why} }
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return bad("request", "must be a JSON object")
	}
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return bad("request", "not valid JSON")
		}
		key, _ := tok.(string)
		switch {
		case !containsString(quoteFields, key):
			return bad(key, "unknown field")
		case seen[key]:
			return bad(key, "repeated field")
		}
		seen[key] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return bad(key, "not valid JSON")
		}
	}
	if _, err := dec.Token(); err != nil {
		return bad("request", "not valid JSON")
	}
	if _, err := dec.Token(); err == nil {
		return bad("request", "data after the object")
	}
	return nil
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// quoteOf validates the request's values and computes the quote.
func quoteOf(req query.QuoteRequest) (*query.InsuranceQuote, *query.QuoteFieldError, error) {
	bad := func(f, why string) (*query.InsuranceQuote, *query.QuoteFieldError, error) {
		return nil, &query.QuoteFieldError{Field: f, Reason: why}, nil
	}
	scale := 2
	if req.Scale != nil {
		scale = *req.Scale
	}
	if scale < 0 || scale > money.MaxScale {
		return bad("scale", "0..18")
	}
	sum, err := money.ParseAmount(req.SumInsured, uint32(scale))
	if err != nil || sum <= 0 {
		return bad("sum_insured", "a positive decimal with at most the scale's places")
	}
	t := Terms{Direction: req.Direction}
	if req.Direction == "" {
		t.Direction = DirectionBelow
	}
	micro := func(s string) (int64, bool) { v, err := money.ParseAmount(s, 6); return v, err == nil && v >= 0 }
	var ok bool
	if t.TriggerMicro, ok = micro(req.Trigger); !ok {
		return bad("trigger", "a non-negative decimal with at most 6 places")
	}
	if t.ExitMicro, ok = micro(req.Exit); !ok {
		return bad("exit", "a non-negative decimal with at most 6 places")
	}
	if t.MaxPayoutPPM, ok = micro(req.MaxPayoutFraction); !ok {
		return bad("max_payout_fraction", "a decimal above 0, at most 1, with at most 6 places")
	}
	if req.Reference != "" {
		if t.ReferenceMicro, ok = micro(req.Reference); !ok || t.ReferenceMicro == 0 {
			return bad("reference", "a positive decimal with at most 6 places")
		}
	}
	num, den, ok := parseRational(req.Index)
	if !ok {
		return bad("index", "a decimal")
	}
	if err := t.Check(); err != nil {
		field := "trigger"
		if t.MaxPayoutPPM <= 0 || t.MaxPayoutPPM > Million {
			field = "max_payout_fraction"
		} else if t.Direction != DirectionBelow && t.Direction != DirectionAbove {
			field = "direction"
		}
		return bad(field, err.(interface{ Error() string }).Error())
	}
	payout, err := t.Payout(sum, num, den)
	if err != nil {
		return bad("sum_insured", err.Error())
	}
	maxPay, err := MaxPayout(sum, t.MaxPayoutPPM)
	if err != nil {
		return bad("sum_insured", err.Error())
	}
	fn, fd := t.Fraction(num, den)
	rn, rd := t.ratio(num, den)
	return &query.InsuranceQuote{Payout: money.FormatMinor(payout, uint32(scale)), MaxPayout: money.FormatMinor(maxPay, uint32(scale)),
		Fraction: sixPlaces(fn, fd), Ratio: sixPlaces(rn, rd), Direction: t.Direction}, nil, nil
}

// ratio is the index divided by the reference, if any.
func (t Terms) ratio(num, den *big.Int) (*big.Int, *big.Int) {
	if t.ReferenceMicro == 0 {
		return num, den
	}
	return new(big.Int).Mul(num, big.NewInt(Million)), new(big.Int).Mul(den, big.NewInt(t.ReferenceMicro))
}

// sixPlaces writes num/den with 6 decimals, half-even.
func sixPlaces(num, den *big.Int) string {
	q, err := money.QuoBig(new(big.Int).Mul(num, big.NewInt(Million)), den, money.RoundingHalfEven)
	if err != nil || !q.IsInt64() {
		return ""
	}
	return money.FormatMinor(q.Int64(), 6)
}

// parseRational reads a decimal ("-1.25", "3") as num/10^places exactly.
func parseRational(s string) (*big.Int, *big.Int, bool) {
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(body, ".")
	if whole == "" || len(body) > 40 || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" ||
		(strings.Contains(body, ".") && frac == "") {
		return nil, nil, false
	}
	num, _ := new(big.Int).SetString(whole+frac, 10)
	if neg {
		num.Neg(num)
	}
	return num, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(frac))), nil), true
}
