package scf

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/module"
)

// Bank is what scf needs of the ledger: moves (the discount's cash leg and settlement), an
// account's spendable balance (what an enterprise can pay at maturity) and asset lookup.
type Bank interface {
	Move(ctx *core.Context, from, to, asset string, amount int64) error
	AvailableOf(r store.Reader, addr, asset string) int64
	IsFrozen(r store.Reader, addr string) bool
	Asset(r store.Reader, code string) (*statepb.Asset, error)
}

// Registry is what scf needs of identity: that a counterparty exists and what roles it has
// (a line goes to an enterprise, a certificate is financed by a bank or an MFI).
type Registry interface {
	AccountExists(r store.Reader, addr string) bool
	HasRole(r store.Reader, addr string, role module.Role) bool
}

// The modules scf depends on, as the application wired them (Use): stateless adapters.
var (
	bank     Bank
	registry Registry
)

// Use wires scf's dependencies; the application calls it once, when it builds its modules.
func Use(b Bank, r Registry) { bank, registry = b, r }
