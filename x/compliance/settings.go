package compliance

import (
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
)

// DefaultParams are the PBOC large-value thresholds (Order 2016 No. 3: cash 50,000, a
// natural person's domestic 500,000 and cross-border 200,000 transfers, a legal person's
// 2,000,000, in CNY), the NFRA large-exposure limits (10% of net assets for one borrower, 15%
// for a related-party group) and the early-warning levels (PAR30 10%, pool coverage 120%: a
// pool never holds less than its policies' maximum payouts, and below 120% it has little
// room left for new business or a dispute).
func DefaultParams() *txpb.ComplianceParams {
	return &txpb.ComplianceParams{CashUnits: 50_000, NaturalDomesticUnits: 500_000, NaturalCrossBorderUnits: 200_000,
		LegalPersonUnits: 2_000_000, SingleLimitBps: 1000, RelatedLimitBps: 1500, Par30WarningBps: 1000,
		PoolCoverageWarningBps: 12_000}
}

// Params are the parameters in state, or the defaults.
func Params(r store.Reader) *txpb.ComplianceParams {
	var p txpb.ComplianceParams
	if core.GetProto(r, paramsKey, &p) {
		return &p
	}
	return DefaultParams()
}

// maxThresholdUnits bounds a large-value threshold (10^12 units: beyond any real figure).
const maxThresholdUnits = 1_000_000_000_000

// ValidateParams refuses parameters outside what makes sense: a threshold of nothing or
// beyond 10^12, a limit of 0 or above 100%, a related-party limit below the single one, a
// PAR30 level of 0 or above 100%, a coverage level below 100% or above 1000%.
func ValidateParams(p *txpb.ComplianceParams) error {
	if p == nil {
		return ErrBadParams.Wrapf("params missing")
	}
	for i, units := range criterionUnits(p) {
		if units < 1 || units > maxThresholdUnits {
			return ErrBadParams.Wrapf("%s threshold %d: 1..%d units", criterionNames[i], units, int64(maxThresholdUnits))
		}
	}
	switch {
	case p.SingleLimitBps < 1 || p.SingleLimitBps > 10_000:
		return ErrBadParams.Wrapf("single_limit_bps %d: 1..10000", p.SingleLimitBps)
	case p.RelatedLimitBps < p.SingleLimitBps || p.RelatedLimitBps > 10_000:
		return ErrBadParams.Wrapf("related_limit_bps %d: single_limit_bps (%d)..10000", p.RelatedLimitBps, p.SingleLimitBps)
	case p.Par30WarningBps < 1 || p.Par30WarningBps > 10_000:
		return ErrBadParams.Wrapf("par30_warning_bps %d: 1..10000", p.Par30WarningBps)
	case p.PoolCoverageWarningBps < 10_000 || p.PoolCoverageWarningBps > 100_000:
		return ErrBadParams.Wrapf("pool_coverage_warning_bps %d: 10000..100000", p.PoolCoverageWarningBps)
	}
	return nil
}

// SetParams executes MsgSetComplianceParams (a passed governance proposal).
func SetParams(ctx *core.Context, m *txpb.MsgSetComplianceParams) error {
	if err := ValidateParams(m.Params); err != nil {
		return err
	}
	if err := checkReason(m.Reason); err != nil {
		return err
	}
	p := m.Params
	core.SetProto(ctx.KV, paramsKey, proto.Clone(p))
	ctx.Emit("compliance.params_set", "cash_units", itoa(p.CashUnits), "natural_domestic_units", itoa(p.NaturalDomesticUnits),
		"natural_cross_border_units", itoa(p.NaturalCrossBorderUnits), "legal_person_units", itoa(p.LegalPersonUnits),
		"single_limit", money.FormatMinor(int64(p.SingleLimitBps), 2), "related_limit", money.FormatMinor(int64(p.RelatedLimitBps), 2),
		"par30_warning", money.FormatMinor(int64(p.Par30WarningBps), 2),
		"pool_coverage_warning", money.FormatMinor(int64(p.PoolCoverageWarningBps), 2), "reason", m.Reason)
	return nil
}

// checkParams is the governance pre-check of MsgSetComplianceParams.
func checkParams(_ store.Reader, m *txpb.Msg) error {
	return ValidateParams(m.GetSetComplianceParams().GetParams())
}

// paramsView is the parameters as the query answers them.
func paramsView(p *txpb.ComplianceParams) query.ComplianceParams {
	return query.ComplianceParams{CashUnits: p.CashUnits, NaturalDomesticUnits: p.NaturalDomesticUnits,
		NaturalCrossBorderUnits: p.NaturalCrossBorderUnits, LegalPersonUnits: p.LegalPersonUnits,
		SingleLimit: money.FormatMinor(int64(p.SingleLimitBps), 2), RelatedLimit: money.FormatMinor(int64(p.RelatedLimitBps), 2),
		PAR30Warning: money.FormatMinor(int64(p.Par30WarningBps), 2), PoolCoverageWarning: money.FormatMinor(int64(p.PoolCoverageWarningBps), 2)}
}
