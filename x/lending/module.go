package lending

import (
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
)

// Module is lending as the application plugs it in, over the bank, registry and credit
// bureau it is given.
func Module(b Bank, r Registry, c CreditBureau, i Insurer) module.Module {
	Use(b, r, c, i)
	return module.Module{
		Name:     "lending",
		Prefixes: [][]byte{core.Key("lend", "")},
		// Handlers add "the product's lender only" for decisions, disbursement and write-off;
		// anyone who holds money may repay a loan on the borrower's behalf.
		Routes: []module.Route{
			module.Handle("register_product", identity.Lenders, (*txpb.Msg).GetRegisterProduct, RegisterProduct).Validated(basicRegisterProduct),
			module.Handle("apply_loan", identity.Borrowers, (*txpb.Msg).GetApplyLoan, Apply).Validated(basicApplyLoan),
			module.Handle("decide_loan", identity.Lenders, (*txpb.Msg).GetDecideLoan, Decide).Validated(basicDecideLoan),
			module.Handle("disburse_loan", identity.Lenders, (*txpb.Msg).GetDisburseLoan, Disburse).Validated(basicDisburseLoan),
			module.Handle("repay_loan", identity.Payers, (*txpb.Msg).GetRepayLoan, Repay).Validated(basicRepayLoan),
			module.Handle("write_off_loan", identity.Lenders, (*txpb.Msg).GetWriteOffLoan, WriteOff).Validated(basicWriteOffLoan),
			module.Handle("fund_loan", identity.Payers, (*txpb.Msg).GetFundLoan, Fund).Validated(basicFundLoan),
			module.Handle("create_group", identity.Lenders, (*txpb.Msg).GetCreateGroup, CreateGroup).Validated(basicCreateGroup),
			module.Handle("set_delinquency_buckets", identity.Regulators, (*txpb.Msg).GetSetDelinquencyBuckets, SetBuckets).Validated(basicSetDelinquencyBuckets),
		},
		Scheduled: ScheduledHandlers(),
		Queries: []module.Query{
			module.Answer(query.GetProduct, func(q module.QueryContext, arg string) (query.Product, error) {
				p, ok := GetProduct(q.State, query.ID(arg))
				if !ok {
					return query.Product{}, ErrUnknownProduct.Wrapf("product %s", arg)
				}
				return productView(p), nil
			}),
			module.Answer(query.ListProducts, func(q module.QueryContext, _ string) ([]query.Product, error) {
				out := []query.Product{}
				for _, p := range ListProducts(q.State) {
					out = append(out, productView(p))
				}
				return out, nil
			}),
			module.Answer(query.GetLoan, func(q module.QueryContext, arg string) (query.Loan, error) {
				l, ok := GetLoan(q.State, query.ID(arg))
				if !ok {
					return query.Loan{}, ErrUnknownLoan.Wrapf("loan %s", arg)
				}
				return loanView(q.State, l, q.Now), nil
			}),
			module.Answer(query.GetGroup, func(q module.QueryContext, arg string) (query.Group, error) {
				g, ok := GetGroup(q.State, query.ID(arg))
				if !ok {
					return query.Group{}, ErrUnknownGroup.Wrapf("group %s", arg)
				}
				return groupView(q.State, g), nil
			}),
			module.Answer(query.GetBorrowerLoans, func(q module.QueryContext, addr string) (query.BorrowerLoans, error) {
				return borrowerView(q.State, addr, q.Now), nil
			}),
			module.Answer(query.GetLenderLoans, func(q module.QueryContext, addr string) (query.LenderLoans, error) {
				return lenderLoansView(q.State, addr, q.Now), nil
			}),
			module.Answer(query.GetPortfolioHistory, func(q module.QueryContext, addr string) (query.PortfolioHistory, error) {
				return portfolioHistoryView(q.State, addr), nil
			}),
			module.Answer(query.GetPortfolio, func(q module.QueryContext, addr string) (query.Portfolio, error) {
				return portfolioView(q.State, addr, q.Now), nil
			}),
		},
		EndBlock:   recordHistory,
		Invariants: []module.Invariant{{Name: "lending/loans-and-books", Check: CheckInvariants}},
	}
}
