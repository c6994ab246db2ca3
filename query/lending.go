package query

// Lending query paths.
const (
	PathProduct       = "/lending/product"           // data: decimal product id
	PathProducts      = "/lending/products"          //
	PathLoan          = "/lending/loan"              // data: decimal loan id
	PathBorrowerLoans = "/lending/borrower"          // data: address
	PathPortfolio     = "/lending/portfolio"         // data: lender address
	PathGroup         = "/lending/group"             // data: decimal group id
	PathLenderLoans   = "/lending/lender"            // data: lender address
	PathPortfolioHist = "/lending/portfolio-history" // data: lender address
)

// Product is a registered loan product; Terms is the product in protobuf JSON.
type Product struct {
	ID            uint64         `json:"id,string"`
	Lender        string         `json:"lender"`
	Terms         map[string]any `json:"terms" doc:"the product's terms, protobuf JSON (LoanProduct)"`
	CreatedHeight int64          `json:"created_height"`
}

// Installment is one row of a loan's live schedule. Status is paid, due (falls due today or
// later and is unpaid), partly_paid, or overdue.
type Installment struct {
	N             uint32 `json:"n"`
	DueDate       string `json:"due_date"`
	Status        string `json:"status" enum:"paid,due,partly_paid,overdue"`
	Principal     int64  `json:"principal,string"`
	Interest      int64  `json:"interest,string"`
	Fee           int64  `json:"fee,string"`
	Penalty       int64  `json:"penalty,string"`
	PrincipalPaid int64  `json:"principal_paid,string"`
	InterestPaid  int64  `json:"interest_paid,string"`
	FeePaid       int64  `json:"fee_paid,string"`
	PenaltyPaid   int64  `json:"penalty_paid,string"`
	Owed          int64  `json:"owed,string"`
}

// Loan is a loan with its terms and live schedule. Amounts are minor units of Asset.
type Loan struct {
	ID                 uint64 `json:"id,string"`
	ProductID          uint64 `json:"product_id,string"`
	Borrower           string `json:"borrower"`
	Lender             string `json:"lender"`
	Asset              string `json:"asset"`
	Principal          int64  `json:"principal,string"`
	Periods            uint32 `json:"periods"`
	Status             string `json:"status" enum:"applied,approved,rejected,active,closed,defaulted,written_off,funding,expired"`
	Purpose            string `json:"purpose,omitempty"`
	Decision           string `json:"decision,omitempty"`
	DecisionInputsHash []byte `json:"decision_inputs_hash,omitempty"`
	// The credit assessment made at application: score, scorecard model and version, and
	// reason codes (most points lost first).
	DecisionScore        int64         `json:"decision_score"`
	DecisionModel        string        `json:"decision_model,omitempty"`
	DecisionModelVersion uint32        `json:"decision_model_version,omitempty"`
	DecisionBand         string        `json:"decision_band,omitempty" doc:"the score's band under that model version"`
	DecisionReasons      []string      `json:"decision_reasons,omitempty"`
	AppliedAt            int64         `json:"applied_at"`
	DecidedAt            int64         `json:"decided_at,omitempty"`
	DisbursedAt          int64         `json:"disbursed_at,omitempty"`
	StartDate            string        `json:"start_date,omitempty"`
	ClosedAt             int64         `json:"closed_at,omitempty"`
	Fee                  int64         `json:"fee,string"`
	Collateral           int64         `json:"collateral,string"`
	CollateralCaptured   int64         `json:"collateral_captured,string"`
	Outstanding          int64         `json:"outstanding,string" doc:"principal not yet repaid"`
	Overdue              int64         `json:"overdue,string" doc:"everything due and unpaid"`
	TotalOwed            int64         `json:"total_owed,string"`
	PrincipalRepaid      int64         `json:"principal_repaid,string"`
	InterestPaid         int64         `json:"interest_paid,string"`
	FeesPaid             int64         `json:"fees_paid,string"`
	PenaltiesPaid        int64         `json:"penalties_paid,string"`
	WrittenOff           int64         `json:"written_off,string"`
	Recovered            int64         `json:"recovered,string"`
	DPD                  uint32        `json:"dpd"`
	Bucket               string        `json:"bucket"`
	Installments         []Installment `json:"installments"`
	// Pooled loans: what investors committed and have been paid.
	Funded        int64        `json:"funded,string,omitempty"`
	FundingEndsAt int64        `json:"funding_ends_at,omitempty" doc:"block time (unix seconds) the funding window closes"`
	Investments   []Investment `json:"investments,omitempty"`
	// Group loans: the member's guarantee into the group fund and what the fund paid for it.
	GroupID        uint64 `json:"group_id,string,omitempty"`
	Guarantee      int64  `json:"guarantee,string,omitempty"`
	GuaranteeHeld  int64  `json:"guarantee_held,string,omitempty" doc:"what is still held of the guarantee"`
	CoveredByGroup int64  `json:"covered_by_group,string,omitempty"`
	// A scheduled visit that could not complete (it changed nothing and is retried the next
	// business day).
	Failure      string `json:"failure,omitempty" doc:"coded error of the last failed scheduled visit"`
	FailedHeight int64  `json:"failed_height,omitempty" doc:"block height of that visit"`
}

// Investment is one investor's commitment to a pooled loan.
type Investment struct {
	Investor string `json:"investor"`
	Amount   int64  `json:"amount,string"`
	Received int64  `json:"received,string"`
}

// Group is a joint-liability group with its fund (the guarantees its members still hold).
type Group struct {
	ID      uint64   `json:"id,string"`
	Lender  string   `json:"lender"`
	Name    string   `json:"name"`
	Members []string `json:"members"`
	Asset   string   `json:"asset,omitempty" doc:"the asset of the group's loans and fund"`
	Fund    int64    `json:"fund,string" doc:"guarantees still held, minor units"`
	Loans   []uint64 `json:"loans" doc:"the group's loans holding a guarantee"`
}

// BorrowerLoans is a borrower's loans, total exposure by asset and repayment history.
type BorrowerLoans struct {
	Borrower string            `json:"borrower"`
	Exposure map[string]string `json:"exposure" doc:"outstanding principal across all lenders, minor units by asset"`
	History  map[string]uint32 `json:"history"`
	Loans    []Loan            `json:"loans"`
}

// Portfolio is a lender's portfolio quality, per asset, as DOMAIN.md defines it. Ratios
// are percentages with two decimals.
type Portfolio struct {
	Lender string           `json:"lender"`
	Assets []PortfolioAsset `json:"assets"`
}

// PortfolioAsset is the portfolio in one asset.
type PortfolioAsset struct {
	Asset            string `json:"asset"`
	Loans            int    `json:"loans" doc:"active and defaulted loans"`
	GrossPortfolio   int64  `json:"gross_loan_portfolio,string"`
	OverduePrincipal int64  `json:"overdue_principal,string"`
	PAR1             string `json:"par1"`
	PAR30            string `json:"par30"`
	PAR60            string `json:"par60"`
	PAR90            string `json:"par90"`
	ArrearsRate      string `json:"arrears_rate"`
	WrittenOff       int64  `json:"written_off,string"`
	Recovered        int64  `json:"recovered,string"`
	AverageGLP       int64  `json:"average_glp,string" doc:"time-weighted average gross loan portfolio since the lender's first loan"`
	WriteOffRatio    string `json:"write_off_ratio" doc:"principal written off / average GLP, over the lender's whole history"`
}

// MaxLenderLoans bounds the loans a LenderLoans view lists (the newest); its counts cover
// every loan.
const MaxLenderLoans = 200

// LenderLoans is a lender's loans, newest first (at most MaxLenderLoans), with every loan
// counted by status and open loans by delinquency bucket.
type LenderLoans struct {
	Lender   string         `json:"lender"`
	Total    int            `json:"total" doc:"all the lender's loans; Loans holds the newest of them"`
	ByStatus map[string]int `json:"by_status" doc:"loans by status"`
	ByBucket map[string]int `json:"by_bucket" doc:"active and defaulted loans by delinquency bucket"`
	Loans    []Loan         `json:"loans"`
}

// PortfolioHistory is how a lender's GLP and PAR30 moved: one point per business day (as of
// the day's last block; today's is live), the newest 30 kept on chain, per asset.
type PortfolioHistory struct {
	Lender string         `json:"lender"`
	Assets []AssetHistory `json:"assets"`
}

// AssetHistory is a lender's history in one asset, oldest first.
type AssetHistory struct {
	Asset  string         `json:"asset"`
	Points []HistoryPoint `json:"points"`
}

// HistoryPoint is one business day's GLP and PAR30.
type HistoryPoint struct {
	Date           string `json:"date" doc:"business date, YYYY-MM-DD"`
	GrossPortfolio int64  `json:"gross_loan_portfolio,string"`
	AtRisk30       int64  `json:"at_risk_30,string" doc:"outstanding principal more than 30 days past due"`
	PAR30          string `json:"par30" doc:"at_risk_30 / gross_loan_portfolio, a percentage with two decimals"`
}
