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

// CodeInput is an asset code path parameter.
type CodeInput struct {
	Code string `path:"code" minLength:"2" maxLength:"12" doc:"asset code"`
}

// serveQuery serves a declared query at its REST route: the operation, its argument and its
// typed response schema all come from the declaration.
func serveQuery[V any](api huma.API, s *server, d query.Def[V]) {
	op := huma.Operation{OperationID: d.OperationID, Method: http.MethodGet, Path: d.Route, Summary: d.Summary}
	answer := func(ctx context.Context, arg string) (*viewOutput[V], error) {
		v, err := client.Query(ctx, s.Client, d, arg)
		if err != nil {
			return nil, problemOf(err)
		}
		return &viewOutput[V]{Body: v}, nil
	}
	switch d.Arg.Kind {
	case query.ArgNone:
		huma.Register(api, op, func(ctx context.Context, _ *struct{}) (*viewOutput[V], error) { return answer(ctx, "") })
	case query.ArgAddress:
		huma.Register(api, op, func(ctx context.Context, in *AddressInput) (*viewOutput[V], error) { return answer(ctx, in.Address) })
	case query.ArgID:
		huma.Register(api, op, func(ctx context.Context, in *IDInput) (*viewOutput[V], error) {
			return answer(ctx, strconv.FormatUint(in.ID, 10))
		})
	case query.ArgCode:
		huma.Register(api, op, func(ctx context.Context, in *CodeInput) (*viewOutput[V], error) { return answer(ctx, in.Code) })
	case query.ArgHash:
		huma.Register(api, op, func(ctx context.Context, in *HashInput) (*viewOutput[V], error) { return answer(ctx, in.Hash) })
	default:
		panic("api: no REST argument for query " + d.Path)
	}
}
