package insurance

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Bank is what insurance needs of the ledger: moves, the pool's hold, and asset lookup.
type Bank interface {
	Move(ctx *core.Context, from, to, asset string, amount int64) error
	PlaceHold(ctx *core.Context, owner, beneficiary, asset string, amount, expiresAt int64, reference string) (uint64, error)
	ReleaseHoldFor(ctx *core.Context, id uint64) error
	// ReleaseFromHold returns part of a hold to its owner and leaves the rest held.
	ReleaseFromHold(ctx *core.Context, id uint64, amount int64) error
	GetHold(r store.Reader, id uint64) (*statepb.Hold, bool)
	Asset(r store.Reader, code string) (*statepb.Asset, error)
}

// Feeds is what insurance needs of the oracle.
type Feeds interface {
	FeedExists(r store.Reader, id string) bool
	// LastFinalRound is the feed's last round that became final (0: none).
	LastFinalRound(r store.Reader, id string) uint64
	// PeriodAnswers are the final answers of the rounds opened in [start, end] and whether a
	// fresh final answer closes the period (see oracle.PeriodAnswers).
	PeriodAnswers(r store.Reader, id string, start, end int64) (values []int64, decimals uint32, closing uint64, ready bool, err error)
}

// Loans is what loan-linked cover needs of lending: the loan's parties, and a repayment by a
// payer on the borrower's behalf that takes only what is owed and reports it.
type Loans interface {
	LoanParties(r store.Reader, id uint64) (borrower, lender, asset string, open, ok bool)
	RepayFor(ctx *core.Context, payer string, id uint64, amount int64) (paid int64, err error)
}

// Registry is what insurance needs of identity.
type Registry interface {
	AccountExists(r store.Reader, addr string) bool
}

// The modules insurance depends on, as the application wired them (Use): stateless
// adapters over other modules' state functions.
var (
	bank     Bank
	feeds    Feeds
	loans    Loans
	registry Registry
)

// Use wires insurance's dependencies; the application calls it once, when it builds its
// modules.
func Use(b Bank, f Feeds, l Loans, r Registry) { bank, feeds, loans, registry = b, f, l, r }

// Covers is insurance as lending sees it (lending's Insurer). It holds no state.
type Covers struct{}

// HasCover reports whether an active policy of the cover is linked to the loan.
func (Covers) HasCover(r store.Reader, loanID uint64, cover string) bool {
	found := false
	store.IteratePrefix(r, byLoanPrefix(loanID), func(k, _ []byte) bool {
		p, _ := GetPolicy(r, decodeID(k[len(k)-8:]))
		rec, _ := GetProduct(r, p.ProductId)
		found = p.Status == statepb.PolicyStatus_POLICY_STATUS_ACTIVE && rec.Product.GetCover() == cover
		return !found
	})
	return found
}
