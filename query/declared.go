package query

// Arguments shared by many declarations.
var (
	addressArg = Arg{Name: "address", Kind: ArgAddress, Doc: "account address (40 lower-case hex)"}
	idArg      = Arg{Name: "id", Kind: ArgID, Doc: "decimal id"}
)

// Chain-wide views: assets and holds (ledger), members and KYC (identity), proposals and
// validators (governance), the application's parameters.
var (
	GetAsset = Declare(Def[Asset]{Path: PathAsset, Route: "/v1/assets/{code}", Group: "", Name: "asset",
		Arg: Arg{Name: "code", Kind: ArgCode, Doc: "asset code"}, Summary: "One asset with its supply", OperationID: "get-asset"})
	ListAssets = Declare(Def[[]Asset]{Path: PathAssets, Route: "/v1/assets", Name: "assets",
		Summary: "Registered assets", OperationID: "list-assets"})
	GetHold = Declare(Def[Hold]{Path: PathHold, Route: "/v1/holds/{id}", Name: "hold", Arg: idArg,
		Summary: "An open hold", OperationID: "get-hold"})
	GetMember = Declare(Def[Member]{Path: PathMember, Route: "/v1/members/{address}", Name: "member", Arg: addressArg,
		Summary: "One member", OperationID: "get-member"})
	ListMembers = Declare(Def[[]Member]{Path: PathMembers, Route: "/v1/members", Name: "members",
		Summary: "Consortium members", OperationID: "list-members"})
	GetKYC = Declare(Def[KYC]{Path: PathKYC, Route: "/v1/accounts/{address}/kyc", Name: "kyc", Arg: addressArg,
		Summary: "An account's KYC level in force and the attestation behind it", OperationID: "get-account-kyc"})
	ListProposals = Declare(Def[[]Proposal]{Path: PathProposals, Route: "/v1/proposals", Name: "proposals",
		Summary: "Governance proposals with their tallies", OperationID: "list-proposals"})
	GetProposal = Declare(Def[Proposal]{Path: PathProposal, Route: "/v1/proposals/{id}", Name: "proposal", Arg: idArg,
		Summary: "One proposal", OperationID: "get-proposal"})
	ListValidators = Declare(Def[[]Validator]{Path: PathValidators, Name: "validators",
		Summary: "The validator set as the application knows it"})
	GetParams = Declare(Def[Params]{Path: PathParams, Name: "params", Summary: "The chain's application parameters"})
)

// Lending views. They sit at the top of the CLI (`puhui query loan 7`), where they began.
var (
	GetProduct = Declare(Def[Product]{Path: PathProduct, Route: "/v1/lending/products/{id}", Name: "product",
		Arg: idArg, Summary: "One loan product with its terms", OperationID: "get-loan-product"})
	ListProducts = Declare(Def[[]Product]{Path: PathProducts, Route: "/v1/lending/products", Name: "products",
		Summary: "Loan products", OperationID: "list-loan-products"})
	GetLoan = Declare(Def[Loan]{Path: PathLoan, Route: "/v1/lending/loans/{id}", Name: "loan", Arg: idArg,
		Summary: "A loan with its terms, totals, days past due and live schedule", OperationID: "get-loan"})
	GetBorrowerLoans = Declare(Def[BorrowerLoans]{Path: PathBorrowerLoans, Route: "/v1/lending/borrowers/{address}",
		Name: "loans", Arg: addressArg, OperationID: "get-borrower-loans",
		Summary: "A borrower's loans, outstanding exposure by asset (all lenders) and repayment history"})
	GetPortfolio = Declare(Def[Portfolio]{Path: PathPortfolio, Route: "/v1/lending/portfolios/{address}",
		Name: "portfolio", Arg: addressArg, OperationID: "get-lender-portfolio",
		Summary: "A lender's portfolio quality by asset: gross loan portfolio, PAR1/30/60/90, arrears rate, write-offs and recoveries"})
	GetLenderLoans = Declare(Def[LenderLoans]{Path: PathLenderLoans, Route: "/v1/lending/lenders/{address}/loans",
		Name: "lender-loans", Arg: addressArg, OperationID: "get-lender-loans",
		Summary: "A lender's loans, newest first, with live schedules, counted by status and delinquency bucket"})
	GetPortfolioHistory = Declare(Def[PortfolioHistory]{Path: PathPortfolioHist, Route: "/v1/lending/portfolios/{address}/history",
		Name: "portfolio-history", Arg: addressArg, OperationID: "get-lender-portfolio-history",
		Summary: "A lender's GLP and PAR30 over the last 30 business days, by asset"})
	GetGroup = Declare(Def[Group]{Path: PathGroup, Route: "/v1/lending/groups/{id}", Name: "group", Arg: idArg,
		Summary: "A lending group with its members, fund and loans", OperationID: "get-loan-group"})
)

// Credit and private-document views.
var (
	ListScorecards = Declare(Def[[]Scorecard]{Path: PathScorecards, Route: "/v1/credit/scorecards", Group: "credit", Name: "scorecards",
		Summary: "Every registered scorecard model version, by name then version", OperationID: "list-scorecards"})
	ListConsents = Declare(Def[[]Consent]{Path: PathConsents, Route: "/v1/credit/accounts/{address}/consents", Group: "credit",
		Name: "consents", Arg: addressArg, Summary: "A borrower's consents (live, expired and revoked)", OperationID: "list-consents"})
	ListAccesses = Declare(Def[[]ReportAccess]{Path: PathAccesses, Route: "/v1/credit/accounts/{address}/accesses", Group: "credit",
		Name: "accesses", Arg: addressArg, OperationID: "list-report-accesses",
		Summary: "Every credit report given on a borrower: who, when, for what purpose, and the report"})
	GetEncryptionKey = Declare(Def[EncryptionKey]{Path: PathEncryptionKey, Route: "/v1/documents/keys/{address}", Group: "docs",
		Name: "key", Arg: addressArg, Summary: "A member's published document encryption key", OperationID: "get-encryption-key"})
	GetDocument = Declare(Def[Document]{Path: PathDocument, Route: "/v1/documents/{hash}", Group: "docs", Name: "document",
		Arg:     Arg{Name: "hash", Kind: ArgHash, Doc: "sha256 of the document's ciphertext, hex"},
		Summary: "A private document's on-chain record and grants (never its content)", OperationID: "get-document"})
	MayReadDocument = Declare(Def[bool]{Path: PathDocumentAccess, Group: "docs", Name: "access",
		Args:    []Arg{{Name: "hash", Kind: ArgHash, Doc: "sha256 of the document's ciphertext, hex"}, {Name: "member", Kind: ArgAddress, Doc: "member address"}},
		Summary: "Whether a member holds a live grant on a document"})
	ListDocumentsOwned = Declare(Def[[]Document]{Path: PathDocumentsOwned, Route: "/v1/documents/owners/{address}", Group: "docs",
		Name: "owned", Arg: addressArg, Summary: "A member's private documents (records only)", OperationID: "list-documents"})
)

// GetAccount is an account's state; with the client's prove flag, every entry comes with a
// proof. The API serves it itself (its prove parameter).
var GetAccount = Declare(Def[Account]{Path: PathAccount, Name: "account", Arg: addressArg,
	Summary: "An account: roles, KYC level, nonce, balances"})
