package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

type scfQuoteInput struct {
	Body query.ScfQuoteRequest
}

type scfQuoteOutput struct{ Body *query.ScfQuote }

// registerSCF serves supply-chain finance: the discount quote (a computation the node
// answers without reading state) and the module's read views, each as declared.
func (s *server) registerSCF(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "scf-quote", Method: http.MethodPost, Path: "/v1/scf/quote",
		Summary: "Price a receivable certificate's discount: days, interest, proceeds",
		Description: "face × annual rate × days ÷ basis (360 by default, 365 if named); days from start_date to " +
			"maturity_date counting the first and not the last; interest rounded half-even to the face's decimals. " +
			"Changes nothing. A bad request is a 422 with code scf.bad_rate or scf.matured.",
	}, func(ctx context.Context, in *scfQuoteInput) (*scfQuoteOutput, error) {
		q, err := s.Client.QuoteDiscount(ctx, in.Body)
		if err != nil {
			return nil, problemOf(err)
		}
		return &scfQuoteOutput{Body: q}, nil
	})
	serveQuery(api, s, query.GetScfParams)
	serveQuery(api, s, query.GetScfLine)
	serveQuery(api, s, query.GetScfEnterprise)
	serveQuery(api, s, query.GetScfDocument)
	serveQuery(api, s, query.GetScfCertificate)
	serveQuery(api, s, query.GetScfHolder)
	serveQuery(api, s, query.GetScfIssued)
	serveQuery(api, s, query.GetScfBook)
	serveQuery(api, s, query.GetScfGraph)
}
