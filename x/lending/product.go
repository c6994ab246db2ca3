package lending

import (
	"errors"
	"math/big"
	"strings"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// Named settings of a product.
const (
	AllocationStandard       = "standard"
	AllocationInterestFirst  = "interest-first"
	AllocationPrincipalFirst = "principal-first"

	PrepaymentReduceTerm        = "reduce_term"
	PrepaymentReduceInstallment = "reduce_installment"

	maxBps = 10_000
)

// probeDate is the start date used to check a product's terms with the schedule engine.
const probeDate = "2024-01-01"

// GetProduct reads a product.
func GetProduct(r store.Reader, id uint64) (*statepb.Product, bool) {
	var p statepb.Product
	return &p, core.GetProto(r, ProductKey(id), &p)
}

// ListProducts returns every product in id order.
func ListProducts(r store.Reader) []*statepb.Product {
	return core.ListProto[statepb.Product](r, productPrefix)
}

// RegisterProduct records a lender's product after checking every term (the signer is the
// lender; the route admits banks and MFIs).
func RegisterProduct(ctx *core.Context, m *txpb.MsgRegisterProduct) error {
	t := m.GetProduct()
	if t == nil {
		return ErrBadProduct.Wrapf("product is required")
	}
	if t.Scorecard != "" {
		if err := bureau.CheckScorecard(ctx.KV, t.Scorecard); err != nil {
			return err
		}
	}
	if err := validateProduct(ctx.KV, t); err != nil {
		return err
	}
	id := uint64(core.GetInt64(ctx.KV, productSeqKey)) + 1
	core.SetInt64(ctx.KV, productSeqKey, int64(id))
	core.SetProto(ctx.KV, ProductKey(id), &statepb.Product{Id: id, Lender: ctx.Signer, Terms: t, CreatedHeight: ctx.Height})
	ctx.Emit("lending.product_registered", "product_id", idText(id), "lender", ctx.Signer, "asset", t.Asset, "name", t.Name)
	return nil
}

func validateProduct(r store.Reader, t *txpb.LoanProduct) error {
	if t.Name == "" || len(t.Name) > tx.MaxStringField {
		return ErrBadProduct.Wrapf("name: 1..%d bytes", tx.MaxStringField)
	}
	if _, err := bank.Asset(r, t.Asset); err != nil {
		return err
	}
	if err := checkBounds(t); err != nil {
		return err
	}
	if len(t.RequiredCover) > 32 || strings.Trim(t.RequiredCover, "abcdefghijklmnopqrstuvwxyz_") != "" {
		return ErrBadProduct.Wrapf("required_cover %q: up to 32 of a-z and _", t.RequiredCover)
	}
	if err := checkCharges(t); err != nil {
		return err
	}
	if err := checkNamed(t); err != nil {
		return err
	}
	// The engine is the judge of the schedule terms: both corners of the bounds must give a
	// valid schedule (this also proves no overflow at the largest loan).
	for _, c := range [][2]int64{{t.MinPrincipal, int64(t.MinPeriods)}, {t.MaxPrincipal, int64(t.MaxPeriods)}} {
		if _, err := computeSchedule(r, t, c[0], uint32(c[1]), probeDate); err != nil {
			return err
		}
	}
	if err := checkTotals(t); err != nil {
		return err
	}
	if t.ApprovalRule != "" {
		if _, err := compileRule(t.ApprovalRule); err != nil {
			return err
		}
	}
	return nil
}

func checkBounds(t *txpb.LoanProduct) error {
	switch {
	case t.MinPrincipal <= 0 || t.MaxPrincipal < t.MinPrincipal:
		return ErrBadProduct.Wrapf("principal bounds: need 0 < min_principal <= max_principal, got %d..%d", t.MinPrincipal, t.MaxPrincipal)
	case t.MinPeriods == 0 || t.MaxPeriods < t.MinPeriods || t.MaxPeriods > schedule.MaxPeriods:
		return ErrBadProduct.Wrapf("period bounds: need 1 <= min_periods <= max_periods <= %d, got %d..%d", schedule.MaxPeriods, t.MinPeriods, t.MaxPeriods)
	case t.PrincipalGracePeriods >= t.MinPeriods:
		return ErrBadProduct.Wrapf("principal_grace_periods %d must be below min_periods %d", t.PrincipalGracePeriods, t.MinPeriods)
	case t.MinKycLevel > 3:
		return ErrBadProduct.Wrapf("min_kyc_level %d: 0..3", t.MinKycLevel)
	case t.MaxExposure < 0:
		return ErrBadProduct.Wrapf("max_exposure must not be negative")
	}
	return nil
}

func checkCharges(t *txpb.LoanProduct) error {
	for _, f := range []struct {
		name string
		v    uint32
	}{{"disbursement_fee_bps", t.DisbursementFeeBps}, {"penalty_bps_per_day", t.PenaltyBpsPerDay},
		{"collateral_bps", t.CollateralBps}, {"group_guarantee_bps", t.GroupGuaranteeBps}} {
		if f.v > maxBps {
			return ErrBadProduct.Wrapf("%s %d: at most %d", f.name, f.v, maxBps)
		}
	}
	for _, f := range []struct {
		name string
		v    int64
	}{{"disbursement_fee_flat", t.DisbursementFeeFlat}, {"installment_fee_flat", t.InstallmentFeeFlat}, {"penalty_flat_per_installment", t.PenaltyFlatPerInstallment}} {
		if f.v < 0 {
			return ErrBadProduct.Wrapf("%s must not be negative", f.name)
		}
	}
	if t.DisbursementFeeFlat >= t.MinPrincipal {
		return ErrBadProduct.Wrapf("disbursement_fee_flat %d leaves nothing of min_principal %d", t.DisbursementFeeFlat, t.MinPrincipal)
	}
	return nil
}

func checkNamed(t *txpb.LoanProduct) error {
	switch t.Allocation {
	case "", AllocationStandard, AllocationInterestFirst, AllocationPrincipalFirst:
	default:
		return ErrBadProduct.Wrapf("allocation %q: standard, interest-first or principal-first", t.Allocation)
	}
	switch t.Prepayment {
	case "", PrepaymentReduceTerm, PrepaymentReduceInstallment:
	default:
		return ErrBadProduct.Wrapf("prepayment %q: reduce_term or reduce_installment", t.Prepayment)
	}
	switch t.Funding {
	case "", FundingLender:
		if t.FundingWindowDays != 0 {
			return ErrBadProduct.Wrapf("funding_window_days applies to pooled products only")
		}
	case FundingPooled:
		if t.FundingWindowDays == 0 || t.FundingWindowDays > maxFundingDays {
			return ErrBadProduct.Wrapf("funding_window_days %d: 1..%d for a pooled product", t.FundingWindowDays, maxFundingDays)
		}
	default:
		return ErrBadProduct.Wrapf("funding %q: lender or pooled", t.Funding)
	}
	if t.DefaultDpd != 0 && t.DefaultDpd <= t.ArrearsGraceDays {
		return ErrBadProduct.Wrapf("default_dpd %d must exceed arrears_grace_days %d", t.DefaultDpd, t.ArrearsGraceDays)
	}
	return nil
}

// MaxLoanTotalMinor bounds what the largest loan of a product can ever ask for in all:
// principal + interest + penalties + fees, in minor units. It is a ninth of int64, so the
// sums of a loan's amounts can never wrap, and sums over many loans (a lender's book, a
// borrower's exposure) fail with amount.overflow long before anything is lost.
const MaxLoanTotalMinor = 1_000_000_000_000_000_000

// maxDaysPerPeriod is the longest period of each frequency, in days (the default is months).
var maxDaysPerPeriod = map[string]int64{schedule.FrequencyDays: 1, schedule.FrequencyWeeks: 7, schedule.FrequencyMonths: 31, "": 31}

// checkTotals refuses a product whose largest loan could ask for more than MaxLoanTotalMinor,
// by an upper bound on every part of the worst case: max_principal P over max_periods n of
// the longest term; interest at most P × rate × term days / 360 (the shortest year any
// day count uses; flat interest and principal grace are bounded too) plus a rounding unit per
// instalment; the daily penalty on all of that for maxPenaltyDays (the longest it accrues,
// with a rounding unit a day) plus the flat penalty of every instalment; and every
// instalment's fee.
func checkTotals(t *txpb.LoanProduct) error {
	worst, err := worstTotal(t)
	if err != nil {
		return err
	}
	if worst.Cmp(big.NewInt(MaxLoanTotalMinor)) > 0 {
		return ErrBadProduct.Wrapf("the largest loan could ask for %s minor units (principal + interest + penalties + fees), over the bound %d: "+
			"lower max_principal, max_periods, the rate, the penalty or the fees", worst, int64(MaxLoanTotalMinor))
	}
	return nil
}

// worstTotal is checkTotals' upper bound, exactly (big integers: it is compared, not stored).
func worstTotal(t *txpb.LoanProduct) (*big.Int, error) {
	rate, ok := new(big.Rat).SetString(t.AnnualRatePercent)
	days, known := maxDaysPerPeriod[t.Frequency]
	if !ok || rate.Sign() < 0 || !known {
		return nil, ErrBadProduct.Wrapf("annual_rate_percent %q or frequency %q", t.AnnualRatePercent, t.Frequency)
	}
	n := big.NewInt(int64(t.MaxPeriods))
	termDays := new(big.Int).Mul(n, big.NewInt(int64(max(1, t.Every))*days))
	p := new(big.Rat).SetInt64(t.MaxPrincipal)
	interest := new(big.Rat).Mul(p, rate)
	interest.Mul(interest, new(big.Rat).SetFrac(termDays, big.NewInt(100*360)))
	owed := new(big.Rat).Add(p, interest)
	owed.Add(owed, new(big.Rat).SetInt(n)) // a rounding unit per instalment
	penalty := new(big.Rat).Mul(owed, big.NewRat(int64(t.PenaltyBpsPerDay)*maxPenaltyDays, maxBps))
	total := new(big.Rat).Add(owed, penalty)
	// Per instalment: the flat penalty, the fee, and a rounding unit for each daily accrual.
	perInstalment := new(big.Int).Add(big.NewInt(t.PenaltyFlatPerInstallment), big.NewInt(t.InstallmentFeeFlat))
	perInstalment.Add(perInstalment, big.NewInt(maxPenaltyDays))
	total.Add(total, new(big.Rat).SetInt(new(big.Int).Mul(n, perInstalment)))
	ceil := new(big.Int).Quo(total.Num(), total.Denom())
	return ceil.Add(ceil, big.NewInt(1)), nil // rounded up, with a unit to spare
}

// scheduleRequest maps a product's terms and a loan's amount and term onto the engine.
func scheduleRequest(t *txpb.LoanProduct, scale uint32, principal int64, periods uint32, start string) schedule.Request {
	every := int(t.Every)
	if every == 0 {
		every = 1
	}
	sc := int(scale)
	return schedule.Request{
		Principal: money.FormatMinor(principal, scale), AnnualRatePercent: t.AnnualRatePercent,
		Periods: int(periods), Frequency: t.Frequency, Every: &every,
		InterestMethod: t.InterestMethod, Amortization: t.Amortization, InterestPeriod: t.InterestPeriod,
		DaysInYear: t.DaysInYear, DaysInMonth: t.DaysInMonth, Rounding: t.Rounding, Scale: &sc,
		InstallmentMultiple: t.InstallmentMultiple, PrincipalGracePeriods: int(t.PrincipalGracePeriods),
		StartDate: start,
	}
}

// computeSchedule runs the engine; a request error names the product field at fault.
func computeSchedule(r store.Reader, t *txpb.LoanProduct, principal int64, periods uint32, start string) (*schedule.Schedule, error) {
	return computeScheduleOn(r, t, principal, periods, start, nil)
}

// computeScheduleOn is computeSchedule on the given due dates (nil: the frequency's).
func computeScheduleOn(r store.Reader, t *txpb.LoanProduct, principal int64, periods uint32, start string, due []string) (*schedule.Schedule, error) {
	asset, err := bank.Asset(r, t.Asset)
	if err != nil {
		return nil, err
	}
	req := scheduleRequest(t, asset.Scale, principal, periods, start)
	var s *schedule.Schedule
	if due == nil {
		s, err = schedule.ComputeRows(req)
	} else {
		s, err = schedule.ComputeRowsOn(req, due)
	}
	return s, scheduleError(err)
}

// firstInstallment is the first row of computeScheduleOn's schedule, at a fraction of its cost.
func firstInstallment(r store.Reader, t *txpb.LoanProduct, principal int64, periods uint32, start string, due []string) (schedule.Installment, error) {
	asset, err := bank.Asset(r, t.Asset)
	if err != nil {
		return schedule.Installment{}, err
	}
	req := scheduleRequest(t, asset.Scale, principal, periods, start)
	var in schedule.Installment
	if due == nil {
		in, err = schedule.FirstInstallment(req)
	} else {
		in, err = schedule.FirstInstallmentOn(req, due)
	}
	return in, scheduleError(err)
}

func scheduleError(err error) error {
	var fe *schedule.FieldError
	switch {
	case errors.As(err, &fe):
		return ErrBadProduct.Wrapf("%s: %s", fe.Field, fe.Reason)
	case err != nil:
		return ErrBadProduct.Wrapf("schedule: %v", err)
	}
	return nil
}
