package query

// Supply-chain finance query paths.
const (
	PathScfParams      = "/scf/params"
	PathScfLine        = "/scf/line"        // data: decimal line id
	PathScfEnterprise  = "/scf/enterprise"  // data: enterprise address
	PathScfDocument    = "/scf/document"    // data: decimal document id
	PathScfCertificate = "/scf/certificate" // data: decimal certificate id
	PathScfHolder      = "/scf/holder"      // data: holder address
	PathScfIssued      = "/scf/issued"      // data: issuer address
	PathScfFunder      = "/scf/funder"      // data: funder address
	PathScfGraph       = "/scf/graph"       // data: decimal root certificate id
	// PathScfQuote prices a discount from a request (data: the request as JSON, strictly
	// parsed) and reads no state. The answer is a ScfQuote.
	PathScfQuote = "/scf/quote"
)

// ScfParams are the consortium's certificate rules.
type ScfParams struct {
	MaxTermDays        uint32 `json:"max_term_days"`
	OfferExpirySeconds int64  `json:"offer_expiry_seconds"`
	MinPartMinor       int64  `json:"min_part_minor,string"`
	DefaultAfterDays   uint32 `json:"default_after_days"`
	BusinessDate       string `json:"business_date" doc:"the consortium's business date at the last block: maturities and financing days count from it"`
}

// ScfLine is a credit line with what its certificates use and what is left.
type ScfLine struct {
	ID         uint64 `json:"id,string"`
	Bank       string `json:"bank"`
	Enterprise string `json:"enterprise"`
	Asset      string `json:"asset"`
	Limit      int64  `json:"limit,string"`
	Used       int64  `json:"used,string" doc:"face of the enterprise's pending and unsettled certificates on this line"`
	Available  int64  `json:"available,string"`
	ExpiresAt  int64  `json:"expires_at" doc:"block time (unix seconds) after which nothing is issued"`
	Closed     bool   `json:"closed"`
}

// ScfMaturity is what an enterprise owes on one maturity date.
type ScfMaturity struct {
	Date   string `json:"date"`
	Asset  string `json:"asset"`
	Amount int64  `json:"amount,string" doc:"face not yet paid of live parts maturing that day"`
}

// ScfIssuerRecord is an enterprise's payment record as an issuer, for credit.
type ScfIssuerRecord struct {
	SettledOnTime uint64 `json:"settled_on_time"`
	SettledLate   uint64 `json:"settled_late"`
	Defaulted     uint64 `json:"defaulted"`
	MaxDPD        int64  `json:"max_dpd"`
	PaidLate      int64  `json:"paid_late,string"`
	Overdue       int64  `json:"overdue,string" doc:"face not yet paid of matured parts"`
}

// ScfEnterprise is a core enterprise's lines, outstanding by maturity and payment record.
type ScfEnterprise struct {
	Enterprise  string          `json:"enterprise"`
	Lines       []ScfLine       `json:"lines"`
	Outstanding []ScfMaturity   `json:"outstanding"`
	Record      ScfIssuerRecord `json:"record"`
	// HeldFace is the face of confirmed live certificates the account holds (as a supplier).
	HeldFace int64 `json:"held_face,string"`
}

// ScfDocument is a registered trade document and its one use, if any.
type ScfDocument struct {
	ID            uint64 `json:"id,string"`
	Kind          string `json:"kind" enum:"invoice,contract"`
	Registrant    string `json:"registrant"`
	Seller        string `json:"seller"`
	Buyer         string `json:"buyer"`
	InvoiceCode   string `json:"invoice_code,omitempty"`
	InvoiceNumber string `json:"invoice_number,omitempty"`
	Asset         string `json:"asset"`
	Amount        int64  `json:"amount,string"`
	IssueDate     string `json:"issue_date"`
	ContractHash  []byte `json:"contract_hash,omitempty"`
	ExternalRef   string `json:"external_ref,omitempty"`
	CertificateID uint64 `json:"certificate_id,string,omitempty" doc:"the certificate it backs"`
	FinancedBy    string `json:"financed_by,omitempty"`
	FinancingRef  string `json:"financing_ref,omitempty"`
}

// ScfHolding is one holder in a certificate's history.
type ScfHolding struct {
	Holder string `json:"holder"`
	From   string `json:"from"`
	Date   string `json:"date"`
	How    string `json:"how" enum:"issued,split,transferred,financed"`
}

// ScfFinancing is a certificate's discounting.
type ScfFinancing struct {
	Funder            string `json:"funder"`
	Seller            string `json:"seller"`
	AnnualRatePercent string `json:"annual_rate_percent"`
	DayCountBasis     uint32 `json:"day_count_basis"`
	Date              string `json:"date"`
	Days              int64  `json:"days"`
	Interest          int64  `json:"interest,string"`
	Proceeds          int64  `json:"proceeds,string"`
}

// ScfOffer is a pending offer of a held certificate.
type ScfOffer struct {
	Kind          string `json:"kind" enum:"transfer,finance"`
	To            string `json:"to"`
	ExpiresAt     int64  `json:"expires_at"`
	DayCountBasis uint32 `json:"day_count_basis,omitempty"`
}

// ScfCertificate is one node of a certificate tree: the root or a part.
type ScfCertificate struct {
	ID           uint64        `json:"id,string"`
	RootID       uint64        `json:"root_id,string"`
	ParentID     uint64        `json:"parent_id,string,omitempty"`
	Children     []uint64      `json:"children,omitempty"`
	Issuer       string        `json:"issuer"`
	LineID       uint64        `json:"line_id,string"`
	Asset        string        `json:"asset"`
	Face         int64         `json:"face,string"`
	Paid         int64         `json:"paid,string"`
	MaturityDate string        `json:"maturity_date"`
	State        string        `json:"state" enum:"pending,active,rejected,cancelled,expired,split,settled,overdue,defaulted"`
	Holder       string        `json:"holder,omitempty"`
	Receiver     string        `json:"receiver,omitempty" doc:"a pending issue's tier-1 supplier"`
	Tier         uint32        `json:"tier"`
	DaysPastDue  int64         `json:"days_past_due"`
	SettledDate  string        `json:"settled_date,omitempty"`
	Offer        *ScfOffer     `json:"offer,omitempty"`
	Financing    *ScfFinancing `json:"financing,omitempty"`
	Holders      []ScfHolding  `json:"holders"`
	DocumentIDs  []uint64      `json:"document_ids"`
}

// ScfTree is a certificate with its whole tree: the root, every part, the documents.
type ScfTree struct {
	Certificate ScfCertificate   `json:"certificate"`
	Root        ScfCertificate   `json:"root"`
	Nodes       []ScfCertificate `json:"nodes" doc:"every node of the root's tree, by id"`
	Documents   []ScfDocument    `json:"documents"`
}

// ScfHolder is the certificates an account holds or is offered, and their face by state.
type ScfHolder struct {
	Holder       string           `json:"holder"`
	Certificates []ScfCertificate `json:"certificates"`
	FaceByState  map[string]int64 `json:"face_by_state" doc:"face (minor units) by state"`
}

// ScfIssued is the certificates an enterprise issued (the roots of its trees), and their face
// by state.
type ScfIssued struct {
	Issuer       string           `json:"issuer"`
	Certificates []ScfCertificate `json:"certificates"`
	FaceByState  map[string]int64 `json:"face_by_state" doc:"face (minor units) by state"`
}

// ScfBookEntry is one certificate in a funder's financed book.
type ScfBookEntry struct {
	CertificateID uint64 `json:"certificate_id,string"`
	Asset         string `json:"asset"`
	Face          int64  `json:"face,string"`
	Proceeds      int64  `json:"proceeds,string"`
	Interest      int64  `json:"interest,string"`
	Paid          int64  `json:"paid,string" doc:"what settlement has paid the certificate so far"`
	State         string `json:"state"`
	MaturityDate  string `json:"maturity_date"`
	DaysPastDue   int64  `json:"days_past_due"`
	YieldPercent  string `json:"yield_percent" doc:"annual yield on the cash paid: interest ÷ proceeds × basis ÷ days, 4 places"`
}

// ScfBook is a funder's financed book: every certificate it discounted.
type ScfBook struct {
	Funder   string         `json:"funder"`
	Entries  []ScfBookEntry `json:"entries"`
	Face     int64          `json:"face,string"`
	Proceeds int64          `json:"proceeds,string"`
	Interest int64          `json:"interest,string"`
	Overdue  int64          `json:"overdue,string" doc:"unpaid face of matured certificates it still holds"`
}

// ScfNode is an account in a supply-chain graph, at its tier (0 the issuer, 1 the tier-1
// supplier, …; funders at the tier they bought at).
type ScfNode struct {
	Address string `json:"address"`
	Tier    uint32 `json:"tier"`
	Role    string `json:"role" enum:"issuer,supplier,funder"`
}

// ScfEdge is one passing of a certificate from an account to another.
type ScfEdge struct {
	From          string `json:"from"`
	To            string `json:"to"`
	CertificateID uint64 `json:"certificate_id,string"`
	Face          int64  `json:"face,string"`
	How           string `json:"how" enum:"issued,transferred,financed"`
	Date          string `json:"date"`
}

// ScfGraph is who passed what to whom under one root certificate.
type ScfGraph struct {
	RootID uint64    `json:"root_id,string"`
	Nodes  []ScfNode `json:"nodes"`
	Edges  []ScfEdge `json:"edges"`
}

// ScfQuoteRequest is the discount quote's request: decimal strings, the face's decimals
// fixing the answer's scale; day_count_basis 360 (default) or 365.
type ScfQuoteRequest struct {
	Face              string `json:"face"`
	AnnualRatePercent string `json:"annual_rate_percent"`
	StartDate         string `json:"start_date"`
	MaturityDate      string `json:"maturity_date"`
	DayCountBasis     uint32 `json:"day_count_basis,omitempty"`
}

// ScfQuote is a discount's price: actual days (first counted, last not), interest rounded
// half-even and proceeds = face − interest.
type ScfQuote struct {
	Days     int64  `json:"days"`
	Interest string `json:"interest"`
	Proceeds string `json:"proceeds"`
}

// Supply-chain finance declarations.
var (
	GetScfParams = Declare(Def[ScfParams]{Path: PathScfParams, Route: "/v1/scf/params", Group: "scf", Name: "params",
		Summary: "The consortium's certificate rules", OperationID: "get-scf-params"})
	GetScfLine = Declare(Def[ScfLine]{Path: PathScfLine, Route: "/v1/scf/lines/{id}", Group: "scf", Name: "line", Arg: idArg,
		Summary: "A credit line: limit, used and available", OperationID: "get-scf-line"})
	GetScfEnterprise = Declare(Def[ScfEnterprise]{Path: PathScfEnterprise, Route: "/v1/scf/enterprises/{address}",
		Group: "scf", Name: "enterprise", Arg: addressArg, OperationID: "get-scf-enterprise",
		Summary: "An enterprise's lines (used, available), outstanding by maturity and payment record as issuer"})
	GetScfDocument = Declare(Def[ScfDocument]{Path: PathScfDocument, Route: "/v1/scf/documents/{id}", Group: "scf",
		Name: "document", Arg: idArg, Summary: "A registered trade document and its use", OperationID: "get-scf-document"})
	GetScfCertificate = Declare(Def[ScfTree]{Path: PathScfCertificate, Route: "/v1/scf/certificates/{id}", Group: "scf",
		Name: "certificate", Arg: idArg, OperationID: "get-scf-certificate",
		Summary: "A certificate with its whole tree: root, parts, holders over time, documents, financing"})
	GetScfHolder = Declare(Def[ScfHolder]{Path: PathScfHolder, Route: "/v1/scf/holders/{address}", Group: "scf",
		Name: "holder", Arg: addressArg, Summary: "The certificates an account holds or is offered, by state",
		OperationID: "get-scf-holder"})
	GetScfIssued = Declare(Def[ScfIssued]{Path: PathScfIssued, Route: "/v1/scf/enterprises/{address}/certificates", Group: "scf",
		Name: "issued", Arg: addressArg, Summary: "The certificates an enterprise issued (roots), by state",
		OperationID: "list-scf-issued"})
	GetScfBook = Declare(Def[ScfBook]{Path: PathScfFunder, Route: "/v1/scf/funders/{address}", Group: "scf", Name: "book",
		Arg: addressArg, Summary: "A funder's financed book: face, proceeds paid, yield, overdue", OperationID: "get-scf-book"})
	GetScfGraph = Declare(Def[ScfGraph]{Path: PathScfGraph, Route: "/v1/scf/graphs/{id}", Group: "scf", Name: "graph",
		Arg: idArg, Summary: "The supply-chain graph of a root certificate: nodes by tier and edges",
		OperationID: "get-scf-graph"})
)
