package governance

import (
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// DefaultParams: a week of voting; more than 2/3 of all members must vote yes.
func DefaultParams() *statepb.GovParams {
	return &statepb.GovParams{VotingPeriodSeconds: 7 * 24 * 3600, ThresholdNumerator: 2, ThresholdDenominator: 3}
}

// ValidateParams checks governance parameters.
func ValidateParams(p *statepb.GovParams) error {
	switch {
	case p.VotingPeriodSeconds < 1 || p.VotingPeriodSeconds > 366*24*3600:
		return ErrBadParams.Wrapf("voting_period_seconds must be 1 s .. 366 days")
	case p.ThresholdDenominator == 0 || p.ThresholdNumerator == 0 || p.ThresholdNumerator >= p.ThresholdDenominator:
		return ErrBadParams.Wrapf("threshold must be a fraction strictly between 0 and 1")
	case p.ThresholdDenominator > 1000:
		return ErrBadParams.Wrapf("threshold denominator above 1000")
	}
	return nil
}

// Params reads the governance parameters.
func Params(r store.Reader) *statepb.GovParams {
	var p statepb.GovParams
	if !core.GetProto(r, paramsKey, &p) {
		return DefaultParams()
	}
	return &p
}

// SetParams writes validated parameters.
func SetParams(kv store.KV, p *statepb.GovParams) error {
	if err := ValidateParams(p); err != nil {
		return err
	}
	core.SetProto(kv, paramsKey, p)
	return nil
}
