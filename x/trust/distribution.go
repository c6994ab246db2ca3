package trust

import (
	"strconv"

	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// runPayment is the scheduled monthly distribution of a private trust. It pays the monthly
// amount while the trust holds it; the first month it does not, it stops for good (event
// trust.distribution_stopped) and what is left waits for the trust's ending. A condition
// that is false skips the month. A payment the ledger refuses (the beneficiary is
// sanctioned, say) is skipped with its code, never failing the block.
func runPayment(ctx *core.Context, idText string) error {
	id, err := strconv.ParseUint(idText, 10, 64)
	if err != nil {
		return err
	}
	t, ok := GetTrust(ctx.KV, id)
	if !ok || t.Status != statepb.TrustStatus_TRUST_STATUS_ACTIVE || t.DistributionStopped || t.Terms.Distribution == nil {
		return nil
	}
	d := t.Terms.Distribution
	n := int64(t.MonthsDue) + 1 // this month's number, paid or not
	if Balance(t) < d.Amount {
		t.DistributionStopped, t.NextPaymentAt = true, 0
		putTrust(ctx.KV, t)
		ctx.Emit("trust.distribution_stopped", "trust_id", idText, "reason", "funds_exhausted", "asset", t.Terms.Asset,
			"balance", core.Itoa(Balance(t)), "amount", core.Itoa(d.Amount), "payments", core.Itoa(int64(t.Payments)))
		return nil
	}
	pay, why := true, ""
	if d.Condition != "" {
		pay, why = evalCondition(d.Condition, conditionFactsOf(ctx, t, n))
	}
	if pay {
		err := core.Tentative(ctx, func(c *core.Context) error {
			tt, _ := GetTrust(c.KV, id)
			rel := &statepb.Release{Kind: statepb.OutflowKind_OUTFLOW_KIND_DISTRIBUTION, Recipient: d.Beneficiary,
				Amount: d.Amount, Purpose: "monthly distribution " + core.Itoa(n)}
			if err := payOut(c, tt, rel); err != nil {
				return err
			}
			tt.Payments++
			putTrust(c.KV, tt)
			return nil
		})
		if err != nil {
			pay, why = false, "refused: "+err.Error()
		}
	}
	t, _ = GetTrust(ctx.KV, id)
	if !pay {
		ctx.Emit("trust.distribution_skipped", "trust_id", idText, "payment", core.Itoa(n), "reason", why)
	}
	t.MonthsDue++
	t.NextPaymentAt = addMonths(ctx.KV, d.FirstAt, int(t.MonthsDue))
	putTrust(ctx.KV, t)
	scheduler.Add(ctx.KV, t.NextPaymentAt, payKind, idText)
	return nil
}

func conditionFactsOf(ctx *core.Context, t *statepb.TrustRecord, n int64) map[string]int64 {
	d := t.Terms.Distribution
	b := core.ClockOf(ctx.KV).Business(ctx.Now())
	return map[string]int64{
		"balance": Balance(t), "amount": d.Amount, "month": n,
		"beneficiary_kyc_level": int64(registry.EffectiveKYCLevel(ctx.KV, d.Beneficiary, ctx.Now())),
		"beneficiary_balance":   bank.AvailableOf(ctx.KV, d.Beneficiary, t.Terms.Asset),
		"business_year":         int64(b.Year()), "business_month": int64(b.Month()),
	}
}
