package query

// Paths of the credit and private-document views.
const (
	PathScorecards = "/credit/scorecards" // every registered model version
	PathConsents   = "/credit/consents"   // data: borrower address
	PathAccesses   = "/credit/accesses"   // data: borrower address; reports given, oldest first
	// PathCreditReport reads the report of one access: data is a ReportRequest, signed by
	// the borrower or by the access's lender while its consent is live.
	PathCreditReport   = "/credit/report"
	PathEncryptionKey  = "/docs/key"      // data: member address
	PathDocument       = "/docs/document" // data: hex ciphertext hash; the record and its grants
	PathDocumentAccess = "/docs/access"   // data: hex hash "/" member address; "true" or "false"
	PathDocumentsOwned = "/docs/owned"    // data: owner address
)

// ScorecardBin gives points to a fact's values in [Min, Max].
type ScorecardBin struct {
	Min    int64 `json:"min"`
	Max    int64 `json:"max"`
	Points int64 `json:"points"`
}

// ScorecardCharacteristic scores one fact; its reason is given when it costs points.
type ScorecardCharacteristic struct {
	Fact       string         `json:"fact"`
	ReasonCode string         `json:"reason_code"`
	ReasonText string         `json:"reason_text"`
	Bins       []ScorecardBin `json:"bins"`
}

// ScorecardBand names the scores from MinScore up (bands in descending MinScore).
type ScorecardBand struct {
	Name     string `json:"name"`
	MinScore int64  `json:"min_score"`
}

// Scorecard is one registered version of a scorecard model.
type Scorecard struct {
	Name            string                    `json:"name"`
	Version         uint32                    `json:"version"`
	Description     string                    `json:"description,omitempty"`
	BaseScore       int64                     `json:"base_score"`
	BaseOdds        int64                     `json:"base_odds"`
	PDO             int64                     `json:"pdo" doc:"points to double the odds"`
	BasePoints      int64                     `json:"base_points"`
	Characteristics []ScorecardCharacteristic `json:"characteristics"`
	Bands           []ScorecardBand           `json:"bands"`
	RegisteredBy    string                    `json:"registered_by" doc:"member address, or governance"`
	RegisteredAt    int64                     `json:"registered_at" doc:"block time, Unix seconds"`
}

// Consent is a borrower's permission for one lender to obtain its credit report for one
// purpose until ExpiresAt.
type Consent struct {
	Borrower  string `json:"borrower"`
	Lender    string `json:"lender"`
	Purpose   string `json:"purpose"`
	GrantedAt int64  `json:"granted_at"`
	ExpiresAt int64  `json:"expires_at"`
	RevokedAt int64  `json:"revoked_at,omitempty"`
	Status    string `json:"status" enum:"live,expired,revoked" doc:"at the query's block time"`
}

// ScoreReason is why a score lost points, in the borrower's words.
type ScoreReason struct {
	Code       string `json:"code"`
	Text       string `json:"text"`
	PointsLost int64  `json:"points_lost"`
}

// Score is a scorecard's result with its reasons, largest loss first.
type Score struct {
	Score        int64         `json:"score"`
	Band         string        `json:"band"`
	PD           string        `json:"pd" doc:"probability of default, 4 decimals"`
	Reasons      []ScoreReason `json:"reasons"`
	Model        string        `json:"model"`
	ModelVersion uint32        `json:"model_version"`
	InputsHash   string        `json:"inputs_hash" doc:"sha256 of the facts scored, hex"`
}

// CreditHistory is a borrower's repayment record across all lenders.
type CreditHistory struct {
	LoansTaken         uint32 `json:"loans_taken"`
	LoansCompleted     uint32 `json:"loans_completed"`
	LoansDefaulted     uint32 `json:"loans_defaulted"`
	LoansWrittenOff    uint32 `json:"loans_written_off"`
	LoansActive        uint32 `json:"loans_active"`
	InstallmentsOnTime uint32 `json:"installments_on_time"`
	InstallmentsLate   uint32 `json:"installments_late"`
	MaxDPD             uint32 `json:"max_dpd"`
	MaxDPD12M          uint32 `json:"max_dpd_12m" doc:"worst days past due in the last twelve business months"`
	Prepayments        uint32 `json:"prepayments"`
}

// AssetExposure is what a borrower owes in one asset, in minor units.
type AssetExposure struct {
	Asset              string `json:"asset"`
	Outstanding        int64  `json:"outstanding,string"`
	MonthlyDebtService int64  `json:"monthly_debt_service,string"`
	Lenders            int64  `json:"lenders"`
}

// CashFlow summarises a borrower's account flows in one asset, in minor units.
type CashFlow struct {
	Asset               string `json:"asset"`
	InflowMonths12      uint32 `json:"inflow_months_12" doc:"of the last 12 business months, those with an inflow"`
	AvgBalance3M        int64  `json:"avg_balance_3m,string"`
	AvgMonthlyInflow3M  int64  `json:"avg_monthly_inflow_3m,string"`
	DebtServiceRatioBPS int64  `json:"debt_service_ratio_bps" doc:"monthly debt service / average monthly inflow in basis points; -1 without inflow"`
}

// GroupSignals are a borrower's joint-liability group facts.
type GroupSignals struct {
	Groups          uint32 `json:"groups"`
	GroupPARBPS     int64  `json:"group_par_bps"`
	GuaranteesGiven int64  `json:"guarantees_given,string"`
}

// SCFSignals are what supply-chain finance reported about an account in the report's asset,
// amounts in minor units.
type SCFSignals struct {
	Asset            string `json:"asset"`
	ReceivablesHeld  int64  `json:"receivables_held,string" doc:"unpaid face of confirmed receivable certificates held"`
	ReceivedOnTime   uint64 `json:"received_on_time" doc:"parts held at maturity and paid on time"`
	ReceivedLate     uint64 `json:"received_late" doc:"parts held at maturity and paid after it"`
	ReceivedMaxDPD   int64  `json:"received_max_dpd" doc:"worst days past due of a part held at maturity"`
	IssuedOnTime     uint64 `json:"issued_on_time" doc:"own certificates' parts paid on time"`
	IssuedLate       uint64 `json:"issued_late" doc:"own certificates' parts paid after maturity"`
	IssuedDefaulted  uint64 `json:"issued_defaulted" doc:"own certificates' parts that reached the default limit"`
	IssuedPaidOnTime int64  `json:"issued_paid_on_time,string" doc:"face of own parts paid on time"`
	IssuedPaidLate   int64  `json:"issued_paid_late,string" doc:"face of own parts paid late"`
	IssuedOverdue    int64  `json:"issued_overdue,string" doc:"unpaid amount of own parts past maturity now"`
	IssuerMaxDPD     int64  `json:"issuer_max_dpd" doc:"worst days past due of an own part"`
}

// CreditReport is what a lender with a live consent obtains on a borrower.
type CreditReport struct {
	Borrower string          `json:"borrower"`
	AsOf     int64           `json:"as_of" doc:"block time, Unix seconds"`
	KYCLevel uint32          `json:"kyc_level"`
	History  CreditHistory   `json:"history"`
	Exposure []AssetExposure `json:"exposure"`
	CashFlow []CashFlow      `json:"cash_flow"`
	Groups   GroupSignals    `json:"groups"`
	Score    Score           `json:"score"`
	SCF      SCFSignals      `json:"scf" doc:"supply-chain finance: receivable certificates held, and the account's record as their issuer"`
}

// ReportAccess is one entry of a borrower's access log: who obtained a report, when, why,
// with which model, and the sha256 of the report given; never the report, which only the
// borrower and the consented lender read (PathCreditReport, a signed request).
type ReportAccess struct {
	ID           uint64 `json:"id" doc:"per borrower, from 1"`
	Borrower     string `json:"borrower"`
	Lender       string `json:"lender"`
	Purpose      string `json:"purpose"`
	At           int64  `json:"at"`
	Height       int64  `json:"height"`
	Asset        string `json:"asset"`
	Model        string `json:"model"`
	ModelVersion uint32 `json:"model_version"`
	ReportSHA256 string `json:"report_sha256" doc:"sha256 of the report given, hex"`
}

// ReportRequest is a signed read of the report of a borrower's access: the reader's key, the
// time (Unix seconds; the node refuses one more than ReportRequestSkew from its clock) and
// the signature over tx.ReportReadBytes.
type ReportRequest struct {
	Borrower  string `json:"borrower"`
	ID        int64  `json:"id"`
	PubKey    []byte `json:"pub_key"`
	Time      int64  `json:"time"`
	Signature []byte `json:"signature"`
}

// ReportRequestSkew is how far a report request's time may be from the node's clock, so that
// a captured request cannot be replayed later.
const ReportRequestSkew = 5 * 60

// PrivateReport is an access's report as its borrower or consented lender reads it: the
// access record, the report and its bytes, whose sha256 is the record's report_sha256.
type PrivateReport struct {
	Access  ReportAccess `json:"access"`
	Report  CreditReport `json:"report"`
	Content []byte       `json:"content" doc:"the report as protobuf (puhui.state.v1.CreditReport), base64"`
}

// EncryptionKey is a member's published X25519 key for documents shared with it.
type EncryptionKey struct {
	Address      string `json:"address"`
	X25519PubKey []byte `json:"x25519_pub_key"`
	SetAt        int64  `json:"set_at"`
}

// WrappedKey is a document key sealed to one reader's encryption key.
type WrappedKey struct {
	EphemeralPubKey []byte `json:"ephemeral_pub_key"`
	SealedKey       []byte `json:"sealed_key"`
}

// DocumentGrant lets a grantee read a document while live.
type DocumentGrant struct {
	Grantee    string     `json:"grantee"`
	WrappedKey WrappedKey `json:"wrapped_key"`
	GrantedAt  int64      `json:"granted_at"`
	RevokedAt  int64      `json:"revoked_at,omitempty"`
}

// Document is a private document's on-chain record (never its content) with its grants.
type Document struct {
	Hash         string          `json:"hash" doc:"sha256 of the ciphertext, hex: the document's id"`
	Owner        string          `json:"owner"`
	Kind         string          `json:"kind"`
	SourceURL    string          `json:"source_url"`
	Size         int64           `json:"size"`
	RegisteredAt int64           `json:"registered_at"`
	OwnerKey     WrappedKey      `json:"owner_key"`
	Grants       []DocumentGrant `json:"grants,omitempty"`
}
