package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
)

type viewOutput[V any] struct{ Body V }

// argsKey is where a declared operation keeps its declaration's arguments (huma's operation
// metadata), for declaredInput to read them.
const argsKey = "puhui.query.args"

// declaredInput is the input of every declared query: its arguments, read and checked as
// the declaration lists them (path segments, then query parameters), joined into the one
// ABCI argument. huma knows no parameter of it: the operation documents them (paramsOf).
type declaredInput struct {
	values []string // in declared order; "" for an optional one left out
}

// Resolve reads the operation's declared arguments from the request; a bad one is a 422
// naming it, as huma's own parameter checks are.
func (in *declaredInput) Resolve(ctx huma.Context) []error {
	args, _ := ctx.Operation().Metadata[argsKey].([]query.Arg)
	values := make([]string, len(args))
	var errs []error
	for i, a := range args {
		where, v := "path", ctx.Param(a.Name)
		if a.InQuery {
			where, v = "query", ctx.Query(a.Name)
		}
		switch {
		case v == "" && a.Optional:
		case v == "":
			errs = append(errs, &huma.ErrorDetail{Location: where + "." + a.Name, Message: "required " + where + " parameter is missing"})
		default:
			if err := a.Validate(v); err != nil {
				errs = append(errs, &huma.ErrorDetail{Location: where + "." + a.Name, Message: err.Error(), Value: v})
			}
			values[i] = canonical(a, v)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	if _, err := query.Compose(args, values...); err != nil {
		return []error{&huma.ErrorDetail{Message: err.Error()}}
	}
	in.values = values
	return nil
}

// canonical writes a number as the chain does (a path's "007" is id 7).
func canonical(a query.Arg, v string) string {
	if a.Kind == query.ArgID || a.Kind == query.ArgTime {
		if n, err := strconv.ParseUint(v, 10, 64); err == nil {
			return strconv.FormatUint(n, 10)
		}
	}
	return v
}

// serveQuery serves a declared query at its REST route: the operation, its arguments (path
// parameters, then query parameters such as a page's after) and its typed response schema
// all come from the declaration.
func serveQuery[V any](api huma.API, s *server, d query.Def[V]) {
	args := d.Params()
	op := huma.Operation{OperationID: d.OperationID, Method: http.MethodGet, Path: d.Route, Summary: d.Summary,
		Parameters: paramsOf(args), Metadata: map[string]any{argsKey: args}}
	huma.Register(api, op, func(ctx context.Context, in *declaredInput) (*viewOutput[V], error) {
		v, err := client.Query(ctx, s.Client, d, in.values...)
		if err != nil {
			return nil, problemOf(err)
		}
		return &viewOutput[V]{Body: v}, nil
	})
}

// paramsOf documents declared arguments as OpenAPI parameters, each typed by its kind.
func paramsOf(args []query.Arg) []*huma.Param {
	out := make([]*huma.Param, 0, len(args))
	for _, a := range args {
		in := "path"
		if a.InQuery {
			in = "query"
		}
		schema := schemaOf(a.Kind)
		schema.Description = a.Doc
		if a.Pattern != "" {
			schema.Pattern = a.Pattern
		}
		out = append(out, &huma.Param{Name: a.Name, In: in, Description: a.Doc, Required: !a.Optional, Schema: schema})
	}
	return out
}

// schemaOf is the schema of an argument of a kind: the checks query.Arg.Validate makes.
func schemaOf(k query.ArgKind) *huma.Schema {
	length := func(n int) *int { return &n }
	minimum := func(n float64) *float64 { return &n }
	switch k {
	case query.ArgAddress:
		return &huma.Schema{Type: huma.TypeString, MinLength: length(40), MaxLength: length(40), Pattern: "^[0-9a-f]{40}$"}
	case query.ArgID:
		return &huma.Schema{Type: huma.TypeInteger, Format: "int64", Minimum: minimum(1)}
	case query.ArgTime:
		return &huma.Schema{Type: huma.TypeInteger, Format: "int64", Minimum: minimum(0)}
	case query.ArgCode:
		return &huma.Schema{Type: huma.TypeString, MinLength: length(2), MaxLength: length(12), Pattern: "^[A-Z0-9-]+$"}
	case query.ArgHash:
		return &huma.Schema{Type: huma.TypeString, MinLength: length(64), MaxLength: length(64), Pattern: "^[0-9a-fA-F]{64}$"}
	default:
		return &huma.Schema{Type: huma.TypeString, MinLength: length(1), MaxLength: length(200)}
	}
}
