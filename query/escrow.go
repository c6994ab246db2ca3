package query

// Escrow query paths.
const (
	PathEscrow         = "/escrow/escrow"  // data: decimal escrow id
	PathSwap           = "/escrow/swap"    // data: decimal swap id
	PathHtlc           = "/escrow/htlc"    // data: decimal HTLC id
	PathAccountEscrows = "/escrow/account" // data: address[/after: a page's next, to continue]
	// MaxEscrowsListed is an account listing's page size (escrows, swaps and HTLCs together).
	MaxEscrowsListed = 100
)

// Escrow is a conditional payment.
type Escrow struct {
	ID           uint64 `json:"id,string"`
	Payer        string `json:"payer"`
	Payee        string `json:"payee"`
	Asset        string `json:"asset"`
	Amount       int64  `json:"amount,string"`
	Condition    string `json:"condition" enum:"time,arbiter,condition"`
	ReleaseAt    int64  `json:"release_at,omitempty"`
	Arbiter      string `json:"arbiter,omitempty"`
	Expression   string `json:"expression,omitempty" doc:"the CEL condition"`
	WatchAccount string `json:"watch_account,omitempty"`
	WatchAsset   string `json:"watch_asset,omitempty"`
	RefundAt     int64  `json:"refund_at"`
	Memo         string `json:"memo,omitempty"`
	HoldID       uint64 `json:"hold_id,string"`
	Status       string `json:"status" enum:"open,released,refunded"`
	CreatedAt    int64  `json:"created_at"`
	ClosedAt     int64  `json:"closed_at,omitempty"`
	ClosedBy     string `json:"closed_by,omitempty"`
}

// Swap is a two-leg swap.
type Swap struct {
	ID           uint64 `json:"id,string"`
	Proposer     string `json:"proposer"`
	Counterparty string `json:"counterparty"`
	GiveAsset    string `json:"give_asset"`
	GiveAmount   int64  `json:"give_amount,string"`
	WantAsset    string `json:"want_asset"`
	WantAmount   int64  `json:"want_amount,string"`
	ExpiresAt    int64  `json:"expires_at"`
	HoldID       uint64 `json:"hold_id,string"`
	Status       string `json:"status" enum:"open,accepted,cancelled,expired"`
	CreatedAt    int64  `json:"created_at"`
	ClosedAt     int64  `json:"closed_at,omitempty"`
}

// Htlc is a hash time-locked transfer.
type Htlc struct {
	ID        uint64 `json:"id,string"`
	Sender    string `json:"sender"`
	Receiver  string `json:"receiver"`
	Asset     string `json:"asset"`
	Amount    int64  `json:"amount,string"`
	Hashlock  string `json:"hashlock" doc:"SHA-256, hex"`
	ExpiresAt int64  `json:"expires_at"`
	HoldID    uint64 `json:"hold_id,string"`
	Status    string `json:"status" enum:"locked,claimed,reclaimed"`
	Preimage  string `json:"preimage,omitempty" doc:"hex, recorded at claim"`
	CreatedAt int64  `json:"created_at"`
	ClosedAt  int64  `json:"closed_at,omitempty"`
}

// AccountEscrows lists the escrows, swaps and HTLCs an account is a party to, by kind then id.
type AccountEscrows struct {
	Address string   `json:"address"`
	Escrows []Escrow `json:"escrows"`
	Swaps   []Swap   `json:"swaps"`
	Htlcs   []Htlc   `json:"htlcs"`
	// Next, when set, is the after of the following page: the last record's kind and id.
	Next string `json:"next,omitempty"`
}

// Escrow declarations.
var (
	GetEscrow = Declare(Def[Escrow]{Path: PathEscrow, Route: "/v1/escrows/{id}", Group: "escrow", Name: "escrow", Arg: idArg,
		Summary: "An escrow: terms and status", OperationID: "get-escrow"})
	GetSwap = Declare(Def[Swap]{Path: PathSwap, Route: "/v1/escrows/swaps/{id}", Group: "escrow", Name: "swap", Arg: idArg,
		Summary: "A two-leg swap", OperationID: "get-swap"})
	GetHtlc = Declare(Def[Htlc]{Path: PathHtlc, Route: "/v1/escrows/htlcs/{id}", Group: "escrow", Name: "htlc", Arg: idArg,
		Summary: "A hash time-locked transfer (with its preimage once claimed)", OperationID: "get-htlc"})
	ListAccountEscrows = Declare(Def[AccountEscrows]{Path: PathAccountEscrows, Route: "/v1/escrows/accounts/{address}",
		Group: "escrow", Name: "account", Args: []Arg{addressArg, After(ArgText, "continue after this record (the previous page's next)")},
		Summary: "An account's escrows, swaps and HTLCs, a page at a time", OperationID: "list-account-escrows"})
)
