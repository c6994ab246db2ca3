package insurance

import (
	"math/big"
	"strconv"

	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// settlePolicy is the scheduler handler at the end of a parametric policy's risk period. The
// product's index is fixed once, by the first of its policies to fall due; while it cannot be
// fixed (a round still open, a stale or old closing answer) the policy waits on the product
// and EndBlock brings it back when a fresh final answer arrives. A payout that cannot be
// made (a frozen account) changes nothing and is retried a day later.
func settlePolicy(ctx *core.Context, idText string) error {
	id, err := strconv.ParseUint(idText, 10, 64)
	if err != nil {
		return err
	}
	p, ok := GetPolicy(ctx.KV, id)
	if !ok || p.Status != statepb.PolicyStatus_POLICY_STATUS_ACTIVE {
		return nil
	}
	rec, _ := GetProduct(ctx.KV, p.ProductId)
	if !rec.IndexFixed && !fixIndex(ctx, rec) {
		ctx.KV.Set(waitingKey(rec.Id), []byte{1})
		ctx.KV.Set(waitingPolicyKey(rec.Id, p.Id), []byte{1})
		return nil
	}
	payout, err := termsOf(rec.Product).Payout(p.SumInsured, big.NewInt(rec.IndexNum), big.NewInt(rec.IndexDen))
	if err != nil {
		return err
	}
	err = core.Tentative(ctx, func(c *core.Context) error { return settle(c, rec, p, payout) })
	if err != nil {
		scheduler.Add(ctx.KV, ctx.Now()+retryDelay, settleKind, idText)
		ctx.Emit("insurance.payout_deferred", "policy_id", idText, "amount", core.Itoa(payout), "reason", err.Error())
	}
	return nil
}

// settle releases the policy's exposure and pays its payout (none: it closes).
func settle(ctx *core.Context, rec *statepb.InsuranceProductRecord, p *statepb.Policy, payout int64) error {
	pool := GetPool(ctx.KV, p.Insurer, p.Asset)
	pool.Exposure -= p.MaxPayout - p.Paid
	if err := payFromPool(ctx, pool, p, payout); err != nil {
		return err
	}
	p.Status, p.SettledAt = statepb.PolicyStatus_POLICY_STATUS_CLOSED, ctx.Now()
	if payout > 0 {
		p.Status = statepb.PolicyStatus_POLICY_STATUS_PAID
	}
	p.DisputeDeadline = disputeDeadline(ctx, rec.Product.DisputeDays)
	savePool(ctx.KV, pool)
	savePolicy(ctx.KV, p)
	ctx.Emit("insurance.policy_settled", "policy_id", idText(p.Id), "product_id", idText(rec.Id), "insured", p.Insured,
		"payout", core.Itoa(payout), "status", statusName(p.Status), "dispute_deadline", core.Itoa(p.DisputeDeadline))
	return nil
}

// disputeDeadline is the end of the business day days business days after today.
func disputeDeadline(ctx *core.Context, days uint32) int64 {
	clock := core.ClockOf(ctx.KV)
	return clock.BlockTimeOf(clock.StartOfDay(ctx.Today().Day + int64(days) + 1))
}

// fixIndex computes a product's index once from the feed's final answers over the risk
// period, if a fresh final answer closes it. It records which final round it last tried, so
// EndBlock retries only when the feed has a new one.
func fixIndex(ctx *core.Context, rec *statepb.InsuranceProductRecord) bool {
	prod := rec.Product
	rec.CheckedFinalRound = feeds.LastFinalRound(ctx.KV, prod.FeedId)
	defer core.SetProto(ctx.KV, ProductKey(rec.Id), rec)
	values, decimals, closing, ready, err := feeds.PeriodAnswers(ctx.KV, prod.FeedId, prod.RiskStart, prod.RiskEnd)
	if err != nil || !ready || len(values) == 0 {
		return false
	}
	num, den, ok := indexOf(prod.Index, values, decimals)
	if !ok {
		ctx.Emit("insurance.index_unrepresentable", "product_id", idText(rec.Id))
		return false
	}
	rec.IndexFixed, rec.IndexNum, rec.IndexDen = true, num, den
	rec.IndexRounds, rec.IndexLastRound = uint64(len(values)), closing
	ctx.Emit("insurance.index_fixed", "product_id", idText(rec.Id), "feed_id", prod.FeedId,
		"index", sixPlaces(big.NewInt(num), big.NewInt(den)), "rounds", core.Itoa(int64(len(values))),
		"closing_round", idText(closing))
	return true
}

// indexOf is the index function over answers in the feed's units × 10^decimals, as an exact
// fraction in the feed's unit, reduced; ok is false if it does not fit int64.
func indexOf(fn string, values []int64, decimals uint32) (num, den int64, ok bool) {
	n := new(big.Int)
	d := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	switch fn {
	case "last":
		n.SetInt64(values[len(values)-1])
	case "min", "max":
		best := values[0]
		for _, v := range values[1:] {
			if (fn == "min") == (v < best) {
				best = v
			}
		}
		n.SetInt64(best)
	default: // sum, average
		for _, v := range values {
			n.Add(n, big.NewInt(v))
		}
		if fn == "average" {
			d.Mul(d, big.NewInt(int64(len(values))))
		}
	}
	g := new(big.Int).GCD(nil, nil, new(big.Int).Abs(n), d)
	if g.Sign() > 0 {
		n.Quo(n, g)
		d.Quo(d, g)
	}
	if !n.IsInt64() || !d.IsInt64() {
		return 0, 0, false
	}
	return n.Int64(), d.Int64(), true
}

// EndBlock retries the index of each product with policies waiting on it, when its feed has
// a final round it has not tried; once fixed, the waiting policies are scheduled for the
// next block (the scheduler bounds how many settle per block). Cost: the waiting products,
// plus the policies released.
func EndBlock(ctx *core.Context) error {
	var waiting []uint64
	store.IteratePrefix(ctx.KV, waitingPrefix, func(k, _ []byte) bool {
		waiting = append(waiting, decodeID(k[len(k)-8:]))
		return true
	})
	for _, id := range waiting {
		rec, _ := GetProduct(ctx.KV, id)
		if !rec.IndexFixed && feeds.LastFinalRound(ctx.KV, rec.Product.FeedId) == rec.CheckedFinalRound {
			continue
		}
		if !rec.IndexFixed && !fixIndex(ctx, rec) {
			continue
		}
		release(ctx, id)
	}
	return nil
}

func release(ctx *core.Context, product uint64) {
	var keys [][]byte
	store.IteratePrefix(ctx.KV, waitingPoliciesPrefix(product), func(k, _ []byte) bool {
		keys = append(keys, append([]byte(nil), k...))
		return true
	})
	for _, k := range keys {
		scheduler.Add(ctx.KV, ctx.Now(), settleKind, idText(decodeID(k[len(k)-8:])))
		ctx.KV.Delete(k)
	}
	ctx.KV.Delete(waitingKey(product))
}
