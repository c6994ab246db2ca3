package query

import (
	"encoding/hex"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/puhui-chain/puhui/tx"
)

// ArgKind is what one of a query's arguments is.
type ArgKind int

// Argument kinds; each has its own check, made before the query reaches the state.
const (
	ArgNone    ArgKind = iota
	ArgAddress         // an account address: 40 lower-case hex
	ArgID              // a decimal id ≥ 1
	ArgCode            // an asset code: 2..12 of A-Z, 0-9 and -
	ArgHash            // a SHA-256 in hex
	ArgText            // free text, at most 200 bytes, without Sep when one of several
	ArgTime            // Unix seconds, a decimal ≥ 0
)

// Sep joins a query's several arguments into its one ABCI argument, in declared order (an
// optional argument left out is left out with its separator). It is the one separator of
// every declaration: an address, code, id, hash or time never contains it.
const Sep = "/"

// Arg names and types one of a query's arguments.
type Arg struct {
	Name string // the REST parameter and the CLI's argument (or, optional, flag) name
	Kind ArgKind
	Doc  string
	// InQuery serves the argument over REST as a query parameter (?name=) rather than a
	// {name} segment of the route.
	InQuery bool
	// Optional arguments may be left out; only the last ones may be (a page cursor).
	Optional bool
	// Pattern, when set, is a regular expression a text argument must match (checked by
	// Validate; also the REST parameter's schema pattern).
	Pattern string
}

// After is a paged listing's cursor: an optional last argument, the `after` query parameter
// over REST and the --after flag of the CLI. A page's next is the after of the page that
// follows it.
func After(kind ArgKind, doc string) Arg {
	return Arg{Name: "after", Kind: kind, Doc: doc, InQuery: true, Optional: true}
}

// Validate checks an argument before any state is read.
func (a Arg) Validate(v string) error {
	switch a.Kind {
	case ArgNone:
		return nil
	case ArgAddress:
		return tx.ValidateAddress(a.Name, v)
	case ArgID:
		if n, err := strconv.ParseUint(v, 10, 64); err != nil || n == 0 {
			return tx.ErrInvalidField.Wrapf("%s %q: a decimal id ≥ 1", a.Name, v)
		}
	case ArgCode:
		if len(v) < 2 || len(v) > 12 || strings.Trim(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != "" {
			return tx.ErrInvalidField.Wrapf("%s %q: 2..12 of A-Z, 0-9 and -", a.Name, v)
		}
	case ArgHash:
		if b, err := hex.DecodeString(v); err != nil || len(b) != 32 {
			return tx.ErrInvalidField.Wrapf("%s %q: 32 bytes in hex", a.Name, v)
		}
	case ArgText:
		if v == "" || len(v) > 200 {
			return tx.ErrInvalidField.Wrapf("%s: 1..200 bytes", a.Name)
		}
		if a.Pattern != "" && !compiled(a.Pattern).MatchString(v) {
			return tx.ErrInvalidField.Wrapf("%s %q: must match %s", a.Name, v, a.Pattern)
		}
	case ArgTime:
		if _, err := strconv.ParseUint(v, 10, 63); err != nil {
			return tx.ErrInvalidField.Wrapf("%s %q: Unix seconds, a decimal ≥ 0", a.Name, v)
		}
	}
	return nil
}

// patterns holds each argument pattern compiled once: Validate runs on every query.
var patterns sync.Map // pattern → *regexp.Regexp

func compiled(pattern string) *regexp.Regexp {
	if re, ok := patterns.Load(pattern); ok {
		return re.(*regexp.Regexp)
	}
	re, _ := patterns.LoadOrStore(pattern, regexp.MustCompile(pattern))
	return re.(*regexp.Regexp)
}

// Join makes the ABCI argument of several arguments, in declared order: optional ones left
// empty at the end are left out.
func Join(parts ...string) string {
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, Sep)
}

// Compose checks one value for each argument declared, in order ("" for an optional one left
// out), and joins them into the ABCI argument. A value of one of several may not hold Sep.
func Compose(args []Arg, values ...string) (string, error) {
	for len(values) > len(args) && values[len(values)-1] == "" {
		values = values[:len(values)-1] // a query of no argument, called with ""
	}
	if len(values) > len(args) || len(values) < required(args) {
		return "", tx.ErrInvalidField.Wrapf("%d arguments: want %s", len(values), usage(args))
	}
	for i, v := range values {
		if v == "" && args[i].Optional {
			if Join(values[i:]...) != "" {
				return "", tx.ErrInvalidField.Wrapf("%s left out before a later argument", args[i].Name)
			}
			continue
		}
		if len(args) > 1 && strings.Contains(v, Sep) {
			return "", tx.ErrInvalidField.Wrapf("%s %q: may not hold %q", args[i].Name, v, Sep)
		}
		if err := args[i].Validate(v); err != nil {
			return "", err
		}
	}
	return Join(values...), nil
}

// Split checks an ABCI argument against the arguments declared and returns one value for
// each, in order ("" for an optional one left out). A single argument is the whole text.
func Split(args []Arg, arg string) ([]string, error) {
	switch len(args) {
	case 0:
		if arg != "" {
			return nil, tx.ErrInvalidField.Wrapf("%q: this query takes no argument", arg)
		}
		return nil, nil
	case 1:
		if arg == "" && args[0].Optional {
			return []string{""}, nil
		}
		return []string{arg}, args[0].Validate(arg)
	}
	parts := strings.Split(arg, Sep)
	if len(parts) > len(args) || len(parts) < required(args) {
		return nil, tx.ErrInvalidField.Wrapf("%q: want %s", arg, usage(args))
	}
	out := make([]string, len(args))
	for i, p := range parts {
		if err := args[i].Validate(p); err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

func required(args []Arg) int {
	n := 0
	for _, a := range args {
		if !a.Optional {
			n++
		}
	}
	return n
}

// usage spells a list of arguments as its ABCI argument: id/from/to, code[/after].
func usage(args []Arg) string {
	var b strings.Builder
	for i, a := range args {
		switch {
		case i > 0 && a.Optional:
			b.WriteString("[" + Sep + a.Name + "]")
		case i > 0:
			b.WriteString(Sep + a.Name)
		default:
			b.WriteString(a.Name)
		}
	}
	return b.String()
}

// ID reads an ArgID argument (already validated).
func ID(v string) uint64 {
	n, _ := strconv.ParseUint(v, 10, 64)
	return n
}

// Def declares one read query once: its ABCI path, its arguments and its typed view. The
// application answers it, the API serves it at Route with the view's schema, the SDK calls
// it with client.Query and the CLI offers it as `puhui query <Group> <Name>`.
type Def[V any] struct {
	Path  string // ABCI query path
	Route string // REST GET path; a {name} segment is an argument. Empty: not served.
	Group string // CLI group ("" for top-level commands)
	Name  string // CLI command name
	// Arg is a query's one argument; a query of several declares Args instead, in the order
	// Sep joins them (the route's {name} segments in that order, then its query parameters).
	Arg     Arg
	Args    []Arg
	Summary string
	// OperationID names the REST operation in the OpenAPI document.
	OperationID string
}

// Declared is any query declaration, without its view type.
type Declared interface {
	Info() Info
}

// Info is a declaration's untyped part, for the edges that enumerate queries.
type Info struct {
	Path, Route, Group, Name, Summary, OperationID string
	// Args are the query's arguments in order: its Args, or its one Arg.
	Args []Arg
	View reflect.Type
}

// Info describes the declaration.
func (d Def[V]) Info() Info {
	return Info{Path: d.Path, Route: d.Route, Group: d.Group, Name: d.Name, Summary: d.Summary,
		OperationID: d.OperationID, Args: d.Params(), View: reflect.TypeFor[V]()}
}

// Params lists the query's arguments in order: its Args, or its one Arg (none for ArgNone).
func (d Def[V]) Params() []Arg {
	if len(d.Args) > 0 || d.Arg.Kind == ArgNone {
		return d.Args
	}
	return []Arg{d.Arg}
}

// Split checks an ABCI argument of the query and returns its arguments' values in order.
func (d Def[V]) Split(arg string) ([]string, error) { return Split(d.Params(), arg) }

// Validate checks an ABCI argument of the query before any state is read.
func (d Def[V]) Validate(arg string) error {
	_, err := d.Split(arg)
	return err
}

// Validate checks an ABCI argument of the query before any state is read.
func (in Info) Validate(arg string) error {
	_, err := Split(in.Args, arg)
	return err
}

// check panics on a declaration whose arguments cannot be served as declared: Arg beside
// Args, an optional argument before a required one, a {name} segment of the route that is
// not its path arguments in order.
func (in Info) check(d Declared) {
	fail := func(why string) { panic(fmt.Sprintf("query %s: %s", in.Path, why)) }
	if def, ok := d.(interface{ both() bool }); ok && def.both() {
		fail("declares both Arg and Args")
	}
	var path []string
	for i, a := range in.Args {
		if a.Kind == ArgNone || a.Name == "" {
			fail("an argument without a name or kind")
		}
		if i > 0 && in.Args[i-1].Optional && !a.Optional {
			fail("an optional argument before a required one")
		}
		if !a.InQuery {
			path = append(path, a.Name)
		}
	}
	if in.Route == "" {
		return
	}
	var segs []string
	for _, seg := range strings.Split(in.Route, "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			segs = append(segs, seg[1:len(seg)-1])
		}
	}
	if !slices.Equal(segs, path) {
		fail(fmt.Sprintf("route %s has parameters %v, its path arguments are %v", in.Route, segs, path))
	}
}

func (d Def[V]) both() bool { return len(d.Args) > 0 && d.Arg.Kind != ArgNone }

var declared []Declared

// Declare registers a declaration (at package initialisation) and returns it. Two
// declarations of one path, route, operation or CLI name panic.
func Declare[V any](d Def[V]) Def[V] {
	in := d.Info()
	in.check(d)
	for _, other := range declared {
		o := other.Info()
		if o.Path == in.Path || (in.Route != "" && o.Route == in.Route) ||
			(in.OperationID != "" && o.OperationID == in.OperationID) || (o.Group == in.Group && o.Name == in.Name) {
			panic(fmt.Sprintf("query %s declared twice (clashes with %s)", in.Path, o.Path))
		}
	}
	declared = append(declared, d)
	return d
}

// All lists every declaration, by path.
func All() []Info {
	out := make([]Info, len(declared))
	for i, d := range declared {
		out[i] = d.Info()
	}
	slices.SortFunc(out, func(a, b Info) int { return strings.Compare(a.Path, b.Path) })
	return out
}
