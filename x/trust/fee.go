package trust

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// Fee rules. The trustee collects by message (MsgCollectTrustFee) whenever it likes: the fee
// accrues on the trust's balance at the collection, fee_bps a year pro rata to the business
// seconds since the last collection (or creation), rounded down. A charity's administrative
// costs — its fees, over the trust's life — may not pass AdminCapBps of its spending
// (releases to its purpose plus fees); a collection that would is refused and accrues on.
const (
	secondsPerYear = 365 * 86_400
	AdminCapBps    = 1_000 // 10%
	// SpendingRuleBps is the public-fundraising charity's duty: spend at least 70% of last
	// year's income on its purpose. The report states the figure; nothing enforces it.
	SpendingRuleBps = 7_000
)

// AccruedFee is the fee a collection at now would take.
func AccruedFee(t *statepb.TrustRecord, elapsed int64) (int64, error) {
	if elapsed <= 0 || t.Terms.FeeBps == 0 {
		return 0, nil
	}
	rate, err := money.Mul(int64(t.Terms.FeeBps), elapsed)
	if err != nil {
		return 0, err
	}
	return money.MulDiv(Balance(t), rate, 10_000*secondsPerYear, money.RoundingDown)
}

// CollectTrustFee pays the accrued trustee fee to the trustee (the trustee).
func CollectTrustFee(ctx *core.Context, m *txpb.MsgCollectTrustFee) error {
	t, err := activeTrust(ctx.KV, m.TrustId)
	if err != nil {
		return err
	}
	if err := requireTrustee(ctx, t); err != nil {
		return err
	}
	fee, err := AccruedFee(t, businessSeconds(ctx.KV, t.FeeAccruedFrom, ctx.Now()))
	if err != nil {
		return err
	}
	if fee <= 0 {
		return ErrNothingToCollect.Wrapf("no fee has accrued on trust %d", t.Id)
	}
	if t.Terms.Kind == txpb.TrustKind_TRUST_KIND_CHARITY {
		if err := checkAdminCap(t, fee); err != nil {
			return err
		}
	}
	t.FeeAccruedFrom = ctx.Now()
	rel := &statepb.Release{Kind: statepb.OutflowKind_OUTFLOW_KIND_FEE, Recipient: t.Trustee, Amount: fee, Purpose: "trustee fee"}
	if err := payOut(ctx, t, rel); err != nil {
		return err
	}
	ctx.Emit("trust.fee_collected", "trust_id", core.Itoa(int64(t.Id)), "to", t.Trustee, "asset", t.Terms.Asset,
		"amount", core.Itoa(fee), "admin_ratio_bps", core.Itoa(RatioBps(t.Fees, t.Fees+t.Released)))
	return nil
}

// checkAdminCap refuses a fee after which fees would pass 10% of spending.
func checkAdminCap(t *statepb.TrustRecord, fee int64) error {
	fees, err := money.Add(t.Fees, fee)
	if err != nil {
		return err
	}
	spending, err := money.Add(fees, t.Released)
	if err != nil {
		return err
	}
	if money.MulSat(fees, 10_000) > money.MulSat(spending, AdminCapBps) {
		return ErrAdminCap.Wrapf("fee %d would make administrative costs %d of spending %d, above %d bps",
			fee, fees, spending, AdminCapBps)
	}
	return nil
}

// RatioBps is part/whole in basis points, rounded down; 0 when whole is 0.
func RatioBps(part, whole int64) int64 {
	if whole <= 0 {
		return 0
	}
	r, err := money.MulDiv(part, 10_000, whole, money.RoundingDown)
	if err != nil {
		return 0
	}
	return r
}
