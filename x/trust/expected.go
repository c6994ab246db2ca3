package trust

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// Bank is what trust needs of the ledger: moves (every one through the ledger's hooks), the
// trust account's balance, asset lookup and a keyless account for each trust.
type Bank interface {
	Move(ctx *core.Context, from, to, asset string, amount int64) error
	AvailableOf(r store.Reader, addr, asset string) int64
	Asset(r store.Reader, code string) (*statepb.Asset, error)
	OpenKeylessAccount(ctx *core.Context, addr, sponsor string) error
}

// Registry is what trust needs of identity: that a party exists, and its KYC level (a
// distribution condition may read it).
type Registry interface {
	AccountExists(r store.Reader, addr string) bool
	EffectiveKYCLevel(r store.Reader, addr string, now int64) uint32
}

// The modules trust depends on, as the application wired them: stateless adapters.
var (
	bank     Bank
	registry Registry
)
