package app_test

import (
	"crypto/sha256"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/escrow"
	"github.com/puhui-chain/puhui/x/offering"
)

// simMarketsSetup: the core enterprise issues NOTE (scale 0), which it offers for CNY.
func simMarketsSetup() []*txpb.Msg { return []*txpb.Msg{apptest.RegisterAsset("NOTE", 0, 0)} }

// htlcPreimage is the secret the simulation locks an HTLC under: its receiver and amount,
// so that a later block can claim it without remembering anything.
func htlcPreimage(receiver string, amount int64) []byte {
	return []byte(receiver + "/" + core.Itoa(amount))
}

// randomMarketsTx is one of eight offering and escrow actions, mostly plausible: the core
// enterprise opens offerings of NOTE at 1.00 CNY whose soft caps the users' pledges reach
// about half the time; users pay each other through escrows (by time, by the bank as
// arbiter, or by a condition), swap CNY for PTS, and lock HTLCs that are claimed (sometimes
// with a wrong preimage) or reclaimed after expiry.
func randomMarketsTx(rng *rand.Rand, c *apptest.Chain, kind int, bank, coreKey, user *apptest.Key, pick func() *apptest.Key) []byte {
	now := c.Time.Unix()
	switch kind {
	case 0, 1, 2:
		offerings := offering.ListOfferings(c.State())
		if kind == 0 && openCount(offerings) > 0 && rng.IntN(4) == 0 { // the issuer, or now and then a stranger it refuses, cancels
			signer := []*apptest.Key{coreKey, coreKey, coreKey, user}[rng.IntN(4)]
			return signer.Sign(tx.Wrap(&txpb.MsgCancelOffering{OfferingId: pickOpen(rng, offerings), Reason: "sim"}))
		}
		if kind > 0 || openCount(offerings) >= 2 {
			id := pickOpen(rng, offerings)
			if kind == 2 && rng.IntN(2) == 0 { // an investor takes a pledge back
				return user.Sign(tx.Wrap(&txpb.MsgWithdrawPledge{OfferingId: withdrawable(c, id, user)}))
			}
			return user.Sign(tx.Wrap(&txpb.MsgPledge{OfferingId: id, Units: rng.Int64N(1_200) + 5}))
		}
		soft := rng.Int64N(1_000) + 100
		return coreKey.Sign(tx.Wrap(&txpb.MsgCreateOffering{Asset: "NOTE", SettlementAsset: "CNY", Price: 100,
			SoftCap: soft, HardCap: 2 * soft, MinUnits: 10, MaxUnits: 2 * soft, OpensAt: now,
			ClosesAt: now + 60 + rng.Int64N(120), FeeBps: uint32(rng.IntN(3)) * 50, FeeAccount: feeAccount(rng, bank)}))
	case 3:
		m := &txpb.MsgCreateEscrow{Payee: pick().Address, Asset: "CNY", Amount: rng.Int64N(20_000) + 1, RefundAt: now + 20 + rng.Int64N(60)}
		switch rng.IntN(3) {
		case 0:
			m.ReleaseAt = now + 5 + rng.Int64N(30)
		case 1:
			m.Arbiter = bank.Address
		default:
			m.Condition, m.WatchAccount, m.WatchAsset = "watched_balance >= amount", m.Payee, "PTS"
		}
		return user.Sign(tx.Wrap(m))
	case 4:
		return settleEscrow(rng, c, bank, user)
	case 5:
		return user.Sign(tx.Wrap(&txpb.MsgProposeSwap{Counterparty: pick().Address, GiveAsset: "CNY", GiveAmount: rng.Int64N(30_000) + 1,
			WantAsset: "PTS", WantAmount: rng.Int64N(300) + 1, ExpiresAt: now + 10 + rng.Int64N(60)}))
	case 6:
		return settleSwap(rng, c, user, pick)
	default:
		return htlcTx(rng, c, user, pick)
	}
}

// withdrawable is an open offering the user has a live pledge to, if any, else id (whose
// withdrawal the handler refuses).
func withdrawable(c *apptest.Chain, id uint64, user *apptest.Key) uint64 {
	for _, o := range offering.ListOfferings(c.State()) {
		if p, ok := offering.GetPledge(c.State(), o.Id, user.Address); ok && o.Status == offering.StatusOpen && p.Status == offering.PledgePledged {
			return o.Id
		}
	}
	return id
}

func feeAccount(rng *rand.Rand, bank *apptest.Key) string {
	if rng.IntN(2) == 0 {
		return ""
	}
	return bank.Address
}

func openCount(os []*statepb.Offering) int {
	n := 0
	for _, o := range os {
		if o.Status == offering.StatusOpen {
			n++
		}
	}
	return n
}

func pickOpen(rng *rand.Rand, os []*statepb.Offering) uint64 {
	var open []uint64
	for _, o := range os {
		if o.Status == offering.StatusOpen {
			open = append(open, o.Id)
		}
	}
	if len(open) == 0 || rng.IntN(10) == 0 {
		return uint64(rng.IntN(len(os)+2) + 1)
	}
	return open[rng.IntN(len(open))]
}

// settleEscrow has a party of an open escrow (or a stranger) release or refund it.
func settleEscrow(rng *rand.Rand, c *apptest.Chain, bank, user *apptest.Key) []byte {
	var open []*statepb.Escrow
	for _, e := range escrow.ListEscrows(c.State()) {
		if e.Status == escrow.StatusOpen {
			open = append(open, e)
		}
	}
	if len(open) == 0 {
		return user.Sign(tx.Wrap(&txpb.MsgReleaseEscrow{EscrowId: uint64(rng.IntN(5) + 1)}))
	}
	e := open[rng.IntN(len(open))]
	signer := user // the payer, the payee, or a stranger the handler refuses
	if e.Terms.Arbiter == bank.Address && rng.IntN(2) == 0 {
		signer = bank
	}
	if rng.IntN(2) == 0 {
		return signer.Sign(tx.Wrap(&txpb.MsgReleaseEscrow{EscrowId: e.Id}))
	}
	return signer.Sign(tx.Wrap(&txpb.MsgRefundEscrow{EscrowId: e.Id}))
}

// keyFor finds the key of addr among the users by drawing a few (nil if none drawn is).
func keyFor(addr string, pick func() *apptest.Key) *apptest.Key {
	for range 30 {
		if k := pick(); k.Address == addr {
			return k
		}
	}
	return nil
}

// settleSwap has an open swap's counterparty accept it (now and then its proposer cancels).
func settleSwap(rng *rand.Rand, c *apptest.Chain, user *apptest.Key, pick func() *apptest.Key) []byte {
	var open []*statepb.Swap
	for _, s := range escrow.ListSwaps(c.State()) {
		if s.Status == escrow.StatusOpen {
			open = append(open, s)
		}
	}
	if len(open) == 0 {
		return user.Sign(tx.Wrap(&txpb.MsgAcceptSwap{SwapId: uint64(rng.IntN(5) + 1)}))
	}
	s := open[rng.IntN(len(open))]
	if k := keyFor(s.Proposer, pick); k != nil && rng.IntN(4) == 0 {
		return k.Sign(tx.Wrap(&txpb.MsgCancelSwap{SwapId: s.Id}))
	}
	if k := keyFor(s.Terms.Counterparty, pick); k != nil {
		return k.Sign(tx.Wrap(&txpb.MsgAcceptSwap{SwapId: s.Id}))
	}
	return user.Sign(tx.Wrap(&txpb.MsgAcceptSwap{SwapId: s.Id})) // a stranger: refused
}

// htlcTx locks a new HTLC, or has a locked one's receiver claim it (sometimes with a wrong
// preimage) or, once expired, its sender reclaim it.
func htlcTx(rng *rand.Rand, c *apptest.Chain, user *apptest.Key, pick func() *apptest.Key) []byte {
	var locked []*statepb.Htlc
	for _, h := range escrow.ListHtlcs(c.State()) {
		if h.Status == escrow.StatusLocked {
			locked = append(locked, h)
		}
	}
	if len(locked) == 0 || rng.IntN(2) == 0 {
		to, amount := pick(), rng.Int64N(10_000)+1
		lock := sha256.Sum256(htlcPreimage(to.Address, amount))
		return user.Sign(tx.Wrap(&txpb.MsgLockHtlc{Receiver: to.Address, Asset: "CNY", Amount: amount, Hashlock: lock[:],
			ExpiresAt: c.Time.Unix() + 10 + rng.Int64N(40)}))
	}
	h := locked[rng.IntN(len(locked))]
	if k := keyFor(h.Sender, pick); k != nil && c.Time.Unix() >= h.Terms.ExpiresAt {
		return k.Sign(tx.Wrap(&txpb.MsgReclaimHtlc{HtlcId: h.Id}))
	}
	pre := htlcPreimage(h.Terms.Receiver, h.Terms.Amount)
	if rng.IntN(5) == 0 {
		pre = append(pre, '!')
	}
	if k := keyFor(h.Terms.Receiver, pick); k != nil {
		return k.Sign(tx.Wrap(&txpb.MsgClaimHtlc{HtlcId: h.Id, Preimage: pre}))
	}
	return user.Sign(tx.Wrap(&txpb.MsgClaimHtlc{HtlcId: h.Id, Preimage: pre}))
}

// requireMarketsExercised: offerings succeeded, failed and cancelled, pledges withdrawn; escrows released and
// refunded; swaps accepted; HTLCs claimed and reclaimed.
func requireMarketsExercised(t *testing.T, c *apptest.Chain) {
	t.Helper()
	counts := map[string]int{}
	for _, o := range offering.ListOfferings(c.State()) {
		counts["offering "+o.Status]++
		for _, p := range offering.Pledges(c.State(), o.Id) {
			counts["pledge "+p.Status]++
		}
	}
	for _, e := range escrow.ListEscrows(c.State()) {
		counts["escrow "+e.Status]++
	}
	for _, s := range escrow.ListSwaps(c.State()) {
		counts["swap "+s.Status]++
	}
	for _, h := range escrow.ListHtlcs(c.State()) {
		counts["htlc "+h.Status]++
	}
	t.Logf("offerings and escrows by state: %v", counts)
	for _, s := range []string{"offering succeeded", "offering failed", "offering cancelled", "pledge withdrawn", "escrow released", "escrow refunded",
		"swap accepted", "htlc claimed", "htlc reclaimed"} {
		require.Positive(t, counts[s], "no %s in the simulation", s)
	}
}
