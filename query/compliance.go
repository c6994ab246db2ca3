package query

import (
	"crypto/sha256"
	"encoding/hex"
)

// StructuringRule is the example structuring rule clients register: three or more movements
// within 7 days, each between 90% and 100% of a large-value threshold, on either side.
const StructuringRule = `from_near_threshold_7d >= 3 || to_near_threshold_7d >= 3`

// SanctionsHash is a sanctions-list entry for an address: SHA-256(salt || address) in hex.
// The list carries no address in the clear; the salt keeps it from being a lookup table.
func SanctionsHash(salt, addr string) string {
	h := sha256.Sum256([]byte(salt + addr))
	return hex.EncodeToString(h[:])
}

// Compliance and supervision query paths.
const (
	PathComplianceRules     = "/compliance/rules"
	PathAlerts              = "/compliance/alerts"
	PathAlert               = "/compliance/alert"       // data: decimal alert id
	PathCases               = "/compliance/cases"       //
	PathCase                = "/compliance/case"        // data: decimal case id
	PathSuspiciousReports   = "/compliance/str"         //
	PathLargeValueReports   = "/compliance/large-value" // data: "YYYY-MM-DD~YYYY-MM-DD" (either side may be empty)
	PathFreezeOrders        = "/compliance/freezes"     // data: account address
	PathSupervisionLender   = "/supervision/lender"     // data: lender address
	PathBorrowerExposure    = "/supervision/borrower"   // data: borrower address
	PathEarlyWarnings       = "/supervision/warnings"   //
	PathSupervisionCounts   = "/supervision/counts"     //
	PathOverdueCertificates = "/supervision/overdue-certificates"
	PathPoolCoverage        = "/supervision/insurance-pools"
	// PathComplianceCheck answers what screening would do with a proposed movement, changing
	// nothing (data: a ComplianceCheckRequest as JSON, strictly parsed). The answer is a
	// ComplianceCheck.
	PathComplianceCheck = "/compliance/check"
	// PathComplianceParams answers the supervision thresholds in force.
	PathComplianceParams = "/compliance/params"
	// PathRelatedGroups lists the declared related-party groups (data: [after name]).
	PathRelatedGroups = "/compliance/related-groups"
)

// RelatedGroup is a declared group of related borrowers: the related-party limit applies to
// their combined exposure to a lender.
type RelatedGroup struct {
	Name       string   `json:"name"`
	Members    []string `json:"members" doc:"borrower addresses, sorted"`
	DeclaredBy string   `json:"declared_by" doc:"the regulator's address, or governance"`
	DeclaredAt int64    `json:"declared_at" doc:"block time, Unix seconds"`
	Reason     string   `json:"reason"`
}

// RelatedGroups is a page of the related-party groups, by name.
type RelatedGroups struct {
	Groups []RelatedGroup `json:"groups"`
	Next   string         `json:"next,omitempty" doc:"the after of the next page; empty: last page"`
}

// ComplianceParams are the thresholds in force, set by governance.
type ComplianceParams struct {
	CashUnits               int64  `json:"cash_units" doc:"cash deposit or withdrawal threshold, whole CNY"`
	NaturalDomesticUnits    int64  `json:"natural_domestic_units" doc:"a natural person's domestic transfers, whole CNY"`
	NaturalCrossBorderUnits int64  `json:"natural_cross_border_units" doc:"a natural person's cross-border transfers, whole CNY"`
	LegalPersonUnits        int64  `json:"legal_person_units" doc:"a legal person's transfers, whole CNY"`
	SingleLimit             string `json:"single_limit" doc:"one borrower's share of a lender's net assets, percent"`
	RelatedLimit            string `json:"related_limit" doc:"a related-party group's combined share, percent"`
	PAR30Warning            string `json:"par30_warning" doc:"a lender's PAR30 warning level, percent"`
	PoolCoverageWarning     string `json:"pool_coverage_warning" doc:"an insurance pool's coverage warning level, percent"`
}

// ComplianceCheckRequest is a proposed movement of value.
type ComplianceCheckRequest struct {
	Kind   string `json:"kind" enum:"transfer,mint,burn,capture" doc:"mint is a cash-equivalent deposit, burn a withdrawal"`
	From   string `json:"from,omitempty" doc:"sender address; none for a mint"`
	To     string `json:"to,omitempty" doc:"receiver address; none for a burn"`
	Asset  string `json:"asset"`
	Amount string `json:"amount" doc:"in units of the asset, e.g. 500000.00"`
}

// CheckRefusal is why screening would refuse a movement.
type CheckRefusal struct {
	Code   string `json:"code" doc:"the coded error the movement would fail with, e.g. compliance.held_for_review"`
	Rule   string `json:"rule,omitempty" doc:"the hold-for-review rule, when one holds it"`
	Reason string `json:"reason"`
}

// CheckAlert is an alert a movement would raise.
type CheckAlert struct {
	Rule    string `json:"rule"`
	Code    string `json:"code"`
	Outcome string `json:"outcome" enum:"alert,hold"`
}

// CheckLargeValue is a large-value report a movement would file.
type CheckLargeValue struct {
	Account   string `json:"account"`
	Criterion string `json:"criterion" enum:"cash,natural_domestic,natural_cross_border,legal_person"`
	Direction string `json:"direction" enum:"in,out"`
	DayTotal  int64  `json:"day_total,string" doc:"the account's business-day sum under the criterion with this movement, minor units"`
	Threshold int64  `json:"threshold,string" doc:"minor units"`
}

// ComplianceCheck is what screening would do with a proposed movement on the last committed
// state: refuse it (a freeze, the sanctions list, a hold rule), raise alerts, file
// large-value reports, freeze a listed account. Nothing is changed.
type ComplianceCheck struct {
	Allowed         bool              `json:"allowed" doc:"screening lets it move (the ledger's own checks, such as funds, still apply)"`
	Refusal         *CheckRefusal     `json:"refusal,omitempty"`
	Alerts          []CheckAlert      `json:"alerts"`
	LargeValue      []CheckLargeValue `json:"large_value"`
	SanctionsFreeze []string          `json:"sanctions_freeze" doc:"listed accounts a movement would freeze at once"`
}

// MonitoringRule is a registered rule.
type MonitoringRule struct {
	Name         string `json:"name"`
	Expression   string `json:"expression" doc:"CEL over the movement facts"`
	Outcome      string `json:"outcome" enum:"alert,hold"`
	Code         string `json:"code"`
	Description  string `json:"description,omitempty"`
	RegisteredBy string `json:"registered_by"`
	RegisteredAt int64  `json:"registered_at"`
	Reason       string `json:"reason"`
}

// Movement is a movement of value as compliance recorded it.
type Movement struct {
	Kind   string `json:"kind" enum:"transfer,mint,burn,hold,capture,release"`
	From   string `json:"from,omitempty"`
	To     string `json:"to,omitempty"`
	Asset  string `json:"asset"`
	Amount int64  `json:"amount,string"`
	Height int64  `json:"height"`
	Time   int64  `json:"time" doc:"block time, unix seconds"`
}

// Alert is a rule's hit on a movement with the facts the rule read.
type Alert struct {
	ID        uint64            `json:"id,string"`
	Rule      string            `json:"rule"`
	Code      string            `json:"code"`
	Outcome   string            `json:"outcome" enum:"alert,hold,sanctions"`
	Subject   string            `json:"subject"`
	Movement  Movement          `json:"movement"`
	Facts     map[string]string `json:"facts"`
	Status    string            `json:"status" enum:"open,dismissed,in_case"`
	CaseID    uint64            `json:"case_id,string,omitempty"`
	Reason    string            `json:"reason,omitempty"`
	RaisedAt  int64             `json:"raised_at"`
	TriagedAt int64             `json:"triaged_at,omitempty"`
}

// Case is an investigation of alerts.
type Case struct {
	ID          uint64   `json:"id,string"`
	Subject     string   `json:"subject"`
	AlertIDs    []uint64 `json:"alert_ids"`
	Status      string   `json:"status" enum:"investigating,false_positive,confirmed,reported"`
	OpenedBy    string   `json:"opened_by"`
	OpenedAt    int64    `json:"opened_at"`
	Reason      string   `json:"reason"`
	ConfirmedAt int64    `json:"confirmed_at,omitempty"`
	ReportDue   int64    `json:"report_due,omitempty" doc:"block time the suspicious-transaction report is due"`
	Overdue     bool     `json:"overdue"`
	ReportID    uint64   `json:"report_id,string,omitempty"`
	ClosedAt    int64    `json:"closed_at,omitempty"`
}

// FollowUp is a note added to a filed report.
type FollowUp struct {
	Note   string `json:"note"`
	By     string `json:"by"`
	At     int64  `json:"at"`
	Reason string `json:"reason"`
}

// SuspiciousReport is a filed suspicious-transaction report.
type SuspiciousReport struct {
	ID           uint64     `json:"id,string"`
	CaseID       uint64     `json:"case_id,string"`
	Subject      string     `json:"subject"`
	Summary      string     `json:"summary"`
	DocumentHash []byte     `json:"document_hash,omitempty"`
	FiledBy      string     `json:"filed_by"`
	FiledAt      int64      `json:"filed_at"`
	Late         bool       `json:"late"`
	FollowUps    []FollowUp `json:"follow_ups"`
}

// LargeValueReport is one PBOC large-value report.
type LargeValueReport struct {
	ID           uint64   `json:"id,string"`
	Account      string   `json:"account"`
	Asset        string   `json:"asset"`
	Criterion    string   `json:"criterion" enum:"cash,natural_domestic,natural_cross_border,legal_person"`
	Direction    string   `json:"direction" enum:"in,out"`
	BusinessDate string   `json:"business_date"`
	DayTotal     int64    `json:"day_total,string"`
	Threshold    int64    `json:"threshold,string"`
	Movement     Movement `json:"movement"`
}

// FreezeOrder is a freeze by due process, as the account's owner and everyone sees it.
type FreezeOrder struct {
	ID             uint64 `json:"id,string"`
	Account        string `json:"account"`
	Asset          string `json:"asset,omitempty"`
	Amount         int64  `json:"amount,string"`
	WholeAccount   bool   `json:"whole_account"`
	Authority      string `json:"authority"`
	LegalBasis     string `json:"legal_basis"`
	DocumentNumber string `json:"document_number"`
	Start          int64  `json:"start"`
	Expiry         int64  `json:"expiry" doc:"0: until lifted (a sanctions freeze)"`
	IssuedBy       string `json:"issued_by"`
	Reason         string `json:"reason"`
	Status         string `json:"status" enum:"pending,active,lapsed,lifted"`
	EndedAt        int64  `json:"ended_at,omitempty"`
	Debited        int64  `json:"debited,string"`
}

// LargeExposure is a borrower whose exposure with a lender passes the NFRA limit.
type LargeExposure struct {
	Borrower    string   `json:"borrower"`
	Asset       string   `json:"asset"`
	Outstanding int64    `json:"outstanding,string"`
	NetAssets   int64    `json:"net_assets,string"`
	Share       string   `json:"share" doc:"outstanding / net assets, percent with two decimals"`
	Limit       string   `json:"limit" doc:"the limit crossed, percent"`
	Group       string   `json:"group,omitempty" doc:"a related-party group: borrower is the group's name, outstanding its members' combined"`
	Members     []string `json:"members,omitempty" doc:"the group's members with an exposure to the lender"`
}

// LenderSupervision is one lender's figures for the regulator.
type LenderSupervision struct {
	Lender         string            `json:"lender"`
	Portfolio      Portfolio         `json:"portfolio"`
	NetAssets      map[string]string `json:"net_assets" doc:"declared net assets, minor units by asset"`
	LargeExposures []LargeExposure   `json:"large_exposures"`
	Concentration  []LargeExposure   `json:"top_borrowers" doc:"the five largest borrowers by outstanding, per asset"`
}

// LenderExposure is a borrower's exposure with one lender.
type LenderExposure struct {
	Lender      string `json:"lender"`
	Asset       string `json:"asset"`
	Outstanding int64  `json:"outstanding,string"`
	Loans       int    `json:"loans"`
}

// BorrowerExposure is a borrower's exposure across all lenders.
type BorrowerExposure struct {
	Borrower string            `json:"borrower"`
	Total    map[string]string `json:"total" doc:"outstanding across lenders, minor units by asset"`
	Lenders  []LenderExposure  `json:"lenders"`
}

// EarlyWarning is one early-warning signal with the facts behind it.
type EarlyWarning struct {
	Kind    string            `json:"kind" enum:"lender_par30,borrower_exposure_growth,large_exposure,core_enterprise_overdue,insurance_pool_coverage"`
	Subject string            `json:"subject"`
	Facts   map[string]string `json:"facts"`
}

// OverdueIssuer is a core enterprise's receivable certificates unpaid past maturity in one
// asset, amounts in minor units.
type OverdueIssuer struct {
	Issuer       string `json:"issuer"`
	Asset        string `json:"asset"`
	Overdue      int64  `json:"overdue,string" doc:"unpaid face of its overdue certificates"`
	OldestDPD    int64  `json:"oldest_dpd" doc:"days past due of the oldest"`
	Certificates int    `json:"certificates" doc:"overdue certificates (parts)"`
	Defaulted    int    `json:"defaulted" doc:"of which past the consortium's default limit"`
}

// PoolCoverage is an insurance pool against the maximum payouts of its active policies.
type PoolCoverage struct {
	Insurer    string `json:"insurer"`
	Asset      string `json:"asset"`
	Balance    int64  `json:"balance,string" doc:"held in the pool"`
	MaxPayouts int64  `json:"max_payouts,string" doc:"sum of the maximum payouts of its active policies"`
	Policies   int    `json:"policies" doc:"active policies"`
	Coverage   string `json:"coverage" doc:"balance / max payouts, percent with two decimals; empty without active policies"`
	Threshold  string `json:"threshold" doc:"the coverage below which an early warning is raised, percent"`
	Below      bool   `json:"below_threshold"`
}

// SupervisionCounts counts alerts, cases, reports and orders by status.
type SupervisionCounts struct {
	Alerts            map[string]int `json:"alerts"`
	Cases             map[string]int `json:"cases"`
	SuspiciousReports int            `json:"suspicious_reports"`
	OverdueReports    int            `json:"overdue_reports"`
	LargeValueReports int            `json:"large_value_reports"`
	FreezeOrders      map[string]int `json:"freeze_orders"`
}

var dateRangeArg = Arg{Name: "range", Kind: ArgText, Doc: "business dates FROM~TO (YYYY-MM-DD; either side may be empty: ~ is every date)",
	Pattern: "^([0-9]{4}-[0-9]{2}-[0-9]{2})?~([0-9]{4}-[0-9]{2}-[0-9]{2})?$"}

// Compliance and supervision views.
var (
	ListMonitoringRules = Declare(Def[[]MonitoringRule]{Path: PathComplianceRules, Route: "/v1/compliance/rules",
		Group: "compliance", Name: "rules", Summary: "Active monitoring rules", OperationID: "list-monitoring-rules"})
	ListAlerts = Declare(Def[[]Alert]{Path: PathAlerts, Route: "/v1/compliance/alerts", Group: "compliance", Name: "alerts",
		Summary: "Every alert with its facts and status", OperationID: "list-alerts"})
	GetAlert = Declare(Def[Alert]{Path: PathAlert, Route: "/v1/compliance/alerts/{id}", Group: "compliance", Name: "alert",
		Arg: idArg, Summary: "One alert", OperationID: "get-alert"})
	ListCases = Declare(Def[[]Case]{Path: PathCases, Route: "/v1/compliance/cases", Group: "compliance", Name: "cases",
		Summary: "Every case", OperationID: "list-cases"})
	GetCase = Declare(Def[Case]{Path: PathCase, Route: "/v1/compliance/cases/{id}", Group: "compliance", Name: "case",
		Arg: idArg, Summary: "One case", OperationID: "get-case"})
	ListSuspiciousReports = Declare(Def[[]SuspiciousReport]{Path: PathSuspiciousReports, Route: "/v1/compliance/suspicious-reports",
		Group: "compliance", Name: "suspicious-reports", Summary: "Filed suspicious-transaction reports with follow-ups",
		OperationID: "list-suspicious-reports"})
	ListLargeValueReports = Declare(Def[[]LargeValueReport]{Path: PathLargeValueReports, Route: "/v1/compliance/large-value/{range}",
		Group: "compliance", Name: "large-value", Arg: dateRangeArg, OperationID: "list-large-value-reports",
		Summary: "Large-value reports whose business date lies in a range"})
	ListFreezeOrders = Declare(Def[[]FreezeOrder]{Path: PathFreezeOrders, Route: "/v1/compliance/freezes/{address}",
		Group: "compliance", Name: "freezes", Arg: addressArg, OperationID: "list-freeze-orders",
		Summary: "An account's freeze orders: authority, legal basis, amount, start and expiry"})
	GetLenderSupervision = Declare(Def[LenderSupervision]{Path: PathSupervisionLender, Route: "/v1/supervision/lenders/{address}",
		Group: "supervision", Name: "lender", Arg: addressArg, OperationID: "get-lender-supervision",
		Summary: "A lender's portfolio (GLP, PAR, arrears, write-offs), large exposures and concentration"})
	GetBorrowerExposure = Declare(Def[BorrowerExposure]{Path: PathBorrowerExposure, Route: "/v1/supervision/borrowers/{address}",
		Group: "supervision", Name: "borrower", Arg: addressArg, OperationID: "get-borrower-exposure",
		Summary: "A borrower's exposure across all lenders"})
	ListEarlyWarnings = Declare(Def[[]EarlyWarning]{Path: PathEarlyWarnings, Route: "/v1/supervision/warnings",
		Group: "supervision", Name: "warnings", OperationID: "list-early-warnings",
		Summary: "Early warnings with the facts behind each"})
	ListRelatedGroups = Declare(Def[RelatedGroups]{Path: PathRelatedGroups, Route: "/v1/compliance/related-groups",
		Group: "compliance", Name: "related-groups", OperationID: "list-related-groups",
		Args:    []Arg{After(ArgText, "page after this group name (the previous page's next)")},
		Summary: "The declared related-party groups and their members, a page by name"})
	GetComplianceParams = Declare(Def[ComplianceParams]{Path: PathComplianceParams, Route: "/v1/compliance/params",
		Group: "compliance", Name: "params", OperationID: "get-compliance-params",
		Summary: "The large-value thresholds, large-exposure limits and early-warning levels in force"})
	ListOverdueCertificates = Declare(Def[[]OverdueIssuer]{Path: PathOverdueCertificates, Route: "/v1/supervision/overdue-certificates",
		Group: "supervision", Name: "overdue-certificates", OperationID: "list-overdue-certificates",
		Summary: "Receivable certificates unpaid past maturity, by issuer: amount, oldest days past due, count"})
	ListPoolCoverage = Declare(Def[[]PoolCoverage]{Path: PathPoolCoverage, Route: "/v1/supervision/insurance-pools",
		Group: "supervision", Name: "insurance-pools", OperationID: "list-insurance-pool-coverage",
		Summary: "Insurance pools against the maximum payouts of their active policies"})
	GetSupervisionCounts = Declare(Def[SupervisionCounts]{Path: PathSupervisionCounts, Route: "/v1/supervision/counts",
		Group: "supervision", Name: "counts", OperationID: "get-supervision-counts",
		Summary: "Alerts, cases, reports and freeze orders by status"})
)
