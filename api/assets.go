package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

type distQuoteInput struct {
	Body query.DistributionQuoteRequest
}

type distQuoteOutput struct{ Body *query.DistributionQuote }

// registerAssets serves issued assets and distributions: the declared views (the paged ones
// take their cursor as ?after=) and the offline distribution quote.
func (s *server) registerAssets(api huma.API) {
	serveQuery(api, s, query.ListRuledAssets)
	serveQuery(api, s, query.GetAssetRules)
	serveQuery(api, s, query.GetDistribution)
	serveQuery(api, s, query.ListAssetHolders)
	serveQuery(api, s, query.GetAssetAccount)
	serveQuery(api, s, query.ListDistributionPayouts)
	huma.Register(api, huma.Operation{
		OperationID: "distribution-quote", Method: http.MethodPost, Path: "/v1/distributions/quote",
		Summary:     "Compute a distribution's payouts by largest remainder for given holdings; changes nothing",
		Description: "Amounts and balances in minor units. Σ payouts = amount; ties go to the larger holding, then the lower holder. A bad request is a 422 with code assets.bad_distribution.",
	}, func(ctx context.Context, in *distQuoteInput) (*distQuoteOutput, error) {
		q, err := s.Client.DistributionQuote(ctx, in.Body)
		if err != nil {
			return nil, problemOf(err)
		}
		return &distQuoteOutput{Body: q}, nil
	})
}
