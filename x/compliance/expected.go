package compliance

import (
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Bank is what compliance needs of the ledger: a debit order's move, balances for the
// freeze check and assets for scales.
type Bank interface {
	Move(ctx *core.Context, from, to, asset string, amount int64) error
	AvailableOf(r store.Reader, addr, asset string) int64
	Asset(r store.Reader, code string) (*statepb.Asset, error)
}

// Registry is what compliance needs of identity: whether an account exists, whether it is
// a member's (a legal person's) and who sponsored it.
type Registry interface {
	AccountExists(r store.Reader, addr string) bool
	IsMember(r store.Reader, addr string) bool
	SponsorOf(r store.Reader, addr string) string
}

// Exposure is a borrower's outstanding principal with one lender in one asset.
type Exposure struct {
	Borrower, Lender, Asset string
	Outstanding             int64
	Loans                   int
	// Recent is the principal of these loans disbursed in the last 30 days (at now).
	Recent int64
}

// Lending is what the supervision views read of lending.
type Lending interface {
	Portfolio(r store.Reader, lender string, now int64) query.Portfolio
	// ExposuresOfLender and ExposuresOfBorrower list open loans' outstanding principal,
	// grouped by borrower, lender and asset, in that order.
	ExposuresOfLender(r store.Reader, lender string, now int64) []Exposure
	ExposuresOfBorrower(r store.Reader, borrower string, now int64) []Exposure
	// Lenders lists every address with a loan book, sorted.
	Lenders(r store.Reader) []string
}

// OverdueCertificates are one issuer's receivable certificates left unpaid past maturity in
// one asset.
type OverdueCertificates struct {
	Issuer, Asset string
	Overdue       int64 // unpaid face
	OldestDPD     int64 // days past due of the oldest
	Count         int   // overdue parts
	Defaulted     int   // of which past the consortium's default limit
}

// SupplyChain is what the supervision views read of supply-chain finance.
type SupplyChain interface {
	// OverdueByIssuer lists overdue certificates grouped by issuer and asset, in that order.
	OverdueByIssuer(r store.Reader) []OverdueCertificates
}

// PoolCover is an insurer's pool in one asset against what its active policies may pay.
type PoolCover struct {
	Insurer, Asset string
	Balance        int64 // held in the pool
	MaxPayouts     int64 // Σ maximum payouts of its active policies
	Policies       int   // active policies
}

// Insurance is what the supervision views read of insurance.
type Insurance interface {
	// Pools lists every pool, by insurer then asset.
	Pools(r store.Reader) []PoolCover
}

// The modules compliance depends on, as the application wired them (Use): stateless
// adapters, the same in every application of a process.
var (
	bank      Bank
	registry  Registry
	lending   Lending
	scf       SupplyChain
	insurance Insurance
)

// Use wires compliance's dependencies; the application calls it once.
func Use(b Bank, r Registry, l Lending, s SupplyChain, i Insurance) {
	bank, registry, lending, scf, insurance = b, r, l, s, i
}
