package escrow

import (
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
)

// Module is escrow, swaps and HTLCs as the application plugs them in. Every message is open
// to any payer; the handlers add who of the parties may act (payer, payee, arbiter,
// counterparty, receiver, sender).
func Module(b Bank, r Registry) module.Module {
	Use(b, r)
	payers := identity.Payers
	return module.Module{
		Name:     "escrow",
		Prefixes: [][]byte{core.Key("esc", "")},
		Routes: []module.Route{
			module.Handle("create_escrow", payers, (*txpb.Msg).GetCreateEscrow, Create).Validated(basicCreateEscrow),
			module.Handle("release_escrow", payers, (*txpb.Msg).GetReleaseEscrow, Release).Validated(basicReleaseEscrow),
			module.Handle("refund_escrow", payers, (*txpb.Msg).GetRefundEscrow, Refund).Validated(basicRefundEscrow),
			module.Handle("propose_swap", payers, (*txpb.Msg).GetProposeSwap, ProposeSwap).Validated(basicProposeSwap),
			module.Handle("accept_swap", payers, (*txpb.Msg).GetAcceptSwap, AcceptSwap).Validated(basicAcceptSwap),
			module.Handle("cancel_swap", payers, (*txpb.Msg).GetCancelSwap, CancelSwap).Validated(basicCancelSwap),
			module.Handle("lock_htlc", payers, (*txpb.Msg).GetLockHtlc, LockHtlc).Validated(basicLockHtlc),
			module.Handle("claim_htlc", payers, (*txpb.Msg).GetClaimHtlc, ClaimHtlc).Validated(basicClaimHtlc),
			module.Handle("reclaim_htlc", payers, (*txpb.Msg).GetReclaimHtlc, ReclaimHtlc).Validated(basicReclaimHtlc),
		},
		Scheduled:  ScheduledHandlers(),
		Queries:    queries(),
		Invariants: []module.Invariant{{Name: "escrow/holds-while-open", Check: CheckInvariants}},
	}
}
