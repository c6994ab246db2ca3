package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

type productOutput struct{ Body *query.Product }
type productsOutput struct{ Body []query.Product }
type loanOutput struct{ Body *query.Loan }
type borrowerLoansOutput struct{ Body *query.BorrowerLoans }
type portfolioOutput struct{ Body *query.Portfolio }
type groupOutput struct{ Body *query.Group }

// IDInput is a positive decimal id path parameter (products, loans, holds, proposals).
type IDInput struct {
	ID uint64 `path:"id" minimum:"1" doc:"decimal id"`
}

// registerLendingState serves the lending module's read views: products, loans with their
// live schedules, a borrower's loans and history, a lender's portfolio quality. Amounts are
// minor units of the loan's asset, as decimal strings.
func (s *server) registerLendingState(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "list-loan-products", Method: http.MethodGet, Path: "/v1/lending/products",
		Summary: "Loan products, in id order",
	}, func(ctx context.Context, _ *struct{}) (*productsOutput, error) {
		p, err := s.Client.Products(ctx)
		if err != nil {
			return nil, problemOf(err)
		}
		return &productsOutput{Body: p}, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "get-loan-product", Method: http.MethodGet, Path: "/v1/lending/products/{id}",
		Summary:     "One loan product with its terms",
		Description: "An unknown product is a 404 with code lending.unknown_product.",
	}, func(ctx context.Context, in *IDInput) (*productOutput, error) {
		p, err := s.Client.Product(ctx, in.ID)
		if err != nil {
			return nil, problemOf(err)
		}
		return &productOutput{Body: p}, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "get-loan", Method: http.MethodGet, Path: "/v1/lending/loans/{id}",
		Summary:     "A loan with its terms, totals, days past due and live schedule",
		Description: "An unknown loan is a 404 with code lending.unknown_loan.",
	}, func(ctx context.Context, in *IDInput) (*loanOutput, error) {
		l, err := s.Client.Loan(ctx, in.ID)
		if err != nil {
			return nil, problemOf(err)
		}
		return &loanOutput{Body: l}, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "get-borrower-loans", Method: http.MethodGet, Path: "/v1/lending/borrowers/{address}",
		Summary:     "A borrower's loans, outstanding exposure by asset (all lenders) and repayment history",
		Description: "An address that never borrowed answers with no loans, no exposure and an empty history.",
	}, func(ctx context.Context, in *AddressInput) (*borrowerLoansOutput, error) {
		b, err := s.Client.BorrowerLoans(ctx, in.Address)
		if err != nil {
			return nil, problemOf(err)
		}
		return &borrowerLoansOutput{Body: b}, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "get-lender-portfolio", Method: http.MethodGet, Path: "/v1/lending/portfolios/{address}",
		Summary: "A lender's portfolio quality by asset: gross loan portfolio, PAR1/30/60/90, arrears rate, write-offs and recoveries",
	}, func(ctx context.Context, in *AddressInput) (*portfolioOutput, error) {
		p, err := s.Client.Portfolio(ctx, in.Address)
		if err != nil {
			return nil, problemOf(err)
		}
		return &portfolioOutput{Body: p}, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "get-loan-group", Method: http.MethodGet, Path: "/v1/lending/groups/{id}",
		Summary:     "A joint-liability group: members, loans and the fund their guarantees still hold",
		Description: "An unknown group is a 404 with code lending.unknown_group.",
	}, func(ctx context.Context, in *IDInput) (*groupOutput, error) {
		g, err := s.Client.Group(ctx, in.ID)
		if err != nil {
			return nil, problemOf(err)
		}
		return &groupOutput{Body: g}, nil
	})
}
