package layers

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLayers fails naming every import chain that breaks a rule of ARCHITECTURE.md. Only
// the packages' own imports count (test files may import what they need to set up a case):
// the rule is about what a package, and so its users, link.
func TestLayers(t *testing.T) {
	g := importGraph(t)
	if _, ok := g[Module+"/x/ledger"]; !ok {
		t.Fatalf("the import graph lacks x/ledger; go list read the wrong module? (%d packages)", len(g))
	}
	for _, v := range Check(g, Rules) {
		t.Errorf("layer violation: %s", v)
	}
}

// importGraph runs `go list -deps` over the whole module (standard library and dependencies
// included, so that a rule can name an external package such as pebble).
func importGraph(t *testing.T) Graph {
	t.Helper()
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(gomod)))
	readSources(t, root)
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	g := Graph{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) > 0 {
			g[f[0]] = f[1:]
		}
	}
	return g
}

// readSources reads every directory, Go file and go.mod of the module. go test caches a
// passing result keyed on the files the test process itself opened; go list's reads do not
// count, so without this a new bad import would pass from the cache.
func readSources(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata"):
			return filepath.SkipDir
		case d.IsDir() || !(strings.HasSuffix(path, ".go") || d.Name() == "go.mod"):
			return nil
		}
		_, err = os.ReadFile(path)
		return err
	})
	if err != nil {
		t.Fatalf("read the module's sources: %v", err)
	}
}

// The checker itself, on a made-up graph: direct and transitive chains, Only rules, and
// patterns for subtrees, single packages and external modules.
func TestCheckNamesChains(t *testing.T) {
	m := func(p string) string { return Module + "/" + p }
	g := Graph{
		m("client"):                     {m("docstore"), m("tx"), "fmt"},
		m("docstore"):                   {m("x/docs")},
		m("x/docs"):                     {m("store"), m("tx")},
		m("store"):                      {"github.com/cockroachdb/pebble", m("proof")},
		m("proof"):                      {"github.com/pokt-network/smt"},
		m("tx"):                         {m("tx/txpb"), m("pebble-user")},
		m("pebble-user"):                {"github.com/cockroachdb/pebble"},
		m("tx/txpb"):                    {},
		m("node"):                       {m("app")},
		m("node/other"):                 {m("api")},
		m("app"):                        {},
		m("api"):                        {},
		"github.com/cockroachdb/pebble": {},
		"github.com/pokt-network/smt":   {},
		"fmt":                           {},
	}
	rules := []Rule{
		{From: "client/...", Deny: []string{"x/...", "store/...", "github.com/cockroachdb/pebble/..."}, Transitive: true, Why: "sdk"},
		{From: "node", Deny: []string{"api/..."}, Transitive: true, Why: "node"},
		{From: "store/...", Only: []string{"store/...", "proof"}, OnlySet: true, Why: "store"},
		{From: "x/...", Deny: []string{"store/..."}, Why: "direct only"},
		{From: "tx/...", Only: []string{"tx/..."}, OnlySet: true, Transitive: true, Why: "bottom"},
	}
	var got []string
	for _, v := range Check(g, rules) {
		got = append(got, v.String())
	}
	want := []string{
		"client imports x/docs: client -> docstore -> x/docs (sdk)",
		"client imports github.com/cockroachdb/pebble: client -> tx -> pebble-user -> github.com/cockroachdb/pebble (sdk)",
		"tx imports pebble-user: tx -> pebble-user (bottom)",
		"x/docs imports store: x/docs -> store (direct only)",
	}
	if strings.Join(got, "\n") != strings.Join(sortedLike(want, got), "\n") || len(got) != len(want) {
		t.Fatalf("violations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// sortedLike returns want if it holds the same lines as got in any order, so the comparison
// above does not depend on the report's sort key.
func sortedLike(want, got []string) []string {
	in := map[string]int{}
	for _, w := range want {
		in[w]++
	}
	for _, g := range got {
		if in[g] == 0 {
			return want
		}
		in[g]--
	}
	return got
}
