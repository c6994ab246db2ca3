package layers

import (
	"fmt"
	"sort"
	"strings"
)

// Module is the module path; rule patterns without a dot in their first element are
// relative to it.
const Module = "github.com/puhui-chain/puhui"

// Rule forbids packages matching From to import packages matching Deny (or, with Only set,
// any package of the module outside Only). Transitive rules follow the whole import graph,
// so a forbidden package reached through an allowed one is still reported: what matters is
// what a user of the package links.
type Rule struct {
	From       string
	Deny       []string
	Only       []string // with OnlySet: the module's packages From may import; all others are denied
	OnlySet    bool
	Transitive bool
	Why        string
}

// Patterns: "x/..." is x and everything under it; "node" is that package only; a pattern
// whose first element holds a dot is a full import path ("github.com/cockroachdb/pebble/...").
var (
	above  = []string{"app/...", "node/...", "api/...", "web/...", "client/...", "cmd/...", "fullnode", "bench/...", "demo/...", "docstore/...", "e2e/...", "keyring/..."}
	domain = []string{"x/..."}
)

// Rules are the layers of ARCHITECTURE.md, lowest first.
var Rules = []Rule{
	{From: "tx/...", Only: []string{"tx/..."}, OnlySet: true, Transitive: true,
		Why: "tx is the bottom layer: envelope, messages, signing, addresses, codes"},
	{From: "proof", OnlySet: true, Transitive: true,
		Why: "proof checks need only the tree library, so that a light client links no database"},
	{From: "statekeys", OnlySet: true, Transitive: true,
		Why: "state keys are shared by modules and the SDK and depend on nothing"},
	{From: "money/...", Only: []string{"tx/..."}, OnlySet: true, Transitive: true,
		Why: "money (formatting, checked arithmetic, rounding) sits below the modules and the SDK"},
	{From: "store/...", Only: []string{"store/...", "proof"}, OnlySet: true, Transitive: true,
		Why: "the store knows nothing of modules or transactions"},
	{From: "query", Deny: concat(domain, above, []string{"store/..."}), Transitive: true,
		Why: "query views are decoded by the SDK and the API; they hold no logic"},
	{From: "x/...", Deny: above, Transitive: true,
		Why: "modules are pure state transitions below the application"},
	{From: "app/...", Deny: concat([]string{"node/...", "api/...", "client/...", "cmd/...", "fullnode", "bench/...", "demo/...", "docstore/...", "e2e/..."}), Transitive: true,
		Why: "the ABCI application knows nothing of the process that runs it or of the edges"},
	{From: "node", Deny: []string{"api/...", "client/...", "cmd/...", "fullnode", "bench/...", "demo/...", "docstore/...", "e2e/..."}, Transitive: true,
		Why: "node embeds CometBFT; the edges (API, SDK) plug in from above"},
	// Not pebble itself: CometBFT's RPC and light clients link it through cometbft-db.
	{From: "client/...", Deny: concat(domain, []string{"store/...", "app/...", "node/...", "api/...", "cmd/...", "fullnode"}), Transitive: true,
		Why: "an SDK user must not link the state store or module code"},
	{From: "api/...", Deny: concat(domain, []string{"store/...", "app/...", "node/...", "cmd/...", "fullnode"}), Transitive: true,
		Why: "edges talk to the chain through transactions, queries and events, never a module's internals"},
	{From: "web/...", OnlySet: true, Transitive: true,
		Why: "the console is files for a browser, which reaches the chain only through the REST API and its event stream"},
	{From: "docstore/...", Deny: concat(domain, []string{"store/...", "app/...", "node/...", "api/...", "client/...", "cmd/..."}), Transitive: true,
		Why: "the off-chain document store is an edge"},
	{From: "bench/...", Deny: domain,
		Why: "edges talk to the chain through transactions, queries and events, never a module's internals"},
	{From: "demo/...", Deny: domain,
		Why: "edges talk to the chain through transactions, queries and events, never a module's internals"},
	{From: "e2e/...", Deny: domain,
		Why: "edges talk to the chain through transactions, queries and events, never a module's internals"},
	{From: "cmd/...", Deny: domain,
		Why: "the CLI reaches modules through the SDK, queries or app, never a module's internals"},
	// e2e/e2etest is test support (it builds the binary, picks ports): no product code links it.
	{From: "api/...", Deny: []string{"e2e/..."}, Transitive: true, Why: "test support is for tests"},
	{From: "client/...", Deny: []string{"e2e/..."}, Transitive: true, Why: "test support is for tests"},
	{From: "cmd/...", Deny: []string{"e2e/..."}, Transitive: true, Why: "test support is for tests"},
	{From: "demo/...", Deny: []string{"e2e/..."}, Transitive: true, Why: "test support is for tests"},
	{From: "bench/...", Deny: []string{"e2e/..."}, Transitive: true, Why: "test support is for tests"},
	{From: "fullnode", Deny: []string{"e2e/..."}, Transitive: true, Why: "test support is for tests"},
	{From: "docstore/...", Deny: []string{"e2e/..."}, Transitive: true, Why: "test support is for tests"},
}

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// Graph maps an import path to the packages it imports directly.
type Graph map[string][]string

// Violation is one forbidden import, with the shortest chain that makes it.
type Violation struct {
	Rule  Rule
	Chain []string // From ... forbidden package, as import paths
}

func (v Violation) String() string {
	parts := make([]string, len(v.Chain))
	for i, p := range v.Chain {
		parts[i] = short(p)
	}
	return fmt.Sprintf("%s imports %s: %s (%s)", parts[0], parts[len(parts)-1], strings.Join(parts, " -> "), v.Rule.Why)
}

// Check returns every violation of rules in g, sorted by chain.
func Check(g Graph, rules []Rule) []Violation {
	pkgs := make([]string, 0, len(g))
	for p := range g {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	var out []Violation
	for _, r := range rules {
		for _, p := range pkgs {
			if !match(r.From, p) {
				continue
			}
			for _, chain := range reach(g, p, r.Transitive, r.denies) {
				out = append(out, Violation{Rule: r, Chain: chain})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return strings.Join(out[i].Chain, " ") < strings.Join(out[j].Chain, " ")
	})
	return out
}

func (r Rule) denies(p string) bool {
	if match(r.From, p) {
		return false
	}
	for _, d := range r.Deny {
		if match(d, p) {
			return true
		}
	}
	if !r.OnlySet || !ours(p) {
		return false
	}
	for _, a := range r.Only {
		if match(a, p) {
			return false
		}
	}
	return true
}

// reach returns, for every denied package that from imports (directly, or through any chain
// when transitive), the shortest chain from `from` to it. It does not walk on from a denied
// package: what that one imports is its own matter, and the chain to it is already named.
// Breadth-first, in sorted order, so the chains reported are stable.
func reach(g Graph, from string, transitive bool, denied func(string) bool) [][]string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	var out [][]string
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		next := append([]string(nil), g[p]...)
		sort.Strings(next)
		for _, q := range next {
			if _, seen := prev[q]; seen {
				continue
			}
			prev[q] = p
			if denied(q) {
				out = append(out, chainTo(prev, q))
				continue
			}
			if transitive {
				queue = append(queue, q)
			}
		}
	}
	return out
}

func chainTo(prev map[string]string, p string) []string {
	var c []string
	for ; p != ""; p = prev[p] {
		c = append(c, p)
	}
	for i, j := 0, len(c)-1; i < j; i, j = i+1, j-1 {
		c[i], c[j] = c[j], c[i]
	}
	return c
}

func ours(p string) bool { return p == Module || strings.HasPrefix(p, Module+"/") }

func short(p string) string {
	if p == Module {
		return "."
	}
	return strings.TrimPrefix(p, Module+"/")
}

// match reports whether import path p matches pattern.
func match(pattern, p string) bool {
	full := pattern
	if first, _, _ := strings.Cut(pattern, "/"); !strings.Contains(first, ".") {
		full = Module + "/" + pattern
	}
	if base, ok := strings.CutSuffix(full, "/..."); ok {
		return p == base || strings.HasPrefix(p, base+"/")
	}
	return p == full
}
