package module

import (
	"bytes"
	"fmt"

	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// Module is everything the application needs to know about one domain module. A module
// builds its own Module value in its folder (module.go); the application keeps one ordered
// list of them and refuses to start if two claim the same message, query path, scheduled
// kind or state prefix.
type Module struct {
	// Name is the module's name: in invariant failures, genesis and the CLI.
	Name string
	// Prefixes are the state key prefixes the module owns; genesis export and import
	// carry exactly these keys, and no two modules' prefixes overlap.
	Prefixes [][]byte
	// Routes are the messages the module executes, each with who may send it.
	Routes []Route
	// Scheduled are the module's block-time scheduler handlers, by kind.
	Scheduled map[string]scheduler.Handler
	// Queries answer the module's read paths from a committed snapshot.
	Queries []Query
	// Invariants hold after every block; the simulation checks them all.
	Invariants []Invariant
	// EndBlock, if set, runs after the block's transactions, in module order. Like a
	// scheduled handler, it must not fail: an error halts the chain.
	EndBlock func(*core.Context) error
}

// Role names who may send a message: a member's role, "individual" for an account without
// a member record, or RoleGovernance.
type Role string

// RoleGovernance is held by no account: it is a passed governance proposal executing its
// action. A route that admits it may be a proposal's action.
const RoleGovernance Role = "governance"

// GovernanceAuthority is the signer a message executed by a passed proposal carries.
const GovernanceAuthority = "governance"

// Route is how one message type is authorised and executed.
type Route struct {
	Msg string // the message type, as tx.MsgType names it
	// Roles may send the message at all; the handler adds finer rules (issuer only,
	// beneficiary only, sponsor only).
	Roles []Role
	Exec  func(*core.Context, *txpb.Msg) error
	// Check, if set, is what can be checked of the message before it executes, without
	// changing anything (governance runs it when a proposal carrying the message is
	// submitted, so that a malformed action is refused before a week of voting).
	Check func(store.Reader, *txpb.Msg) error
	// Basic checks what the message alone can show, without state: amounts positive and in
	// bounds, addresses well formed, ids present, lengths bounded, enumerations known. It
	// runs in CheckTx (a refusal never reaches a block, so it uses no nonce), in the CLI
	// before signing, and again before execution. Every route declares one; a test in app
	// holds every message type to it.
	Basic func(*txpb.Msg) error
}

// Handle builds a route from a typed handler: get picks the message out of the envelope.
func Handle[M proto.Message](msg string, roles []Role, get func(*txpb.Msg) M, f func(*core.Context, M) error) Route {
	return Route{Msg: msg, Roles: roles, Exec: func(ctx *core.Context, m *txpb.Msg) error { return f(ctx, get(m)) }}
}

// Checked adds a pre-execution check to a route.
func (r Route) Checked(check func(store.Reader, *txpb.Msg) error) Route {
	r.Check = check
	return r
}

// Validated adds the route's stateless check (Basic).
func (r Route) Validated(basic func(*txpb.Msg) error) Route {
	r.Basic = basic
	return r
}

// Allows reports whether any of roles may send the route's message.
func (r Route) Allows(roles []Role) bool {
	for _, want := range r.Roles {
		for _, have := range roles {
			if want == have {
				return true
			}
		}
	}
	return false
}

// Invariant is a property of the whole state that holds after every block.
type Invariant struct {
	Name  string
	Check func(store.Reader) error
}

// Owns reports whether key lies under one of the module's prefixes.
func (m *Module) Owns(key []byte) bool {
	for _, p := range m.Prefixes {
		if bytes.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// Validate checks a module's own declaration (names and non-empty parts).
func (m *Module) Validate() error {
	if m.Name == "" {
		return fmt.Errorf("module without a name")
	}
	for _, r := range m.Routes {
		if r.Msg == "" || r.Exec == nil || len(r.Roles) == 0 {
			return fmt.Errorf("module %s: route %q needs a message type, roles and a handler", m.Name, r.Msg)
		}
	}
	for _, q := range m.Queries {
		if q.Path == "" || q.answer == nil {
			return fmt.Errorf("module %s: query %q has no answer", m.Name, q.Path)
		}
	}
	for _, inv := range m.Invariants {
		if inv.Name == "" || inv.Check == nil {
			return fmt.Errorf("module %s: invariant %q has no check", m.Name, inv.Name)
		}
	}
	return nil
}
