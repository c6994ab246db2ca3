package query

// Offering query paths.
const (
	PathOffering        = "/offering/offering" // data: decimal offering id
	PathOfferingPledges = "/offering/pledges"  // data: offering id[/investor to continue after]
	// PathOfferingQuote prices a pledge from a request (data: the request as JSON, strictly
	// parsed) and reads no state. The answer is an OfferingQuote.
	PathOfferingQuote = "/offering/quote"
	// MaxPledgesListed is a pledges page's size.
	MaxPledgesListed = 100
)

// OfferingTerms are an offering's terms. Units are minor units of the offered asset; price is
// settlement minor units per whole unit; a pledge costs units × price ÷ 10^scale exactly.
type OfferingTerms struct {
	Asset           string `json:"asset"`
	SettlementAsset string `json:"settlement_asset"`
	Price           int64  `json:"price,string" doc:"settlement minor units per whole unit of the asset"`
	SoftCap         int64  `json:"soft_cap,string" doc:"units (minor) needed for success"`
	HardCap         int64  `json:"hard_cap,string" doc:"units (minor) at which the offering settles at once"`
	MinUnits        int64  `json:"min_units,string"`
	MaxUnits        int64  `json:"max_units,string"`
	OpensAt         int64  `json:"opens_at" doc:"block time, Unix seconds"`
	ClosesAt        int64  `json:"closes_at" doc:"block time, Unix seconds"`
	FeeBps          uint32 `json:"fee_bps" doc:"platform fee on the raised cash, set by the issuer at creation"`
	FeeAccount      string `json:"fee_account,omitempty"`
}

// Offering is an offering with its totals.
type Offering struct {
	ID            uint64        `json:"id,string"`
	Issuer        string        `json:"issuer"`
	Terms         OfferingTerms `json:"terms"`
	Status        string        `json:"status" enum:"open,succeeded,failed,cancelled"`
	PledgedUnits  int64         `json:"pledged_units,string" doc:"units of live pledges (open), or pledged at settlement"`
	PledgedCost   int64         `json:"pledged_cost,string" doc:"settlement minor units held for them"`
	Pledges       uint32        `json:"pledges"`
	AllottedUnits int64         `json:"allotted_units,string" doc:"units minted to investors (succeeded)"`
	Raised        int64         `json:"raised,string" doc:"cash captured to the issuer, before the fee"`
	FeePaid       int64         `json:"fee_paid,string"`
	SettledAt     int64         `json:"settled_at,omitempty"`
	CloseReason   string        `json:"close_reason,omitempty" enum:"hard_cap,closing_time,cancelled,"`
	CancelReason  string        `json:"cancel_reason,omitempty" doc:"the issuer's reason, when cancelled"`
}

// Pledge is one investor's pledge.
type Pledge struct {
	Investor    string `json:"investor"`
	Units       int64  `json:"units,string"`
	Cost        int64  `json:"cost,string" doc:"settlement minor units"`
	HoldID      uint64 `json:"hold_id,string"`
	Status      string `json:"status" enum:"pledged,allotted,refunded,excluded,withdrawn"`
	PledgedAt   int64  `json:"pledged_at"`
	Reason      string `json:"reason,omitempty" doc:"why the investor was excluded at settlement"`
	WithdrawnAt int64  `json:"withdrawn_at,omitempty" doc:"block time the investor took the pledge back"`
}

// OfferingPledges is one page of an offering's pledges, in investor-address order.
type OfferingPledges struct {
	OfferingID uint64   `json:"offering_id,string"`
	Pledges    []Pledge `json:"pledges"`
	// Next, when set, is the after of the following page: the last investor listed.
	Next string `json:"next,omitempty"`
}

// OfferingQuoteRequest prices a pledge of units against terms (min and max optional).
type OfferingQuoteRequest struct {
	Units    int64  `json:"units,string" doc:"minor units of the offered asset"`
	Price    int64  `json:"price,string" doc:"settlement minor units per whole unit"`
	Scale    uint32 `json:"scale" doc:"the offered asset's decimals"`
	FeeBps   uint32 `json:"fee_bps,omitempty"`
	MinUnits int64  `json:"min_units,omitempty,string"`
	MaxUnits int64  `json:"max_units,omitempty,string"`
}

// OfferingQuote is what the pledge costs and how it splits between issuer and platform.
type OfferingQuote struct {
	Units    int64 `json:"units,string"`
	Cost     int64 `json:"cost,string" doc:"settlement minor units held at pledge"`
	Fee      int64 `json:"fee,string" doc:"the platform's part at success (rounded down)"`
	ToIssuer int64 `json:"to_issuer,string"`
}

// Offering declarations.
var (
	GetOffering = Declare(Def[Offering]{Path: PathOffering, Route: "/v1/offerings/{id}", Group: "offering",
		Name: "offering", Arg: idArg, Summary: "An offering: terms, status and totals", OperationID: "get-offering"})
	ListOfferingPledges = Declare(Def[OfferingPledges]{Path: PathOfferingPledges, Route: "/v1/offerings/{id}/pledges",
		Group: "offering", Name: "pledges", Args: []Arg{{Name: "id", Kind: ArgID, Doc: "offering id"},
			After(ArgAddress, "continue after this investor (the previous page's next)")},
		Summary: "An offering's pledges, a page at a time", OperationID: "list-offering-pledges"})
)
