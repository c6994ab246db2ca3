package query

import (
	"encoding/hex"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/puhui-chain/puhui/tx"
)

// ArgKind is what a query's one argument is.
type ArgKind int

// Argument kinds; each has its own check, made before the query reaches the state.
const (
	ArgNone    ArgKind = iota
	ArgAddress         // an account address: 40 lower-case hex
	ArgID              // a decimal id ≥ 1
	ArgCode            // an asset code: 2..12 of A-Z, 0-9 and -
	ArgHash            // a SHA-256 in hex
	ArgText            // free text, at most 200 bytes (composite arguments)
)

// Arg names and types a query's argument.
type Arg struct {
	Name string // the REST path parameter and the CLI's argument name
	Kind ArgKind
	Doc  string
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
	}
	return nil
}

// ID reads an ArgID argument (already validated).
func ID(v string) uint64 {
	n, _ := strconv.ParseUint(v, 10, 64)
	return n
}

// Def declares one read query once: its ABCI path, its argument and its typed view. The
// application answers it, the API serves it at Route with the view's schema, the SDK calls
// it with client.Query and the CLI offers it as `puhui query <Group> <Name>`.
type Def[V any] struct {
	Path    string // ABCI query path
	Route   string // REST GET path; a {name} segment is the argument. Empty: not served.
	Group   string // CLI group ("" for top-level commands)
	Name    string // CLI command name
	Arg     Arg
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
	Arg                                            Arg
	View                                           reflect.Type
}

// Info describes the declaration.
func (d Def[V]) Info() Info {
	return Info{Path: d.Path, Route: d.Route, Group: d.Group, Name: d.Name, Summary: d.Summary,
		OperationID: d.OperationID, Arg: d.Arg, View: reflect.TypeFor[V]()}
}

var declared []Declared

// Declare registers a declaration (at package initialisation) and returns it. Two
// declarations of one path, route, operation or CLI name panic.
func Declare[V any](d Def[V]) Def[V] {
	in := d.Info()
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
