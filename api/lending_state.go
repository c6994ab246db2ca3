package api

import (
	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

// registerLendingState serves lending's read views (products, loans, borrowers, lender
// portfolios, groups), each as its declaration says. An unknown product, loan or group is a
// 404 with its module's code.
func (s *server) registerLendingState(api huma.API) {
	serveQuery(api, s, query.ListProducts)
	serveQuery(api, s, query.GetProduct)
	serveQuery(api, s, query.GetLoan)
	serveQuery(api, s, query.GetBorrowerLoans)
	serveQuery(api, s, query.GetPortfolio)
	serveQuery(api, s, query.GetLenderLoans)
	serveQuery(api, s, query.GetPortfolioHistory)
	serveQuery(api, s, query.GetGroup)
}
