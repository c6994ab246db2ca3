package insurance

import (
	"strings"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
	"github.com/puhui-chain/puhui/x/scheduler"
)

var (
	insurers = []identity.Role{identity.RoleInsurer}
	// assessorRoles may be named a product's assessor (loss adjusters join as insurers or
	// enterprises); deciders add governance, which decides escalated claims. The handler
	// narrows it to the claim's own insurer, assessor or governance.
	assessorRoles = []identity.Role{identity.RoleInsurer, identity.RoleEnterprise}
	deciders      = append(append([]identity.Role{}, assessorRoles...), module.RoleGovernance)
)

// Module is insurance as the application plugs it in, over the bank, feeds, loans and
// registry it is given. Handlers add the finer rules: the product's insurer only, the
// insured only (or its loan's lender when buying), the claim's decider.
func Module(b Bank, f Feeds, l Loans, r Registry) module.Module {
	Use(b, f, l, r)
	return module.Module{
		Name:     "insurance",
		Prefixes: [][]byte{core.Key("ins", "")},
		Routes: []module.Route{
			module.Handle("register_insurance_product", insurers, (*txpb.Msg).GetRegisterInsuranceProduct, RegisterProduct).Validated(basicRegisterProduct),
			module.Handle("fund_pool", insurers, (*txpb.Msg).GetFundPool, FundPool).Validated(basicFundPool),
			module.Handle("withdraw_pool", insurers, (*txpb.Msg).GetWithdrawPool, WithdrawPool).Validated(basicWithdrawPool),
			module.Handle("buy_policy", identity.Payers, (*txpb.Msg).GetBuyPolicy, BuyPolicy).Validated(basicBuyPolicy),
			module.Handle("file_claim", identity.Payers, (*txpb.Msg).GetFileClaim, FileClaim).Validated(basicFileClaim),
			module.Handle("decide_claim", deciders, (*txpb.Msg).GetDecideClaim, DecideClaim).Validated(basicDecideClaim),
			module.Handle("dispute_settlement", identity.Payers, (*txpb.Msg).GetDisputeSettlement, DisputeSettlement).Validated(basicDisputeSettlement),
			module.Handle("resolve_dispute", insurers, (*txpb.Msg).GetResolveDispute, ResolveDispute).Validated(basicResolveDispute),
		},
		Scheduled:  map[string]scheduler.Handler{settleKind: settlePolicy, expireKind: expirePolicy, claimDueKind: escalateClaim},
		Queries:    queries(),
		Invariants: []module.Invariant{{Name: "insurance/pools-and-policies", Check: CheckInvariants}},
		EndBlock:   EndBlock,
	}
}

func queries() []module.Query {
	return []module.Query{
		module.Answer(query.ListInsuranceProducts, func(q module.QueryContext, _ string) ([]query.InsuranceProduct, error) {
			return mapViews(ListProducts(q.State), productView), nil
		}),
		module.Answer(query.GetInsuranceProduct, func(q module.QueryContext, arg string) (query.InsuranceProduct, error) {
			rec, ok := GetProduct(q.State, query.ID(arg))
			if !ok {
				return query.InsuranceProduct{}, ErrUnknownProduct.Wrapf("product %s", arg)
			}
			return productView(rec), nil
		}),
		module.Answer(query.ListPools, func(q module.QueryContext, addr string) ([]query.Pool, error) {
			return mapViews(PoolsOf(q.State, addr), poolView), nil
		}),
		module.Answer(query.GetPool, func(q module.QueryContext, arg string) (query.Pool, error) {
			insurer, asset, _ := strings.Cut(arg, "/")
			if err := tx.ValidateAddress("insurer", insurer); err != nil {
				return query.Pool{}, err
			}
			return poolView(GetPool(q.State, insurer, asset)), nil
		}),
		module.Answer(query.GetPolicy, func(q module.QueryContext, arg string) (query.Policy, error) {
			p, ok := GetPolicy(q.State, query.ID(arg))
			if !ok {
				return query.Policy{}, ErrUnknownPolicy.Wrapf("policy %s", arg)
			}
			return policyView(p), nil
		}),
		module.Answer(query.ListPoliciesOf, func(q module.QueryContext, addr string) ([]query.Policy, error) {
			return mapViews(PoliciesOf(q.State, addr), policyView), nil
		}),
		module.Answer(query.GetClaim, func(q module.QueryContext, arg string) (query.Claim, error) {
			c, ok := GetClaim(q.State, query.ID(arg))
			if !ok {
				return query.Claim{}, ErrUnknownClaim.Wrapf("claim %s", arg)
			}
			return claimView(q.State, c), nil
		}),
	}
}
