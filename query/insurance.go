package query

// Paths of the insurance views.
const (
	PathInsuranceProducts = "/insurance/products" // every product, by id
	PathInsuranceProduct  = "/insurance/product"  // data: product id
	PathPool              = "/insurance/pool"     // data: insurer address/asset
	PathPools             = "/insurance/pools"    // data: insurer address
	PathPolicy            = "/insurance/policy"   // data: policy id
	PathPoliciesOf        = "/insurance/policies" // data: insured address
	PathClaim             = "/insurance/claim"    // data: claim id
	// PathInsuranceQuote computes a parametric payout from a request (data: the request as
	// JSON, strictly parsed). It reads no state. The answer is an InsuranceQuote.
	PathInsuranceQuote = "/insurance/quote"
)

// MaxQuoteRequestBytes bounds a quote request.
const MaxQuoteRequestBytes = 4 << 10

// QuoteRequest is a parametric payout to compute: decimals as strings, never floats.
type QuoteRequest struct {
	SumInsured        string `json:"sum_insured" doc:"decimal in the asset, e.g. 10000.00"`
	Trigger           string `json:"trigger" doc:"index value (or ratio to the reference) where payment starts; at most 6 decimals"`
	Exit              string `json:"exit" doc:"where the maximum is reached; at most 6 decimals"`
	MaxPayoutFraction string `json:"max_payout_fraction" doc:"above 0, at most 1; at most 6 decimals"`
	Index             string `json:"index" doc:"the observed index, a decimal"`
	Reference         string `json:"reference,omitempty" doc:"divides the index (e.g. the historical average yield); at most 6 decimals; empty: none"`
	Direction         string `json:"direction,omitempty" enum:"below,above" doc:"default below"`
	Scale             *int   `json:"scale,omitempty" doc:"decimal places of the asset; default 2"`
}

// InsuranceQuote is a computed payout: amounts with the request's scale of decimals.
type InsuranceQuote struct {
	Payout    string `json:"payout"`
	MaxPayout string `json:"max_payout"`
	Fraction  string `json:"fraction" doc:"payout ÷ sum insured before rounding, shown to 6 decimals half-even"`
	Ratio     string `json:"ratio" doc:"the index, divided by the reference if any, to 6 decimals half-even"`
	Direction string `json:"direction"`
}

// QuoteFieldError names the request field that makes a quote request invalid ("request"
// when the body as a whole is unusable).
type QuoteFieldError struct {
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

func (e *QuoteFieldError) Error() string { return e.Field + ": " + e.Reason }

// QuotePreview answers PathInsuranceQuote: exactly one of Quote and Invalid is set.
type QuotePreview struct {
	Quote   *InsuranceQuote  `json:"quote,omitempty"`
	Invalid *QuoteFieldError `json:"invalid,omitempty"`
}

// InsuranceProduct is an insurer's product with, once fixed, its index.
type InsuranceProduct struct {
	ID                uint64 `json:"id,string"`
	Insurer           string `json:"insurer"`
	Name              string `json:"name"`
	Kind              string `json:"kind" enum:"parametric,indemnity"`
	Cover             string `json:"cover"`
	Asset             string `json:"asset"`
	PremiumRatePPM    int64  `json:"premium_rate_ppm" doc:"of the sum insured, parts per million"`
	MaxPayoutPPM      int64  `json:"max_payout_ppm"`
	MinSumInsured     int64  `json:"min_sum_insured,string"`
	MaxSumInsured     int64  `json:"max_sum_insured,string"`
	SaleStart         int64  `json:"sale_start"`
	SaleEnd           int64  `json:"sale_end"`
	RiskStart         int64  `json:"risk_start"`
	RiskEnd           int64  `json:"risk_end"`
	DisputeDays       uint32 `json:"dispute_days"`
	FeedID            string `json:"feed_id,omitempty"`
	Index             string `json:"index,omitempty" enum:"last,sum,average,min,max"`
	Reference         string `json:"reference,omitempty" doc:"decimal"`
	Direction         string `json:"direction,omitempty"`
	Trigger           string `json:"trigger,omitempty" doc:"decimal"`
	Exit              string `json:"exit,omitempty" doc:"decimal"`
	DecisionDays      uint32 `json:"decision_days,omitempty"`
	Assessor          string `json:"assessor,omitempty"`
	Policies          uint64 `json:"policies"`
	IndexFixed        bool   `json:"index_fixed"`
	IndexValue        string `json:"index_value,omitempty" doc:"the fixed index in the feed's unit, 6 decimals half-even"`
	IndexRounds       uint64 `json:"index_rounds,omitempty"`
	IndexClosingRound uint64 `json:"index_closing_round,omitempty"`
}

// Pool is an insurer's capacity in one asset.
type Pool struct {
	Insurer     string `json:"insurer"`
	Asset       string `json:"asset"`
	HoldID      uint64 `json:"hold_id,string"`
	Balance     int64  `json:"balance,string" doc:"funded + premiums − payouts − withdrawals"`
	Funded      int64  `json:"funded,string"`
	Premiums    int64  `json:"premiums,string"`
	Payouts     int64  `json:"payouts,string"`
	Withdrawals int64  `json:"withdrawals,string"`
	Exposure    int64  `json:"exposure,string" doc:"Σ maximum payouts of active policies"`
	Free        int64  `json:"free,string" doc:"balance − exposure: what new policies and withdrawals may use"`
}

// Policy is one policy.
type Policy struct {
	ID              uint64 `json:"id,string"`
	ProductID       uint64 `json:"product_id,string"`
	Insurer         string `json:"insurer"`
	Insured         string `json:"insured"`
	Buyer           string `json:"buyer"`
	Asset           string `json:"asset"`
	SumInsured      int64  `json:"sum_insured,string"`
	Premium         int64  `json:"premium,string"`
	MaxPayout       int64  `json:"max_payout,string"`
	LoanID          uint64 `json:"loan_id,omitempty,string"`
	Status          string `json:"status" enum:"active,paid,closed,disputed"`
	BoughtAt        int64  `json:"bought_at"`
	RiskEnd         int64  `json:"risk_end"`
	SettledAt       int64  `json:"settled_at,omitempty"`
	Paid            int64  `json:"paid,string"`
	PaidToLoan      int64  `json:"paid_to_loan,string"`
	Claimed         int64  `json:"claimed,string"`
	DisputeDeadline int64  `json:"dispute_deadline,omitempty"`
	DisputeReason   string `json:"dispute_reason,omitempty"`
}

// Claim is a claim under an indemnity policy.
type Claim struct {
	ID           uint64 `json:"id,string"`
	PolicyID     uint64 `json:"policy_id,string"`
	Asset        string `json:"asset"`
	Amount       int64  `json:"amount,string"`
	EvidenceHash string `json:"evidence_hash" doc:"sha256, hex"`
	Status       string `json:"status" enum:"pending,approved,rejected,escalated"`
	FiledAt      int64  `json:"filed_at"`
	DecideBy     int64  `json:"decide_by"`
	DecidedAt    int64  `json:"decided_at,omitempty"`
	DecidedBy    string `json:"decided_by,omitempty"`
	Approved     int64  `json:"approved,string"`
	Reason       string `json:"reason,omitempty"`
}

// Insurance views.
var (
	ListInsuranceProducts = Declare(Def[[]InsuranceProduct]{Path: PathInsuranceProducts, Route: "/v1/insurance/products",
		Group: "insurance", Name: "products", Summary: "Insurance products", OperationID: "list-insurance-products"})
	GetInsuranceProduct = Declare(Def[InsuranceProduct]{Path: PathInsuranceProduct, Route: "/v1/insurance/products/{id}",
		Group: "insurance", Name: "product", Arg: idArg, Summary: "One insurance product with its index once fixed",
		OperationID: "get-insurance-product"})
	ListPools = Declare(Def[[]Pool]{Path: PathPools, Route: "/v1/insurance/insurers/{address}/pools", Group: "insurance",
		Name: "pools", Arg: addressArg, Summary: "An insurer's capacity pools", OperationID: "list-insurance-pools"})
	GetPool = Declare(Def[Pool]{Path: PathPool, Group: "insurance", Name: "pool",
		Args:    []Arg{{Name: "insurer", Kind: ArgAddress, Doc: "insurer address"}, {Name: "asset", Kind: ArgCode, Doc: "asset code"}},
		Summary: "One capacity pool"})
	GetPolicy = Declare(Def[Policy]{Path: PathPolicy, Route: "/v1/insurance/policies/{id}", Group: "insurance", Name: "policy",
		Arg: idArg, Summary: "One policy", OperationID: "get-insurance-policy"})
	ListPoliciesOf = Declare(Def[[]Policy]{Path: PathPoliciesOf, Route: "/v1/insurance/insured/{address}/policies",
		Group: "insurance", Name: "policies", Arg: addressArg, Summary: "An insured's policies", OperationID: "list-insured-policies"})
	GetClaim = Declare(Def[Claim]{Path: PathClaim, Route: "/v1/insurance/claims/{id}", Group: "insurance", Name: "claim",
		Arg: idArg, Summary: "One claim", OperationID: "get-insurance-claim"})
)
