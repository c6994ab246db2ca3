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
	"github.com/puhui-chain/puhui/x/trust"
)

// randomTrustTx is one of ten trust actions, mostly plausible, sometimes not: the bank (the
// simulation's trustee) creates charity projects and family trusts, users donate or fund
// their own trust, the bank submits evidence that supervisors approve or reject, releases
// tranches, collects fees, publishes reports and now and then ends a trust.
func randomTrustTx(rng *rand.Rand, c *apptest.Chain, bank *apptest.Key, pick func() *apptest.Key, amount func() int64) []byte {
	trusts := trust.ListTrusts(c.State())
	pickTrust := func() *statepb.TrustRecord {
		if len(trusts) == 0 || rng.IntN(12) == 0 {
			return &statepb.TrustRecord{Id: uint64(rng.IntN(len(trusts)+2) + 1), Terms: &txpb.TrustTerms{}}
		}
		return trusts[rng.IntN(len(trusts))]
	}
	t := pickTrust()
	tranche := uint32(rng.IntN(len(t.Tranches)+1) + 1)
	if len(t.Tranches) > 0 && rng.IntN(8) != 0 {
		tranche = uint32(rng.IntN(len(t.Tranches)) + 1)
	}
	// Each tranche action mostly picks a tranche in the state it needs, across all trusts.
	inState := func(want statepb.TrancheStatus) {
		for _, x := range trusts {
			for i, st := range x.Tranches {
				if st.Status == want && rng.IntN(3) != 0 {
					t, tranche = x, uint32(i+1)
				}
			}
		}
	}
	kind := rng.IntN(10)
	if kind < 2 && len(trusts) >= 8 && rng.IntN(6) != 0 {
		kind = 2 // a few trusts, well funded, rather than many empty ones
	}
	switch kind {
	case 0:
		return bank.Sign(tx.Wrap(&txpb.MsgCreateTrust{Terms: simCharityTerms(rng, pick, len(trusts))}))
	case 1:
		settlor, heir := pick(), pick()
		return bank.Sign(tx.Wrap(&txpb.MsgCreateTrust{Terms: &txpb.TrustTerms{Name: "sim family", Kind: txpb.TrustKind_TRUST_KIND_PRIVATE,
			Asset: "CNY", Settlor: settlor.Address, Beneficiaries: []string{heir.Address}, FeeBps: uint32(rng.IntN(300)),
			Ending:       txpb.TrustEnding_TRUST_ENDING_REFUND,
			Distribution: &txpb.Distribution{Beneficiary: heir.Address, Amount: rng.Int64N(20_000) + 1, Condition: "month <= 6"}}}))
	case 2, 3:
		return pick().Sign(tx.Wrap(&txpb.MsgContribute{TrustId: t.Id, Amount: amount()}))
	case 4:
		inState(statepb.TrancheStatus_TRANCHE_STATUS_PENDING)
		h := sha256.Sum256([]byte{byte(rng.IntN(256)), byte(rng.IntN(256))})
		return bank.Sign(tx.Wrap(&txpb.MsgSubmitEvidence{TrustId: t.Id, Tranche: tranche, EvidenceHashes: [][]byte{h[:]}}))
	case 5:
		inState(statepb.TrancheStatus_TRANCHE_STATUS_SUBMITTED)
		decider := pick()
		if t.Terms.Supervisor != "" && rng.IntN(4) != 0 {
			decider = keyByAddress(t.Terms.Supervisor, pick)
		}
		return decider.Sign(tx.Wrap(&txpb.MsgDecideEvidence{TrustId: t.Id, Tranche: tranche, Approve: rng.IntN(4) != 0}))
	case 6:
		inState(statepb.TrancheStatus_TRANCHE_STATUS_APPROVED)
		return bank.Sign(tx.Wrap(&txpb.MsgReleaseTranche{TrustId: t.Id, Tranche: tranche}))
	case 7:
		if rng.IntN(2) == 0 {
			return bank.Sign(tx.Wrap(&txpb.MsgCollectTrustFee{TrustId: t.Id}))
		}
		h := sha256.Sum256([]byte{byte(rng.IntN(256))})
		return bank.Sign(tx.Wrap(&txpb.MsgPublishDisclosure{TrustId: t.Id, PeriodStart: t.CreatedAt, PeriodEnd: c.Time.Unix(), ReportHash: h[:]}))
	case 8:
		for _, x := range trusts {
			if x.Terms.Kind == txpb.TrustKind_TRUST_KIND_PRIVATE && x.Status == statepb.TrustStatus_TRUST_STATUS_ACTIVE && rng.IntN(2) == 0 {
				t = x
			}
		}
		if t.Terms.Kind == txpb.TrustKind_TRUST_KIND_PRIVATE && rng.IntN(5) != 0 {
			return keyByAddress(t.Terms.Settlor, pick).Sign(tx.Wrap(&txpb.MsgContribute{TrustId: t.Id, Amount: rng.Int64N(60_000) + 1}))
		}
		return pick().Sign(tx.Wrap(&txpb.MsgContribute{TrustId: t.Id, Amount: rng.Int64N(3) + 1}))
	default:
		if rng.IntN(10) != 0 {
			return bank.Sign(tx.Wrap(&txpb.MsgCollectTrustFee{TrustId: t.Id}))
		}
		return bank.Sign(tx.Wrap(&txpb.MsgEndTrust{TrustId: t.Id, Cancel: rng.IntN(2) == 0, Reason: "sim"}))
	}
}

// simCharityTerms is a charity project of one to three tranches to random users, with a
// random user as supervisor; one in five passes its remainder on to the first trust, and one
// in ten has tranches that do not add up (refused).
func simCharityTerms(rng *rand.Rand, pick func() *apptest.Key, existing int) *txpb.TrustTerms {
	t := &txpb.TrustTerms{Name: "sim project", Kind: txpb.TrustKind_TRUST_KIND_CHARITY, Asset: "CNY", Settlor: pick().Address,
		Supervisor: pick().Address, FeeBps: uint32(rng.IntN(300)), Ending: txpb.TrustEnding_TRUST_ENDING_REFUND}
	for n := rng.IntN(3) + 1; n > 0; n-- {
		tr := &txpb.Tranche{Amount: rng.Int64N(30_000) + 1, Recipient: pick().Address, Purpose: "sim milestone"}
		t.Tranches = append(t.Tranches, tr)
		t.Target += tr.Amount
	}
	if rng.IntN(10) == 0 {
		t.Target++
	}
	if existing > 0 && rng.IntN(5) == 0 {
		t.Ending, t.SuccessorTrust = txpb.TrustEnding_TRUST_ENDING_PASS_ON, 1
	}
	return t
}

// keyByAddress finds the simulation user with addr, or picks one (whose action is refused).
func keyByAddress(addr string, pick func() *apptest.Key) *apptest.Key {
	for range 64 {
		if k := pick(); k.Address == addr {
			return k
		}
	}
	return pick()
}

// requireTrustExercised: a long run donated, released tranches on approved evidence, paid
// monthly distributions, collected a fee and ended a trust.
func requireTrustExercised(t *testing.T, c *apptest.Chain) {
	t.Helper()
	counts := map[string]int{}
	for _, tr := range trust.ListTrusts(c.State()) {
		counts[tr.Status.String()]++
		if tr.Donations > 0 {
			counts["donated"]++
		}
		if tr.Payments > 0 {
			counts["paid monthly"]++
		}
		if tr.Fees > 0 {
			counts["fee"]++
		}
		for _, st := range tr.Tranches {
			counts[st.Status.String()]++
		}
	}
	t.Logf("trusts: %v", counts)
	for _, k := range []string{"donated", "paid monthly", "TRANCHE_STATUS_RELEASED"} {
		require.Positive(t, counts[k], "no %s in the simulation", k)
	}
	require.Positive(t, counts["TRUST_STATUS_COMPLETED"]+counts["TRUST_STATUS_CANCELLED"], "no trust ended in the simulation")
}

// trustAmount draws amounts from the trust stream: mostly plausible, one in twenty zero or
// negative (refused by the stateless check).
func trustAmount(rng *rand.Rand) func() int64 {
	return func() int64 {
		if rng.IntN(20) == 0 {
			return -rng.Int64N(3)
		}
		return rng.Int64N(50_000) + 1
	}
}
