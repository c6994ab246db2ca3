package app

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/assets"
	"github.com/puhui-chain/puhui/x/compliance"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/credit"
	"github.com/puhui-chain/puhui/x/docs"
	"github.com/puhui-chain/puhui/x/escrow"
	"github.com/puhui-chain/puhui/x/governance"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/insurance"
	"github.com/puhui-chain/puhui/x/ledger"
	"github.com/puhui-chain/puhui/x/lending"
	"github.com/puhui-chain/puhui/x/module"
	"github.com/puhui-chain/puhui/x/offering"
	"github.com/puhui-chain/puhui/x/oracle"
	"github.com/puhui-chain/puhui/x/scf"
	"github.com/puhui-chain/puhui/x/scheduler"
	"github.com/puhui-chain/puhui/x/trust"
)

// modules is the application's ordered list of modules: the order in which their genesis
// is imported, their invariants checked and their end-of-block work run. Adding a module is
// one line here.
func modules(r *router) []module.Module {
	// Compliance screens every movement of value where the ledger makes it; then issued
	// assets' rules apply (and their holder index follows the movement).
	ledger.Use(compliance.Hook{}, assets.Hook{})
	return []module.Module{
		chainModule(),
		identity.Module(),
		ledger.Module(),
		governance.Module(r),
		lending.Module(ledger.Bank{}, identity.Registry{}, credit.Bureau{}, insurance.Covers{}),
		credit.Module(),
		docs.Module(),
		scf.Module(ledger.Bank{}, identity.Registry{}, credit.Bureau{}),
		oracle.Module(),
		insurance.Module(ledger.Bank{}, oracle.Feeds{}, lending.Cover{}, identity.Registry{}),
		compliance.Module(complianceBank{}, complianceRegistry{}, supervisedLending{}, supervisedSCF{}, supervisedInsurance{}),
		assets.Module(ledger.Bank{}),
		trust.Module(ledger.Bank{}, identity.Registry{}),
		offering.Module(ledger.Bank{}, assets.Rules{}, identity.Registry{}),
		escrow.Module(ledger.Bank{}, identity.Registry{}),
	}
}

// router is what the modules declared, indexed: messages, queries, scheduled kinds.
type router struct {
	modules   []module.Module
	routes    map[string]module.Route
	queries   map[string]module.Query
	scheduled map[string]scheduler.Handler
}

// newRouter builds the module list and indexes it; a message, query path, scheduled kind or
// state prefix claimed twice, or a declared query nobody answers, panics: the binary is
// wrong, not the chain.
func newRouter() *router {
	r := &router{routes: map[string]module.Route{}, queries: map[string]module.Query{}, scheduled: map[string]scheduler.Handler{}}
	r.modules = modules(r)
	var prefixes [][]byte
	for _, m := range r.modules {
		if err := m.Validate(); err != nil {
			panic(err)
		}
		for _, rt := range m.Routes {
			claim(r.routes, rt.Msg, rt, m.Name, "message")
		}
		for _, q := range m.Queries {
			claim(r.queries, q.Path, q, m.Name, "query path")
		}
		for kind, h := range m.Scheduled {
			claim(r.scheduled, kind, h, m.Name, "scheduled kind")
		}
		for _, p := range m.Prefixes {
			for _, other := range prefixes {
				if bytes.HasPrefix(p, other) || bytes.HasPrefix(other, p) {
					panic(fmt.Sprintf("module %s: state prefix %q overlaps %q", m.Name, p, other))
				}
			}
			prefixes = append(prefixes, p)
		}
	}
	for _, d := range query.All() {
		if _, ok := r.queries[d.Path]; !ok {
			panic(fmt.Sprintf("query %s is declared but no module answers it", d.Path))
		}
	}
	return r
}

func claim[V any](m map[string]V, key string, v V, module, what string) {
	if _, dup := m[key]; dup {
		panic(fmt.Sprintf("module %s: %s %q claimed twice", module, what, key))
	}
	m[key] = v
}

// allowed reports whether any of roles may send msgType.
func (r *router) allowed(msgType string, roles []identity.Role) bool {
	rt, ok := r.routes[msgType]
	return ok && rt.Allows(roles)
}

// CheckAction (governance.Router) refuses a message no route admits from governance.
func (r *router) CheckAction(s store.Reader, m *txpb.Msg) error {
	t := tx.MsgType(m)
	rt, ok := r.routes[t]
	if !ok || !rt.Allows([]identity.Role{module.RoleGovernance}) {
		return governance.ErrBadProposal.Wrapf("message %q cannot be a governance action", t)
	}
	if err := r.ValidateBasic(m); err != nil {
		return err
	}
	if rt.Check != nil {
		return rt.Check(s, m)
	}
	return nil
}

// ExecuteAction (governance.Router) runs a passed proposal's message as the governance
// authority.
func (r *router) ExecuteAction(ctx *core.Context, m *txpb.Msg) error {
	if err := r.CheckAction(ctx.KV, m); err != nil {
		return err
	}
	gctx := *ctx
	gctx.Signer = module.GovernanceAuthority
	return r.routes[tx.MsgType(m)].Exec(&gctx, m)
}

// CheckInvariants runs every module's invariants, in module order; the error names the
// invariant that broke.
func (a *App) CheckInvariants(s store.Reader) error {
	for _, m := range a.router.modules {
		for _, inv := range m.Invariants {
			if err := inv.Check(s); err != nil {
				return fmt.Errorf("invariant %s broken: %w", inv.Name, err)
			}
		}
	}
	return nil
}

func (r *router) messageTypes() []string {
	out := make([]string, 0, len(r.routes))
	for t := range r.routes {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}
