package lending

import (
	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/credit/scorecard"
)

// checkDebtService applies the product's debt-service cap: the borrower's monthly debt
// service across all lenders, with this loan's first instalment added, against its average
// monthly inflow over the last three complete months (the ratio rounds up). Without inflows the ratio cannot be
// known, and a capped product refuses.
func checkDebtService(ctx *core.Context, t *txpb.LoanProduct, m *txpb.MsgApplyLoan, a *Assessment) error {
	if t.MaxDebtServiceBps == 0 {
		return nil
	}
	inflow := a.Facts[scorecard.FactAvgMonthlyInflow3M]
	if inflow <= 0 {
		return ErrDebtService.Wrapf("no inflows in the last three complete months to measure debt service against")
	}
	s, err := computeSchedule(ctx.KV, t, m.Principal, m.Periods, core.DateOf(ctx.Today().Day))
	if err != nil {
		return err
	}
	// The new loan counts at its largest instalment: a principal grace period must not
	// hide what the borrower will pay once it ends.
	var largest int64
	for _, in := range s.Installments {
		largest = max(largest, in.TotalMinor)
	}
	withFee, err := money.Add(largest, t.InstallmentFeeFlat)
	if err != nil {
		return err
	}
	total, err := money.Add(a.Facts[scorecard.FactDebtService], MonthlyAmount(t, withFee))
	if err != nil {
		return err
	}
	ratio, err := money.MulDiv(total, maxBps, inflow, money.RoundingUp)
	if err != nil {
		return err
	}
	if ratio > int64(t.MaxDebtServiceBps) {
		return ErrDebtService.Wrapf("monthly debt service %d with this loan is %d bps of the average monthly inflow %d; the product allows %d",
			total, ratio, inflow, t.MaxDebtServiceBps)
	}
	return nil
}
