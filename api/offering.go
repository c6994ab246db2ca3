package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

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
	serveQuery(api, s, query.ListOfferingPledges)
}

// registerEscrow serves escrows, swaps and HTLCs, each as declared.
func (s *server) registerEscrow(api huma.API) {
	serveQuery(api, s, query.GetEscrow)
	serveQuery(api, s, query.GetSwap)
	serveQuery(api, s, query.GetHtlc)
	serveQuery(api, s, query.ListAccountEscrows)
}
