package query

// Paths of the issued-asset and distribution views.
const (
	PathAssetRules        = "/assets/rules"          // data: asset code
	PathRuledAssets       = "/assets/ruled"          // data: [after code]
	PathAssetHolders      = "/assets/holders"        // data: code[/after address]
	PathAssetAccount      = "/assets/account"        // data: code/address
	PathDistribution      = "/distributions/get"     // data: distribution id
	PathDistributionPays  = "/distributions/payouts" // data: id[/after address]
	PathDistributionQuote = "/distributions/quote"   // data: a DistributionQuoteRequest as JSON; reads no state
)

// PageSize is how many rows a paged view returns; Next is the argument of the next page.
const PageSize = 100

// MaxDistributionQuoteHolders bounds a quote request.
const MaxDistributionQuoteHolders = 1000

// AssetRules is an asset registered through x/assets: its rules and holder count.
type AssetRules struct {
	Asset            string   `json:"asset"`
	Issuer           string   `json:"issuer"`
	MinKYCLevel      uint32   `json:"min_kyc_level"`
	Jurisdictions    []string `json:"jurisdictions" doc:"ISO 3166-1 alpha-2; empty: any"`
	MaxHolders       uint64   `json:"max_holders" doc:"0: no limit; the issuer is not counted"`
	MaxBalance       int64    `json:"max_balance" doc:"per holder, minor units; 0: no limit"`
	MaxSupply        int64    `json:"max_supply" doc:"minor units; 0: no limit"`
	LockupSeconds    int64    `json:"lockup_seconds" doc:"a minted lot is transferable at mint time + this"`
	TransferMode     string   `json:"transfer_mode" enum:"free,allow_list,pre_approved"`
	Revocable        bool     `json:"revocable"`
	Agents           []string `json:"agents" doc:"the issuer's agents: controls and agent actions"`
	Paused           bool     `json:"paused"`
	Holders          uint64   `json:"holders"`
	RegisteredAt     int64    `json:"registered_at"`
	OpenDistribution uint64   `json:"open_distribution,omitempty" doc:"the distribution reading its holders now"`
}

// RuledAssets is a page of the assets registered with rules, in code order.
type RuledAssets struct {
	Assets []AssetRules `json:"assets"`
	Next   string       `json:"next,omitempty" doc:"the after of the next page; empty: last page"`
}

// AssetHolder is one holder and its holding (available + held), minor units.
type AssetHolder struct {
	Address string `json:"address"`
	Balance int64  `json:"balance"`
}

// AssetHolders is a page of an asset's holders in address order.
type AssetHolders struct {
	Asset   string        `json:"asset"`
	Holders []AssetHolder `json:"holders"`
	Next    string        `json:"next,omitempty" doc:"the after of the next page; empty: last page"`
}

// LockedLot is a minted amount locked up until a time.
type LockedLot struct {
	Amount   int64 `json:"amount"`
	UnlockAt int64 `json:"unlock_at"`
}

// AssetApproval is a pre-approved transfer from the account.
type AssetApproval struct {
	To     string `json:"to"`
	Amount int64  `json:"amount"`
}

// AssetAccount is an account's rule state for one asset.
type AssetAccount struct {
	Asset        string          `json:"asset"`
	Address      string          `json:"address"`
	Balance      int64           `json:"balance" doc:"available + held, minor units"`
	Frozen       bool            `json:"frozen" doc:"whole freeze: nothing in or out"`
	FrozenAmount int64           `json:"frozen_amount" doc:"partial freeze: this much may not leave"`
	Locked       []LockedLot     `json:"locked"`
	AllowListed  bool            `json:"allow_listed"`
	Approvals    []AssetApproval `json:"approvals"`
}

// Distribution is an amount paid to an asset's holders as of a record height.
type Distribution struct {
	ID           uint64 `json:"id,string"`
	Asset        string `json:"asset" doc:"the settlement asset paid"`
	HoldersOf    string `json:"holders_of" doc:"the asset whose holders are paid"`
	Amount       int64  `json:"amount"`
	Issuer       string `json:"issuer"`
	Memo         string `json:"memo,omitempty"`
	RecordHeight int64  `json:"record_height"`
	CreatedAt    int64  `json:"created_at"`
	Base         int64  `json:"base" doc:"Σ holdings at record, the issuer's aside"`
	Phase        string `json:"phase" enum:"holders,left,paying,done"`
	Holders      uint64 `json:"holders"`
	PaidCount    uint64 `json:"paid_count"`
	Paid         int64  `json:"paid"`
	Returned     int64  `json:"returned" doc:"payouts the ledger refused, returned to the issuer"`
	FinishedAt   int64  `json:"finished_at,omitempty"`
}

// DistributionPayout is one holder's share.
type DistributionPayout struct {
	Holder    string `json:"holder"`
	Balance   int64  `json:"balance" doc:"holding at record"`
	Floor     int64  `json:"floor"`
	Remainder int64  `json:"remainder"`
	Amount    int64  `json:"amount"`
	Paid      bool   `json:"paid"`
	Refused   bool   `json:"refused,omitempty"`
	Refusal   string `json:"refusal,omitempty"`
}

// DistributionPayouts is a page of a distribution's payouts in holder order.
type DistributionPayouts struct {
	ID      uint64               `json:"id,string"`
	Payouts []DistributionPayout `json:"payouts"`
	Next    string               `json:"next,omitempty"`
}

// QuoteHolding is one holding of a distribution quote.
type QuoteHolding struct {
	Holder  string `json:"holder" doc:"any distinct label (an address)"`
	Balance int64  `json:"balance" doc:"minor units, > 0"`
}

// DistributionQuoteRequest is a distribution to compute offline.
type DistributionQuoteRequest struct {
	Amount   int64          `json:"amount" doc:"minor units of the settlement asset, > 0"`
	Holdings []QuoteHolding `json:"holdings"`
}

// DistributionQuote is each holder's payout by largest remainder; Σ = amount.
type DistributionQuote struct {
	Amount  int64                `json:"amount"`
	Payouts []DistributionPayout `json:"payouts"`
}

var (
	assetCodeArg = Arg{Name: "code", Kind: ArgCode, Doc: "asset code"}
	distIDArg    = Arg{Name: "id", Kind: ArgID, Doc: "distribution id"}
)

// Issued-asset and distribution views.
var (
	GetAssetRules = Declare(Def[AssetRules]{Path: PathAssetRules, Route: "/v1/assets/{code}/rules", Group: "assets", Name: "rules",
		Arg: assetCodeArg, Summary: "An issued asset's rules and holder count", OperationID: "get-asset-rules"})
	ListRuledAssets = Declare(Def[RuledAssets]{Path: PathRuledAssets, Route: "/v1/ruled-assets", Group: "assets", Name: "ruled",
		Args:    []Arg{After(ArgCode, "page after this asset code (the previous page's next)")},
		Summary: "The assets issued with rules, by code, with their rules and holder counts", OperationID: "list-ruled-assets"})
	ListAssetHolders = Declare(Def[AssetHolders]{Path: PathAssetHolders, Route: "/v1/assets/{code}/holders", Group: "assets", Name: "holders",
		Args:    []Arg{assetCodeArg, After(ArgAddress, "page after this address (the previous page's next)")},
		Summary: "An issued asset's holders, paged by address; next is the after of the next page", OperationID: "list-asset-holders"})
	GetAssetAccount = Declare(Def[AssetAccount]{Path: PathAssetAccount, Route: "/v1/assets/{code}/accounts/{address}", Group: "assets", Name: "account",
		Args:    []Arg{assetCodeArg, {Name: "address", Kind: ArgAddress, Doc: "account address"}},
		Summary: "An account's rule state for an asset: freeze, locked lots, approvals", OperationID: "get-asset-account"})
	GetDistribution = Declare(Def[Distribution]{Path: PathDistribution, Route: "/v1/distributions/{id}", Group: "distributions", Name: "get",
		Arg: distIDArg, Summary: "A distribution and its progress", OperationID: "get-distribution"})
	ListDistributionPayouts = Declare(Def[DistributionPayouts]{Path: PathDistributionPays, Route: "/v1/distributions/{id}/payouts",
		Group: "distributions", Name: "payouts", Args: []Arg{distIDArg, After(ArgAddress, "page after this holder address (the previous page's next)")},
		Summary: "A distribution's payouts, paged by holder; next is the after of the next page", OperationID: "list-distribution-payouts"})
)
