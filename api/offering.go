package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
)

type offeringQuoteInput struct {
	Body query.OfferingQuoteRequest
}

type offeringQuoteOutput struct{ Body *query.OfferingQuote }

// registerOffering serves offerings: the pledge quote (a computation the node answers
// without reading state) and the module's read views, each as declared.
func (s *server) registerOffering(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "offering-quote", Method: http.MethodPost, Path: "/v1/offerings/quote",
		Summary: "Price a pledge: units → cost held, platform fee, the issuer's part",
		Description: "cost = units × price ÷ 10^scale, exact (an inexact cost is refused with offering.inexact_cost); " +
			"fee = cost × fee_bps ÷ 10,000 rounded down. Changes nothing.",
	}, func(ctx context.Context, in *offeringQuoteInput) (*offeringQuoteOutput, error) {
		q, err := s.Client.OfferingQuote(ctx, in.Body)
		if err != nil {
			return nil, problemOf(err)
		}
		return &offeringQuoteOutput{Body: q}, nil
	})
	serveQuery(api, s, query.GetOffering)
	servePaged(api, s, query.ListOfferingPledges, func(in *pledgesInput) string {
		return withAfter(strconv.FormatUint(in.ID, 10), in.After)
	})
}

// registerEscrow serves escrows, swaps and HTLCs, each as declared.
func (s *server) registerEscrow(api huma.API) {
	serveQuery(api, s, query.GetEscrow)
	serveQuery(api, s, query.GetSwap)
	serveQuery(api, s, query.GetHtlc)
	servePaged(api, s, query.ListAccountEscrows, func(in *accountEscrowsInput) string { return withAfter(in.Address, in.After) })
}

type pledgesInput struct {
	ID    uint64 `path:"id" minimum:"1" doc:"offering id"`
	After string `query:"after" maxLength:"40" doc:"continue after this investor (the page's next, after its @)"`
}

type accountEscrowsInput struct {
	Address string `path:"address" minLength:"40" maxLength:"40" pattern:"^[0-9a-f]{40}$" doc:"account address (40 lower-case hex)"`
	After   string `query:"after" maxLength:"24" doc:"continue after this record (the page's next, after its @)"`
}

// withAfter joins a listing's argument and its continuation as the declaration reads them.
func withAfter(arg, after string) string {
	if after == "" {
		return arg
	}
	return arg + "@" + after
}

// servePaged serves a declared paged listing at its route: the path names the object, a
// query parameter carries the continuation.
func servePaged[V, I any](api huma.API, s *server, d query.Def[V], arg func(*I) string) {
	op := huma.Operation{OperationID: d.OperationID, Method: http.MethodGet, Path: d.Route, Summary: d.Summary}
	huma.Register(api, op, func(ctx context.Context, in *I) (*viewOutput[V], error) {
		v, err := client.Query(ctx, s.Client, d, arg(in))
		if err != nil {
			return nil, problemOf(err)
		}
		return &viewOutput[V]{Body: v}, nil
	})
}
