package query

// Trust query paths.
const (
	PathTrusts      = "/trust/list"      // every trust, by id
	PathTrust       = "/trust/get"       // data: decimal trust id
	PathTrustGifts  = "/trust/donations" // data: decimal trust id
	PathTrustOut    = "/trust/releases"  // data: decimal trust id
	PathTrustDonor  = "/trust/donor"     // data: donor address; every donation's trace
	PathTrustReport = "/trust/report"    // data: trust id/from/to (unix seconds)
)

// Tranche is a charity trust's milestone with its evidence and where it stands.
type Tranche struct {
	N           uint32   `json:"n"`
	Amount      int64    `json:"amount,string"`
	Recipient   string   `json:"recipient"`
	Purpose     string   `json:"purpose,omitempty"`
	Status      string   `json:"status" enum:"pending,submitted,approved,rejected,released"`
	Evidence    []string `json:"evidence,omitempty" doc:"SHA-256 hashes of receipts, invoices, delivery notes, hex"`
	Approvals   []string `json:"approvals,omitempty"`
	Submissions uint32   `json:"submissions"`
	Reason      string   `json:"reason,omitempty" doc:"the last rejection's reason"`
	Release     uint64   `json:"release,omitempty" doc:"the release's sequence number once released"`
}

// Trust is a trust: its terms, its books and its duties.
type Trust struct {
	ID            uint64   `json:"id,string"`
	Name          string   `json:"name"`
	Purpose       string   `json:"purpose,omitempty"`
	Kind          string   `json:"kind" enum:"charity,private"`
	Status        string   `json:"status" enum:"active,completed,cancelled"`
	Trustee       string   `json:"trustee"`
	Account       string   `json:"account" doc:"the segregated trust account (no key signs for it)"`
	Settlor       string   `json:"settlor"`
	Beneficiaries []string `json:"beneficiaries"`
	Supervisor    string   `json:"supervisor,omitempty"`
	Approvers     []string `json:"approvers,omitempty"`
	Quorum        uint32   `json:"quorum,omitempty"`
	Asset         string   `json:"asset"`
	FeeBps        uint32   `json:"fee_bps" doc:"trustee fee, basis points a year"`
	Target        int64    `json:"target,string"`
	Ending        string   `json:"ending" enum:"refund,pass_on"`
	Successor     uint64   `json:"successor_trust,omitempty"`
	CreatedAt     int64    `json:"created_at"`
	EndedAt       int64    `json:"ended_at,omitempty"`
	EndReason     string   `json:"end_reason,omitempty"`
	// The books: balance = contributed − released − fees − refunded − passed_on.
	Contributed   int64     `json:"contributed,string"`
	Released      int64     `json:"released,string"`
	Fees          int64     `json:"fees,string"`
	Refunded      int64     `json:"refunded,string"`
	PassedOn      int64     `json:"passed_on,string"`
	Balance       int64     `json:"balance,string"`
	Donations     uint64    `json:"donations"`
	Releases      uint64    `json:"releases"`
	AdminRatioBps int64     `json:"admin_ratio_bps" doc:"fees ÷ (releases + fees) over the trust's life; charity cap 1000"`
	Tranches      []Tranche `json:"tranches,omitempty"`
	// A private trust's monthly distribution.
	DistributionBeneficiary string `json:"distribution_beneficiary,omitempty"`
	DistributionAmount      int64  `json:"distribution_amount,omitempty,string"`
	DistributionCondition   string `json:"distribution_condition,omitempty"`
	NextPaymentAt           int64  `json:"next_payment_at,omitempty"`
	Payments                uint32 `json:"payments"`
	DistributionStopped     bool   `json:"distribution_stopped"`
	// The disclosure duty.
	DisclosureDueAt   int64  `json:"disclosure_due_at,omitempty"`
	DisclosureOverdue bool   `json:"disclosure_overdue"`
	Disclosures       uint64 `json:"disclosures"`
	Refunding         bool   `json:"refunding"`
}

// TrustDonation is one contribution with how much of it is used, refunded and unspent.
type TrustDonation struct {
	TrustID    uint64 `json:"trust_id,string"`
	Seq        uint64 `json:"seq"`
	Donor      string `json:"donor"`
	Asset      string `json:"asset"`
	Amount     int64  `json:"amount,string"`
	At         int64  `json:"at"`
	Attributed int64  `json:"attributed,string" doc:"used by releases and fees, first in, first out"`
	Refunded   int64  `json:"refunded,string"`
	Unspent    int64  `json:"unspent,string"`
}

// TrustPart is one donation's share of an outflow.
type TrustPart struct {
	Donation uint64 `json:"donation"`
	Donor    string `json:"donor"`
	Amount   int64  `json:"amount,string"`
}

// TrustRelease is one outflow of a trust with the donations it used.
type TrustRelease struct {
	TrustID   uint64      `json:"trust_id,string"`
	Seq       uint64      `json:"seq"`
	Kind      string      `json:"kind" enum:"tranche,distribution,fee,refund,pass_on"`
	Recipient string      `json:"recipient"`
	Asset     string      `json:"asset"`
	Amount    int64       `json:"amount,string"`
	Purpose   string      `json:"purpose,omitempty"`
	Tranche   uint32      `json:"tranche,omitempty"`
	Evidence  []string    `json:"evidence,omitempty"`
	At        int64       `json:"at"`
	Parts     []TrustPart `json:"parts"`
}

// TrustUse is where part of a donation went.
type TrustUse struct {
	Release   uint64   `json:"release"`
	Kind      string   `json:"kind"`
	Recipient string   `json:"recipient"`
	Purpose   string   `json:"purpose,omitempty"`
	Tranche   uint32   `json:"tranche,omitempty"`
	Evidence  []string `json:"evidence,omitempty"`
	Amount    int64    `json:"amount,string"`
	At        int64    `json:"at"`
}

// TrustTrace is one donation and where every minor unit of it went.
type TrustTrace struct {
	Donation TrustDonation `json:"donation"`
	Uses     []TrustUse    `json:"uses"`
}

// TrustFlow is an outflow total of one kind to one recipient for one purpose in a period.
type TrustFlow struct {
	Kind      string `json:"kind"`
	Recipient string `json:"recipient"`
	Purpose   string `json:"purpose,omitempty"`
	Amount    int64  `json:"amount,string"`
}

// TrustReport is a trust's report for a period [from, to), computed from the chain.
type TrustReport struct {
	TrustID        uint64      `json:"trust_id,string"`
	Asset          string      `json:"asset"`
	From           int64       `json:"from"`
	To             int64       `json:"to"`
	Opening        int64       `json:"opening,string"`
	Donations      int64       `json:"donations,string"`
	DonationCount  int64       `json:"donation_count"`
	Releases       int64       `json:"releases,string" doc:"to the trust's purpose: tranches and distributions"`
	Fees           int64       `json:"fees,string"`
	Refunds        int64       `json:"refunds,string"`
	PassedOn       int64       `json:"passed_on,string"`
	Closing        int64       `json:"closing,string"`
	Flows          []TrustFlow `json:"flows" doc:"outflows by kind, recipient and purpose"`
	AdminRatioBps  int64       `json:"admin_ratio_bps" doc:"fees ÷ (releases + fees) in the period; charity cap 1000"`
	LastYearIncome int64       `json:"last_year_income,string" doc:"donations in the 365 days before from"`
	SpendingBps    int64       `json:"spending_bps" doc:"releases in the period ÷ last year's income; public-fundraising rule ≥ 7000"`
	MeetsSpending  bool        `json:"meets_spending_rule"`
	ReportHash     string      `json:"report_hash" doc:"SHA-256 of the report's canonical JSON without this field: what a disclosure publishes"`
}

var trustArg = Arg{Name: "id", Kind: ArgID, Doc: "trust id"}

// Trust views.
var (
	ListTrusts = Declare(Def[[]Trust]{Path: PathTrusts, Route: "/v1/trusts", Group: "trust", Name: "list",
		Summary: "Every trust with its books and duties", OperationID: "list-trusts"})
	GetTrust = Declare(Def[Trust]{Path: PathTrust, Route: "/v1/trusts/{id}", Group: "trust", Name: "get",
		Arg: trustArg, Summary: "One trust: terms, tranches, books, disclosure duty", OperationID: "get-trust"})
	ListTrustDonations = Declare(Def[[]TrustDonation]{Path: PathTrustGifts, Route: "/v1/trusts/{id}/donations", Group: "trust",
		Name: "donations", Arg: trustArg, Summary: "A trust's donations, oldest first, with what is unspent", OperationID: "list-trust-donations"})
	ListTrustReleases = Declare(Def[[]TrustRelease]{Path: PathTrustOut, Route: "/v1/trusts/{id}/releases", Group: "trust",
		Name: "releases", Arg: trustArg, Summary: "A trust's outflows with the donations each used", OperationID: "list-trust-releases"})
	TrustDonorTrace = Declare(Def[[]TrustTrace]{Path: PathTrustDonor, Route: "/v1/trusts/donors/{address}/trace", Group: "trust",
		Name: "trace", Arg: Arg{Name: "address", Kind: ArgAddress, Doc: "donor address"},
		Summary: "Where every minor unit of a donor's donations went, and what is unspent", OperationID: "trace-trust-donor"})
	GetTrustReport = Declare(Def[TrustReport]{Path: PathTrustReport, Route: "/v1/trusts/{id}/report", Group: "trust",
		Name: "report", Args: []Arg{trustArg, {Name: "from", Kind: ArgTime, InQuery: true, Doc: "period start, unix seconds"},
			{Name: "to", Kind: ArgTime, InQuery: true, Doc: "period end (exclusive), unix seconds"}},
		Summary: "A trust's report for a period, computed from the chain", OperationID: "get-trust-report"})
)
