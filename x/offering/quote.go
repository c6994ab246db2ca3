package offering

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// Cost is what units (minor units of an asset of scale decimals) cost at price (settlement
// minor units per whole unit): units × price ÷ 10^scale, exactly. A cost that is not a whole
// number of settlement minor units is refused rather than rounded, so that an investor pays
// exactly the price.
func Cost(units, price int64, scale uint32) (int64, error) {
	whole := pow10(scale)
	if rem, err := money.MulMod(units, price, whole); err != nil || rem != 0 {
		return 0, ErrInexactCost.Wrapf("%d units at %d per 10^%d units is not a whole number of minor units", units, price, scale)
	}
	cost, err := money.MulDiv(units, price, whole, money.RoundingDown) // exact: the remainder is 0
	if err != nil {
		return 0, err
	}
	return cost, money.CheckPositive("cost", cost)
}

// Fee is the platform fee on raised cash: raised × fee_bps ÷ 10,000, rounded down (in the
// issuer's favour; the fee account never takes a fraction of a minor unit).
func Fee(raised int64, feeBps uint32) (int64, error) {
	return money.MulDiv(raised, int64(feeBps), 10_000, money.RoundingDown)
}

func pow10(scale uint32) int64 {
	p := int64(1)
	for range scale {
		p *= 10
	}
	return p
}

// Quote is what a pledge of units would cost and what part of that goes to the platform.
type Quote struct {
	Units, Cost, Fee, ToIssuer int64
}

// QuotePledge prices a pledge of units against an offering's terms and the offered asset's
// scale, changing nothing; it refuses what a pledge would refuse for its size.
func QuotePledge(terms interface {
	GetPrice() int64
	GetMinUnits() int64
	GetMaxUnits() int64
	GetFeeBps() uint32
}, scale uint32, units int64) (Quote, error) {
	if units < terms.GetMinUnits() {
		return Quote{}, ErrBelowMinimum.Wrapf("%d units, minimum %d", units, terms.GetMinUnits())
	}
	if units > terms.GetMaxUnits() {
		return Quote{}, ErrAboveMaximum.Wrapf("%d units, maximum %d", units, terms.GetMaxUnits())
	}
	cost, err := Cost(units, terms.GetPrice(), scale)
	if err != nil {
		return Quote{}, err
	}
	fee, err := Fee(cost, terms.GetFeeBps())
	if err != nil {
		return Quote{}, err
	}
	return Quote{Units: units, Cost: cost, Fee: fee, ToIssuer: cost - fee}, nil
}

// MaxQuoteRequestBytes bounds a quote request.
const MaxQuoteRequestBytes = 4 << 10

// QuoteRequest prices a pledge from a request, reading no state (the request carries the
// terms): the rule a pledge uses. The request is parsed strictly (known keys only).
func QuoteRequest(request []byte) (query.OfferingQuote, error) {
	if len(request) > MaxQuoteRequestBytes {
		return query.OfferingQuote{}, ErrBadOffering.Wrapf("request of %d bytes: at most %d", len(request), MaxQuoteRequestBytes)
	}
	var req query.OfferingQuoteRequest
	if err := core.DecodeStrict(request, &req); err != nil {
		return query.OfferingQuote{}, ErrBadOffering.Wrapf("request: %v", err)
	}
	switch {
	case req.Units <= 0 || req.Price <= 0:
		return query.OfferingQuote{}, ErrBadOffering.Wrapf("units %d and price %d must be > 0", req.Units, req.Price)
	case req.Scale > money.MaxScale || req.FeeBps > MaxFeeBps:
		return query.OfferingQuote{}, ErrBadOffering.Wrapf("scale %d (≤ %d), fee_bps %d (≤ %d)", req.Scale, money.MaxScale, req.FeeBps, MaxFeeBps)
	}
	terms := &txpb.MsgCreateOffering{Price: req.Price, MinUnits: req.MinUnits, MaxUnits: req.MaxUnits, FeeBps: req.FeeBps}
	if terms.MaxUnits == 0 {
		terms.MaxUnits = req.Units
	}
	q, err := QuotePledge(terms, req.Scale, req.Units)
	if err != nil {
		return query.OfferingQuote{}, err
	}
	return query.OfferingQuote{Units: q.Units, Cost: q.Cost, Fee: q.Fee, ToIssuer: q.ToIssuer}, nil
}
