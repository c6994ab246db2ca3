package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
)

type holdersInput struct {
	Code  string `path:"code" minLength:"2" maxLength:"12" doc:"asset code"`
	After string `query:"after" doc:"page after this address (the previous page's last)"`
}

type assetAccountInput struct {
	Code    string `path:"code" minLength:"2" maxLength:"12" doc:"asset code"`
	Address string `path:"address" minLength:"40" maxLength:"40" pattern:"^[0-9a-f]{40}$" doc:"account address"`
}

type payoutsInput struct {
	ID    uint64 `path:"id" minimum:"1" doc:"distribution id"`
	After string `query:"after" doc:"page after this holder address"`
}

type distQuoteInput struct {
	Body query.DistributionQuoteRequest
}

type distQuoteOutput struct{ Body *query.DistributionQuote }

// registerAssets serves issued assets and distributions: the declared views, the paged ones
// (the page's cursor as a query parameter) and the offline distribution quote.
func (s *server) registerAssets(api huma.API) {
	serveQuery(api, s, query.GetAssetRules)
	serveQuery(api, s, query.GetDistribution)
	huma.Register(api, huma.Operation{OperationID: "list-asset-holders", Method: http.MethodGet, Path: "/v1/assets/{code}/holders",
		Summary: query.ListAssetHolders.Summary + "; next is the after of the next page"},
		func(ctx context.Context, in *holdersInput) (*viewOutput[query.AssetHolders], error) {
			arg := in.Code
			if in.After != "" {
				arg += "/" + in.After
			}
			return viewOf(client.Query(ctx, s.Client, query.ListAssetHolders, arg))
		})
	huma.Register(api, huma.Operation{OperationID: "get-asset-account", Method: http.MethodGet, Path: "/v1/assets/{code}/accounts/{address}",
		Summary: query.GetAssetAccount.Summary},
		func(ctx context.Context, in *assetAccountInput) (*viewOutput[query.AssetAccount], error) {
			return viewOf(client.Query(ctx, s.Client, query.GetAssetAccount, in.Code+"/"+in.Address))
		})
	huma.Register(api, huma.Operation{OperationID: "list-distribution-payouts", Method: http.MethodGet, Path: "/v1/distributions/{id}/payouts",
		Summary: query.ListDistributionPayouts.Summary},
		func(ctx context.Context, in *payoutsInput) (*viewOutput[query.DistributionPayouts], error) {
			arg := strconv.FormatUint(in.ID, 10)
			if in.After != "" {
				arg += "/" + in.After
			}
			return viewOf(client.Query(ctx, s.Client, query.ListDistributionPayouts, arg))
		})
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

func viewOf[V any](v V, err error) (*viewOutput[V], error) {
	if err != nil {
		return nil, problemOf(err)
	}
	return &viewOutput[V]{Body: v}, nil
}
