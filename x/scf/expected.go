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

// CreditBureau is what scf tells the credit bureau, in the step that changes a certificate:
// the confirmed receivables an account holds, each part paid in full (on time or dpd days
// late, for the issuer and the holder), and an issuer's parts left unpaid past maturity.
type CreditBureau interface {
	ReceivablesHeld(ctx *core.Context, holder, asset string, delta int64)
	ReceivableSettled(ctx *core.Context, issuer, holder, asset string, face, dpd int64)
	IssuerOverdue(ctx *core.Context, issuer, asset string, delta, dpd int64, defaulted bool)
}

// The modules scf depends on, as the application wired them (Use): stateless adapters.
var (
	bank     Bank
	registry Registry
	bureau   CreditBureau
)

// Use wires scf's dependencies; the application calls it once, when it builds its modules.
func Use(b Bank, r Registry, c CreditBureau) { bank, registry, bureau = b, r, c }
