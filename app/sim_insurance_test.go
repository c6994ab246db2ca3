package app_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app/apptest"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/insurance"
	"github.com/puhui-chain/puhui/x/lending"
	"github.com/puhui-chain/puhui/x/oracle"
)

// simInsurance is the simulation's insurer and reporters.
type simInsurance struct {
	insurer   *apptest.Key
	reporters []*apptest.Key
}

func newSimInsurance() *simInsurance {
	s := &simInsurance{insurer: apptest.NewKey("sim-insurer")}
	for i := range 3 {
		s.reporters = append(s.reporters, apptest.NewKey(fmt.Sprintf("sim-oracle-%d", i)))
	}
	return s
}

func (s *simInsurance) members() []apptest.Member {
	out := []apptest.Member{{Key: s.insurer, Name: "Sim insurer", Roles: []string{"insurer"}}}
	for i, k := range s.reporters {
		out = append(out, apptest.Member{Key: k, Name: fmt.Sprintf("Sim oracle %d", i), Roles: []string{"oracle"}})
	}
	return out
}

// setup registers a rainfall feed (two of three reporters, one-minute rounds), three
// parametric products whose seasons end 5, 10 and 15 minutes in (the simulation's blocks are
// 5 seconds), an indemnity product and the insurer's pool.
func (s *simInsurance) setup(t *testing.T, c *apptest.Chain, bank *apptest.Key) {
	var addrs []string
	for _, k := range s.reporters {
		addrs = append(addrs, k.Address)
	}
	c.MustExec(t, bank.Sign(apptest.Mint("CNY", s.insurer.Address, 50_000_000)))
	c.MustExec(t, s.reporters[0].Sign(registerFeed(&txpb.Feed{Id: "SIM-RAIN", Unit: "mm", Decimals: 1,
		HeartbeatSeconds: 600, RoundTimeoutSeconds: 60, MinSubmissions: 2, Reporters: addrs})))
	t0 := c.Time.Unix()
	var msgs []*txpb.Msg
	for i, fn := range []string{"last", "average", "min"} {
		end := t0 + int64(i+1)*300
		msgs = append(msgs, registerInsuranceProduct(&txpb.InsuranceProduct{Name: "sim drought " + fn, Kind: "parametric",
			Asset: "CNY", Cover: "crop", PremiumRatePpm: 40_000 + int64(i)*10_000, MaxPayoutPpm: 800_000, SaleStart: t0,
			SaleEnd: end - 60, RiskStart: t0, RiskEnd: end, MinSumInsured: 1_000, MaxSumInsured: 2_000_000, DisputeDays: 3,
			FeedId: "SIM-RAIN", Index: fn, ReferenceMicro: 20_000_000, Direction: []string{"below", "below", "above"}[i],
			TriggerMicro: []int64{800_000, 800_000, 900_000}[i], ExitMicro: []int64{200_000, 200_000, 1_400_000}[i]}))
	}
	msgs = append(msgs, registerInsuranceProduct(&txpb.InsuranceProduct{Name: "sim livestock", Kind: "indemnity", Asset: "CNY",
		Cover: "livestock", PremiumRatePpm: 30_000, MaxPayoutPpm: 1_000_000, SaleStart: t0, SaleEnd: t0 + 900,
		RiskStart: t0, RiskEnd: t0 + 1000, MinSumInsured: 1_000, MaxSumInsured: 1_000_000, DecisionDays: 2}),
		fundPool("CNY", 3_000_000))
	c.MustExec(t, s.insurer.Sign(msgs...))
}

// randomTx is one random insurance or oracle action, valid or not.
func (s *simInsurance) randomTx(rng *rand.Rand, c *apptest.Chain, bank, user *apptest.Key, amount func() int64) []byte {
	switch rng.IntN(8) {
	case 0, 1: // a reporter answers the open round or opens the next
		rec, _ := oracle.GetFeed(c.State(), "SIM-RAIN")
		round := rec.GetLastRound() + uint64(rng.IntN(2))
		return s.reporters[rng.IntN(3)].Sign(observe("SIM-RAIN", round, rng.Int64N(400)))
	case 2:
		return user.Sign(buyPolicy(uint64(rng.IntN(5)+1), user.Address, []int64{rng.Int64N(600_000) + 1_000, amount()}[rng.IntN(5)/4], 0))
	case 3:
		if rng.IntN(3) == 0 {
			return s.insurer.Sign(withdrawPool("CNY", amount()))
		}
		return s.insurer.Sign(fundPool("CNY", amount()))
	case 4: // a claim on a random policy, or a decision on a random claim
		if rng.IntN(2) == 0 {
			return user.Sign(fileClaim(uint64(rng.IntN(20)+1), amount()))
		}
		return s.insurer.Sign(decideClaim(uint64(rng.IntN(10)+1), rng.Int64N(100_000)))
	case 5:
		return user.Sign(disputeSettlement(uint64(rng.IntN(20)+1), "the index missed my loss"))
	case 6:
		return s.insurer.Sign(resolveDispute(uint64(rng.IntN(20)+1), rng.Int64N(50_000)))
	default: // the lender covers one of its borrowers' open loans
		var open []*statepb.Loan
		for _, l := range lending.ListLoans(c.State()) {
			if l.Status == statepb.LoanStatus_LOAN_STATUS_ACTIVE {
				open = append(open, l)
			}
		}
		if len(open) == 0 {
			return bank.Sign(buyPolicy(1, user.Address, 10_000, 1))
		}
		l := open[rng.IntN(len(open))]
		return bank.Sign(buyPolicy(uint64(rng.IntN(3)+1), l.Borrower, rng.Int64N(500_000)+1_000, l.Id))
	}
}

// requireInsuranceExercised: the run paid policies (one settling a loan), closed others and
// fixed indices.
func requireInsuranceExercised(t *testing.T, c *apptest.Chain) {
	t.Helper()
	counts := map[statepb.PolicyStatus]int{}
	toLoans := 0
	for _, p := range insurance.ListPolicies(c.State()) {
		counts[p.Status]++
		if p.PaidToLoan > 0 {
			toLoans++
		}
	}
	t.Logf("policies by status: %v; %d paid towards a loan", counts, toLoans)
	require.Positive(t, counts[statepb.PolicyStatus_POLICY_STATUS_PAID]+counts[statepb.PolicyStatus_POLICY_STATUS_DISPUTED], "no policy paid")
	require.Positive(t, counts[statepb.PolicyStatus_POLICY_STATUS_CLOSED], "no policy closed")
}

func fileClaim(policy uint64, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_FileClaim{FileClaim: &txpb.MsgFileClaim{PolicyId: policy, Amount: amount,
		EvidenceHash: make([]byte, 32)}}}
}

func decideClaim(claim uint64, amount int64) *txpb.Msg {
	return &txpb.Msg{Sum: &txpb.Msg_DecideClaim{DecideClaim: &txpb.MsgDecideClaim{ClaimId: claim, Amount: amount, Reason: "assessed"}}}
}
