package offering

import (
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
)

// Module is offerings as the application plugs them in, over the bank, the asset rules and
// the registry it is given. Creating an offering: an issuing member that issues the asset
// (the handler checks the asset's issuer), and cancelling it: its issuer. Pledging and
// withdrawing a pledge: any payer but the issuer.
func Module(b Bank, ar AssetRules, r Registry) module.Module {
	Use(b, ar, r)
	return module.Module{
		Name:     "offering",
		Prefixes: [][]byte{core.Key("off", "")},
		Routes: []module.Route{
			module.Handle("create_offering", identity.Issuers, (*txpb.Msg).GetCreateOffering, Create).Validated(basicCreateOffering),
			module.Handle("pledge", identity.Payers, (*txpb.Msg).GetPledge, Pledge).Validated(basicPledge),
			module.Handle("cancel_offering", identity.Issuers, (*txpb.Msg).GetCancelOffering, Cancel).Validated(basicCancelOffering),
			module.Handle("withdraw_pledge", identity.Payers, (*txpb.Msg).GetWithdrawPledge, Withdraw).Validated(basicWithdrawPledge),
		},
		Scheduled:  ScheduledHandlers(),
		Queries:    queries(),
		Invariants: []module.Invariant{{Name: "offering/pledges-holds-allotments", Check: CheckInvariants}},
	}
}
