package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

type quoteInput struct {
	Body query.QuoteRequest
}

type quoteOutput struct{ Body *query.InsuranceQuote }

// registerInsurance serves the insurance module's views, each as its declaration says, and
// the parametric quote: a pure computation by the rule settlement uses, which the node
// answers as a query.
func (s *server) registerInsurance(api huma.API) {
	serveQuery(api, s, query.ListInsuranceProducts)
	serveQuery(api, s, query.GetInsuranceProduct)
	serveQuery(api, s, query.ListPools)
	serveQuery(api, s, query.GetPolicy)
	serveQuery(api, s, query.ListPoliciesOf)
	serveQuery(api, s, query.GetClaim)
	huma.Register(api, huma.Operation{
		OperationID: "insurance-quote", Method: http.MethodPost, Path: "/v1/insurance/quote",
		Summary:     "Quote a parametric payout: sum insured × the linear fraction between trigger and exit, rounded once",
		Description: "Decimals are strings. An invalid request is a 422 whose errors name the field.",
	}, func(ctx context.Context, in *quoteInput) (*quoteOutput, error) {
		p, err := s.Client.InsuranceQuote(ctx, in.Body)
		switch {
		case err != nil:
			return nil, problemOf(err)
		case p.Invalid != nil:
			fe := p.Invalid
			return nil, &Problem{Status: http.StatusUnprocessableEntity, Title: "Invalid quote request",
				Code: "insurance.invalid_request", Detail: fe.Error(),
				Errors: []*huma.ErrorDetail{{Location: "body." + fe.Field, Message: fe.Reason}}}
		case p.Quote == nil:
			return nil, &Problem{Status: http.StatusInternalServerError, Code: "api.internal", Detail: "the node answered no quote"}
		}
		return &quoteOutput{Body: p.Quote}, nil
	})
}
