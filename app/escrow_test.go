package app_test

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/escrow"
	"github.com/puhui-chain/puhui/x/ledger"
)

// escrowOf creates an escrow of 1,000.00 CNY from inv1 to inv2 and returns its id.
func (w *marketWorld) escrowOf(t *testing.T, m *txpb.MsgCreateEscrow) uint64 {
	t.Helper()
	m.Payee, m.Asset, m.Amount = w.inv2.Address, "CNY", 1_000_00
	if m.RefundAt == 0 {
		m.RefundAt = w.now() + 7*86400
	}
	res := w.c.MustExec(t, w.inv1.Sign(tx.Wrap(m)))
	w.check(t)
	return attrID(t, res.Events, "escrow.created", "escrow_id")
}

func (w *marketWorld) escrowStatus(t *testing.T, id uint64) string {
	t.Helper()
	e, ok := escrow.GetEscrow(w.c.State(), id)
	require.True(t, ok)
	return e.Status
}

func requireCode(t *testing.T, want *tx.Error, r interface {
	GetCode() uint32
	GetCodespace() string
	GetLog() string
}) {
	t.Helper()
	require.Equal(t, want.Codespace, r.GetCodespace(), r.GetLog())
	require.Equal(t, want.Code, r.GetCode(), r.GetLog())
}

func TestEscrowReleasedAtItsTime(t *testing.T) {
	w := newMarketWorld(t)
	id := w.escrowOf(t, &txpb.MsgCreateEscrow{ReleaseAt: w.now() + 3600})
	require.Equal(t, int64(investorCash-1_000_00), w.cash(w.inv1))
	require.Equal(t, int64(1_000_00), ledger.HeldOf(w.c.State(), w.inv1.Address, "CNY"))
	r := w.c.Exec(w.inv2.Sign(tx.Wrap(&txpb.MsgReleaseEscrow{EscrowId: id})))
	requireCode(t, escrow.ErrNotYet, r)
	w.after(t, time.Hour) // the scheduler releases it
	require.Equal(t, escrow.StatusReleased, w.escrowStatus(t, id))
	require.Equal(t, int64(investorCash+1_000_00), w.cash(w.inv2))
	require.Equal(t, int64(investorCash-1_000_00), w.cash(w.inv1))
	r = w.c.Exec(w.inv1.Sign(tx.Wrap(&txpb.MsgRefundEscrow{EscrowId: id})))
	requireCode(t, escrow.ErrNotOpen, r)
}

func TestEscrowRefundedAtItsRefundTime(t *testing.T) {
	w := newMarketWorld(t)
	id := w.escrowOf(t, &txpb.MsgCreateEscrow{Arbiter: w.platform.Address, RefundAt: w.now() + 86400})
	r := w.c.Exec(w.inv1.Sign(tx.Wrap(&txpb.MsgRefundEscrow{EscrowId: id})))
	requireCode(t, escrow.ErrNotYet, r) // the payer waits for the refund time
	r = w.c.Exec(w.inv2.Sign(tx.Wrap(&txpb.MsgReleaseEscrow{EscrowId: id})))
	requireCode(t, escrow.ErrNotAuthorised, r) // the arbiter releases, not the payee
	w.after(t, 24*time.Hour)
	require.Equal(t, escrow.StatusRefunded, w.escrowStatus(t, id))
	require.Equal(t, int64(investorCash), w.cash(w.inv1))
	require.Equal(t, int64(investorCash), w.cash(w.inv2))
}

func TestEscrowArbiterDecidesBothWays(t *testing.T) {
	w := newMarketWorld(t)
	paid := w.escrowOf(t, &txpb.MsgCreateEscrow{Arbiter: w.platform.Address})
	w.c.MustExec(t, w.platform.Sign(tx.Wrap(&txpb.MsgReleaseEscrow{EscrowId: paid})))
	require.Equal(t, escrow.StatusReleased, w.escrowStatus(t, paid))
	require.Equal(t, int64(investorCash+1_000_00), w.cash(w.inv2))
	back := w.escrowOf(t, &txpb.MsgCreateEscrow{Arbiter: w.platform.Address})
	w.c.MustExec(t, w.platform.Sign(tx.Wrap(&txpb.MsgRefundEscrow{EscrowId: back})))
	require.Equal(t, escrow.StatusRefunded, w.escrowStatus(t, back))
	require.Equal(t, int64(investorCash-1_000_00), w.cash(w.inv1)) // only the first paid
	w.check(t)
}

// A condition over on-chain facts: the payee is paid once inv3 holds at least 5,000.00 CNY.
func TestEscrowConditionReleasesWhenTrue(t *testing.T) {
	w := newMarketWorld(t)
	id := w.escrowOf(t, &txpb.MsgCreateEscrow{Condition: "watched_balance >= 100500000 && amount == 100000",
		WatchAccount: w.inv3.Address, WatchAsset: "CNY"})
	r := w.c.Exec(w.inv2.Sign(tx.Wrap(&txpb.MsgReleaseEscrow{EscrowId: id})))
	requireCode(t, escrow.ErrConditionFalse, r)
	w.c.MustExec(t, w.bank.Sign(apptest.Mint("CNY", w.inv3.Address, 5_000_00)))
	w.c.MustExec(t, w.inv2.Sign(tx.Wrap(&txpb.MsgReleaseEscrow{EscrowId: id})))
	require.Equal(t, escrow.StatusReleased, w.escrowStatus(t, id))
	require.Equal(t, int64(investorCash+1_000_00), w.cash(w.inv2))
	w.check(t)
}

func TestEscrowRefusesBadTermsAndChangesNothing(t *testing.T) {
	w := newMarketWorld(t)
	base := func() *txpb.MsgCreateEscrow {
		return &txpb.MsgCreateEscrow{Payee: w.inv2.Address, Asset: "CNY", Amount: 1_000_00, RefundAt: w.now() + 86400}
	}
	with := func(f func(m *txpb.MsgCreateEscrow)) *txpb.Msg { m := base(); f(m); return tx.Wrap(m) }
	cases := []struct {
		name string
		msg  *txpb.Msg
		want *tx.Error
	}{
		{"no release condition", with(func(m *txpb.MsgCreateEscrow) {}), escrow.ErrBadEscrow},
		{"two release conditions", with(func(m *txpb.MsgCreateEscrow) { m.ReleaseAt, m.Arbiter = w.now()+60, w.platform.Address }), escrow.ErrBadEscrow},
		{"a condition that is not a bool", with(func(m *txpb.MsgCreateEscrow) { m.Condition = "now + 1" }), escrow.ErrBadCondition},
		{"a condition on an unknown fact", with(func(m *txpb.MsgCreateEscrow) { m.Condition = "secret > 1" }), escrow.ErrBadCondition},
		{"a refund time in the past", with(func(m *txpb.MsgCreateEscrow) { m.Arbiter, m.RefundAt = w.platform.Address, w.now()-1 }), escrow.ErrBadEscrow},
		{"the payer as payee", with(func(m *txpb.MsgCreateEscrow) { m.Arbiter, m.Payee = w.platform.Address, w.inv1.Address }), escrow.ErrSelfCounterpart},
		{"more than the payer has", with(func(m *txpb.MsgCreateEscrow) { m.Arbiter, m.Amount = w.platform.Address, investorCash+1 }), ledger.ErrInsufficientFunds},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := dump(w.c.State())
			r := w.c.Exec(w.inv1.Sign(tc.msg))
			requireCode(t, tc.want, r)
			require.Equal(t, refusedKeys(r, w.inv1, tc.msg), changedKeys(before, dump(w.c.State())), r.Log)
		})
	}
}

// proposeSwap: inv1 (CNY) offers 7,100.00 CNY for 1,000.00 USD from usdBnk's customer inv2.
func (w *marketWorld) proposeSwap(t *testing.T) uint64 {
	t.Helper()
	w.c.MustExec(t, w.usdBnk.Sign(apptest.RegisterAsset("USD", 2, 0), apptest.Mint("USD", w.inv2.Address, 1_000_00)))
	res := w.c.MustExec(t, w.inv1.Sign(tx.Wrap(&txpb.MsgProposeSwap{Counterparty: w.inv2.Address, GiveAsset: "CNY",
		GiveAmount: 7_100_00, WantAsset: "USD", WantAmount: 1_000_00, ExpiresAt: w.now() + 3600})))
	w.check(t)
	return attrID(t, res.Events, "swap.proposed", "swap_id")
}

func (w *marketWorld) usd(k *apptest.Key) int64 {
	return ledger.AvailableOf(w.c.State(), k.Address, "USD")
}

func TestSwapMovesBothLegs(t *testing.T) {
	w := newMarketWorld(t)
	id := w.proposeSwap(t)
	require.Equal(t, int64(investorCash-7_100_00), w.cash(w.inv1))
	r := w.c.Exec(w.inv3.Sign(tx.Wrap(&txpb.MsgAcceptSwap{SwapId: id})))
	requireCode(t, escrow.ErrNotAuthorised, r)
	w.c.MustExec(t, w.inv2.Sign(tx.Wrap(&txpb.MsgAcceptSwap{SwapId: id})))
	require.Equal(t, int64(1_000_00), w.usd(w.inv1))
	require.Zero(t, w.usd(w.inv2))
	require.Equal(t, int64(investorCash+7_100_00), w.cash(w.inv2))
	require.Equal(t, int64(investorCash-7_100_00), w.cash(w.inv1))
	r = w.c.Exec(w.inv2.Sign(tx.Wrap(&txpb.MsgAcceptSwap{SwapId: id})))
	requireCode(t, escrow.ErrNotOpen, r)
	w.check(t)
}

// The counterparty lacks the second leg: nothing moves, and the swap stays open.
func TestSwapMovesNeitherLegWhenOneFails(t *testing.T) {
	w := newMarketWorld(t)
	id := w.proposeSwap(t)
	w.c.MustExec(t, w.inv2.Sign(apptest.Transfer(w.inv3.Address, "USD", 1)))
	before := dump(w.c.State())
	msg := tx.Wrap(&txpb.MsgAcceptSwap{SwapId: id})
	r := w.c.Exec(w.inv2.Sign(msg))
	requireCode(t, ledger.ErrInsufficientFunds, r)
	require.Equal(t, refusedKeys(r, w.inv2, msg), changedKeys(before, dump(w.c.State())))
	s, _ := escrow.GetSwap(w.c.State(), id)
	require.Equal(t, escrow.StatusOpen, s.Status)
	w.after(t, time.Hour) // expires: inv1's leg comes back
	s, _ = escrow.GetSwap(w.c.State(), id)
	require.Equal(t, escrow.StatusExpired, s.Status)
	require.Equal(t, int64(investorCash), w.cash(w.inv1))
	require.Equal(t, int64(investorCash), w.cash(w.inv2))
}

func TestSwapCancelledByItsProposer(t *testing.T) {
	w := newMarketWorld(t)
	id := w.proposeSwap(t)
	r := w.c.Exec(w.inv2.Sign(tx.Wrap(&txpb.MsgCancelSwap{SwapId: id})))
	requireCode(t, escrow.ErrNotAuthorised, r)
	w.c.MustExec(t, w.inv1.Sign(tx.Wrap(&txpb.MsgCancelSwap{SwapId: id})))
	require.Equal(t, int64(investorCash), w.cash(w.inv1))
	r = w.c.Exec(w.inv2.Sign(tx.Wrap(&txpb.MsgAcceptSwap{SwapId: id})))
	requireCode(t, escrow.ErrNotOpen, r)
	w.check(t)
}

func (w *marketWorld) lock(t *testing.T, preimage string) uint64 {
	t.Helper()
	lock := sha256.Sum256([]byte(preimage))
	res := w.c.MustExec(t, w.inv1.Sign(tx.Wrap(&txpb.MsgLockHtlc{Receiver: w.inv2.Address, Asset: "CNY",
		Amount: 2_500_00, Hashlock: lock[:], ExpiresAt: w.now() + 3600})))
	w.check(t)
	return attrID(t, res.Events, "htlc.locked", "htlc_id")
}

func TestHTLCClaimedWithThePreimageOnce(t *testing.T) {
	w := newMarketWorld(t)
	id := w.lock(t, "the secret")
	wrong := tx.Wrap(&txpb.MsgClaimHtlc{HtlcId: id, Preimage: []byte("a guess")})
	before := dump(w.c.State())
	r := w.c.Exec(w.inv2.Sign(wrong))
	requireCode(t, escrow.ErrWrongPreimage, r)
	require.Equal(t, refusedKeys(r, w.inv2, wrong), changedKeys(before, dump(w.c.State())))
	r = w.c.Exec(w.inv1.Sign(tx.Wrap(&txpb.MsgReclaimHtlc{HtlcId: id})))
	requireCode(t, escrow.ErrNotYet, r)
	// The hold behind it is the module's: the receiver cannot capture it around the hashlock.
	h, _ := escrow.GetHtlc(w.c.State(), id)
	r = w.c.Exec(w.inv2.Sign(apptest.CaptureHold(h.HoldId, 0)))
	requireCode(t, ledger.ErrNotBeneficiary, r)

	res := w.c.MustExec(t, w.inv2.Sign(tx.Wrap(&txpb.MsgClaimHtlc{HtlcId: id, Preimage: []byte("the secret")})))
	require.Equal(t, hex.EncodeToString([]byte("the secret")), attr(res.Events, "htlc.claimed", "preimage"))
	h, _ = escrow.GetHtlc(w.c.State(), id)
	require.Equal(t, []byte("the secret"), h.Preimage)
	require.Equal(t, int64(investorCash+2_500_00), w.cash(w.inv2))
	r = w.c.Exec(w.inv2.Sign(tx.Wrap(&txpb.MsgClaimHtlc{HtlcId: id, Preimage: []byte("the secret")})))
	requireCode(t, escrow.ErrNotOpen, r) // no double claim
	require.Equal(t, int64(investorCash+2_500_00), w.cash(w.inv2))
	w.check(t)
}

func TestHTLCReclaimedAfterExpiry(t *testing.T) {
	w := newMarketWorld(t)
	id := w.lock(t, "never told")
	w.after(t, time.Hour)
	r := w.c.Exec(w.inv2.Sign(tx.Wrap(&txpb.MsgClaimHtlc{HtlcId: id, Preimage: []byte("never told")})))
	requireCode(t, escrow.ErrExpired, r)
	r = w.c.Exec(w.inv3.Sign(tx.Wrap(&txpb.MsgReclaimHtlc{HtlcId: id})))
	requireCode(t, escrow.ErrNotAuthorised, r)
	w.c.MustExec(t, w.inv1.Sign(tx.Wrap(&txpb.MsgReclaimHtlc{HtlcId: id})))
	require.Equal(t, int64(investorCash), w.cash(w.inv1))
	r = w.c.Exec(w.inv1.Sign(tx.Wrap(&txpb.MsgReclaimHtlc{HtlcId: id})))
	requireCode(t, escrow.ErrNotOpen, r)
	w.check(t)

	// Never reclaimed: the scheduler returns it when the reclaim window ends.
	id2 := w.lock(t, "forgotten")
	w.after(t, time.Hour+escrow.ReclaimWindowSecs*time.Second)
	h, _ := escrow.GetHtlc(w.c.State(), id2)
	require.Equal(t, escrow.StatusReclaimed, h.Status)
	require.Equal(t, int64(investorCash), w.cash(w.inv1))
}
