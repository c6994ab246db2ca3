package lending

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Bank is what lending needs of the ledger: moves, holds, the freeze check and asset lookup.
type Bank interface {
	Move(ctx *core.Context, from, to, asset string, amount int64) error
	PlaceHold(ctx *core.Context, owner, beneficiary, asset string, amount, expiresAt int64, reference string) (uint64, error)
	// CaptureHoldFor and ReleaseHoldFor settle a hold on its beneficiary's behalf (a loan
	// capturing or releasing its collateral).
	CaptureHoldFor(ctx *core.Context, id uint64, amount int64) error
	ReleaseHoldFor(ctx *core.Context, id uint64) error
	// TakeFromHold pays part of a hold to its beneficiary; ReleaseFromHold returns part of
	// it to its owner. Either leaves the rest held.
	TakeFromHold(ctx *core.Context, id uint64, amount int64) error
	ReleaseFromHold(ctx *core.Context, id uint64, amount int64) error
	GetHold(r store.Reader, id uint64) (*statepb.Hold, bool)
	AvailableOf(r store.Reader, addr, asset string) int64
	IsFrozen(r store.Reader, addr string) bool
	// Asset is a registered asset, or the ledger's coded error for an unknown one.
	Asset(r store.Reader, code string) (*statepb.Asset, error)
}

// Registry is what lending needs of identity.
type Registry interface {
	AccountExists(r store.Reader, addr string) bool
	EffectiveKYCLevel(r store.Reader, addr string, now int64) uint32
}

// CreditBureau is what lending needs of the credit module: an applicant's assessment and the
// check that a product's scorecard can score.
type CreditBureau interface {
	Assess(r store.Reader, borrower, asset, scorecard string, now int64) (*Assessment, error)
	CheckScorecard(r store.Reader, name string) error
	// Band names the band a score falls in under the model version that gave it ("" if
	// unknown); the loan views show it beside the score.
	Band(r store.Reader, model string, version uint32, score int64) string
}

// Insurer is what lending needs of insurance: whether a loan carries the cover its product
// requires (an active policy of that cover linked to the loan).
type Insurer interface {
	HasCover(r store.Reader, loanID uint64, cover string) bool
}

// The modules lending depends on, as the application wired them (Use). They are stateless
// adapters over other modules' state functions: every application in a process wires the
// same ones.
var (
	bank     Bank
	registry Registry
	bureau   CreditBureau
	insurer  Insurer
)

// Use wires lending's dependencies; the application calls it once, when it builds its
// modules.
func Use(b Bank, r Registry, c CreditBureau, i Insurer) { bank, registry, bureau, insurer = b, r, c, i }
