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

// simInsurance is the simulation's insurer and reporters, and the keys of the users it
// insures (an insured files claims and disputes on its own policies).
type simInsurance struct {
	insurer   *apptest.Key
	reporters []*apptest.Key
	insured   map[string]*apptest.Key
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
// 5 seconds), an indemnity product and the insurer's pool. users are the accounts that act
// on their own policies.
func (s *simInsurance) setup(t *testing.T, c *apptest.Chain, bank *apptest.Key, users []*apptest.Key) {
	s.insured = map[string]*apptest.Key{}
	for _, u := range users {
		s.insured[u.Address] = u
	}
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
			SaleEnd: end - 60, RiskStart: t0, RiskEnd: end, MinSumInsured: 1_000, MaxSumInsured: 2_000_000, DisputeDays: 15,
			FeedId: "SIM-RAIN", Index: fn, ReferenceMicro: 20_000_000, Direction: []string{"below", "below", "above"}[i],
			TriggerMicro: []int64{800_000, 800_000, 900_000}[i], ExitMicro: []int64{200_000, 200_000, 1_400_000}[i]}))
	}
	msgs = append(msgs, registerInsuranceProduct(&txpb.InsuranceProduct{Name: "sim livestock", Kind: "indemnity", Asset: "CNY",
		Cover: "livestock", PremiumRatePpm: 30_000, MaxPayoutPpm: 1_000_000, SaleStart: t0, SaleEnd: t0 + 900,
		RiskStart: t0, RiskEnd: t0 + 1000, MinSumInsured: 1_000, MaxSumInsured: 1_000_000, DecisionDays: 30}),
		fundPool("CNY", 3_000_000))
	c.MustExec(t, s.insurer.Sign(msgs...))
}

// randomTx is one random insurance or oracle action, valid or not. Claims and disputes are
// mostly the insured's own, on a policy in the state they need, and the insurer mostly
// decides pending claims and resolves open disputes: a claim or a dispute on a random id by
// a random user almost never meets its policy, so the run would pay only when an index
// happened to cross its trigger. Now and then anyone acts on any id.
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
	case 4: // a claim under an indemnity policy in cover, or a decision on a pending claim
		if rng.IntN(2) == 0 {
			if p := s.pickPolicy(rng, c, claimable); p != nil && rng.IntN(8) > 0 {
				return s.insured[p.Insured].Sign(fileClaim(p.Id, rng.Int64N(p.MaxPayout-p.Claimed)+1))
			}
			return user.Sign(fileClaim(uint64(rng.IntN(20)+1), amount()))
		}
		if cl := pickPendingClaim(rng, c); cl != nil && rng.IntN(8) > 0 {
			return s.insurer.Sign(decideClaim(cl.Id, rng.Int64N(cl.Amount+1)))
		}
		return s.insurer.Sign(decideClaim(uint64(rng.IntN(10)+1), rng.Int64N(100_000)))
	case 5: // the insured disputes a parametric settlement before its deadline
		if p := s.pickPolicy(rng, c, disputable); p != nil && rng.IntN(8) > 0 {
			return s.insured[p.Insured].Sign(disputeSettlement(p.Id, "the index missed my loss"))
		}
		return user.Sign(disputeSettlement(uint64(rng.IntN(20)+1), "the index missed my loss"))
	case 6:
		if p := s.pickPolicy(rng, c, disputed); p != nil && rng.IntN(8) > 0 {
			// the insurer tops up half of them and upholds the settlement of the others
			return s.insurer.Sign(resolveDispute(p.Id, rng.Int64N(min(p.MaxPayout-p.Paid, 50_000)+1)*int64(rng.IntN(2))))
		}
		return s.insurer.Sign(resolveDispute(uint64(rng.IntN(20)+1), rng.Int64N(50_000)))
	default: // the lender covers one of its borrowers' open loans (not the deadbeat's: it must go bad)
		var open []*statepb.Loan
		for _, l := range lending.ListLoans(c.State()) {
			if l.Status == statepb.LoanStatus_LOAN_STATUS_ACTIVE && l.Id != deadbeatLoan {
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

// pickPolicy is a random policy of one of the simulation's users that is, at the next
// block's time, in the state the action needs; nil if there is none.
func (s *simInsurance) pickPolicy(rng *rand.Rand, c *apptest.Chain,
	ready func(p *statepb.Policy, kind string, next int64) bool) *statepb.Policy {
	next := c.Time.Add(c.BlockInterval).Unix()
	var out []*statepb.Policy
	for _, p := range insurance.ListPolicies(c.State()) {
		rec, _ := insurance.GetProduct(c.State(), p.ProductId)
		if s.insured[p.Insured] != nil && ready(p, rec.GetProduct().GetKind(), next) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out[rng.IntN(len(out))]
}

func claimable(p *statepb.Policy, kind string, next int64) bool {
	return kind == insurance.KindIndemnity && p.Status == statepb.PolicyStatus_POLICY_STATUS_ACTIVE &&
		next < p.RiskEnd && p.MaxPayout > p.Claimed && p.Claimed == p.Paid // one claim at a time
}

func disputable(p *statepb.Policy, kind string, next int64) bool {
	settled := p.Status == statepb.PolicyStatus_POLICY_STATUS_PAID || p.Status == statepb.PolicyStatus_POLICY_STATUS_CLOSED
	return kind == insurance.KindParametric && settled && next <= p.DisputeDeadline
}

func disputed(p *statepb.Policy, _ string, _ int64) bool {
	return p.Status == statepb.PolicyStatus_POLICY_STATUS_DISPUTED
}

// pickPendingClaim is a random claim waiting for the insurer's decision; nil if there is none.
func pickPendingClaim(rng *rand.Rand, c *apptest.Chain) *statepb.Claim {
	var pending []*statepb.Claim
	for id := uint64(1); ; id++ {
		cl, ok := insurance.GetClaim(c.State(), id)
		if !ok {
			break
		}
		if cl.Status == statepb.ClaimStatus_CLAIM_STATUS_PENDING {
			pending = append(pending, cl)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	return pending[rng.IntN(len(pending))]
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
