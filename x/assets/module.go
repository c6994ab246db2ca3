package assets

import (
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
)

// keeper carries the module's narrow view of the ledger.
type keeper struct{ bank Bank }

// Module is x/assets as the application plugs it in; its Hook must also be in ledger.Use.
// Every message after registration is the asset's issuer's (the handlers check it).
func Module(bank Bank) module.Module {
	k := keeper{bank: bank}
	iss := identity.Issuers
	return module.Module{
		Name:     "assets",
		Prefixes: [][]byte{core.Key("as", "")},
		Routes: []module.Route{
			module.Handle("register_ruled_asset", iss, (*txpb.Msg).GetRegisterRuledAsset, k.RegisterRuled).Validated(basicRegisterRuled),
			module.Handle("tighten_asset_rules", iss, (*txpb.Msg).GetTightenAssetRules, k.Tighten).Validated(basicTighten),
			module.Handle("set_asset_paused", iss, (*txpb.Msg).GetSetAssetPaused, SetPaused).Validated(basicPaused),
			module.Handle("set_asset_freeze", iss, (*txpb.Msg).GetSetAssetFreeze, SetFreeze).Validated(basicFreeze),
			module.Handle("approve_asset_transfer", iss, (*txpb.Msg).GetApproveAssetTransfer, ApproveTransfer).Validated(basicApprove),
			module.Handle("set_asset_allow_list", iss, (*txpb.Msg).GetSetAssetAllowList, SetAllowList).Validated(basicAllowList),
			module.Handle("force_asset_transfer", iss, (*txpb.Msg).GetForceAssetTransfer, k.ForceTransfer).Validated(basicForce),
			module.Handle("recover_asset_balance", iss, (*txpb.Msg).GetRecoverAssetBalance, k.Recover).Validated(basicRecover),
			module.Handle("clawback_asset", iss, (*txpb.Msg).GetClawbackAsset, k.Clawback).Validated(basicClawback),
			module.Handle("create_distribution", iss, (*txpb.Msg).GetCreateDistribution, k.CreateDistribution).Validated(basicDistribution),
		},
		Queries: []module.Query{
			module.Answer(query.GetAssetRules, func(q module.QueryContext, code string) (query.AssetRules, error) {
				a, err := ruledOrError(q.State, code)
				if err != nil {
					return query.AssetRules{}, err
				}
				return RulesView(a), nil
			}),
			module.Answer(query.ListRuledAssets, func(q module.QueryContext, after string) (query.RuledAssets, error) {
				return RuledPage(q.State, after), nil
			}),
			module.Answer(query.ListAssetHolders, func(q module.QueryContext, arg string) (query.AssetHolders, error) {
				return HoldersPage(q.State, arg)
			}),
			module.Answer(query.GetAssetAccount, func(q module.QueryContext, arg string) (query.AssetAccount, error) {
				return AccountView(q.State, arg, q.Now)
			}),
			module.Answer(query.GetDistribution, func(q module.QueryContext, arg string) (query.Distribution, error) {
				d, ok := GetDistribution(q.State, query.ID(arg))
				if !ok {
					return query.Distribution{}, ErrUnknownDist.Wrapf("distribution %s", arg)
				}
				return DistributionView(d), nil
			}),
			module.Answer(query.ListDistributionPayouts, func(q module.QueryContext, arg string) (query.DistributionPayouts, error) {
				return PayoutsPage(q.State, arg)
			}),
		},
		Invariants: []module.Invariant{{Name: "assets/holders-limits-distributions", Check: CheckInvariants}},
		EndBlock:   k.EndBlock,
	}
}
