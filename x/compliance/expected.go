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

// The modules compliance depends on, as the application wired them (Use): stateless
// adapters, the same in every application of a process.
var (
	bank     Bank
	registry Registry
	lending  Lending
)

// Use wires compliance's dependencies; the application calls it once.
func Use(b Bank, r Registry, l Lending) { bank, registry, lending = b, r, l }
