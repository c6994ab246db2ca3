package compliance

import (
	"math"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
)

// The PBOC large-value rules (Order 2016 No. 3) as the chain applies them: the reporting
// currency and the structure are fixed; the thresholds are parameters (DefaultParams).
const (
	// ReportingCurrency is the asset the large-value thresholds are in. Other assets are
	// screened by the registered rules but produce no large-value reports: the chain keeps
	// no exchange rates to convert them.
	ReportingCurrency = "CNY"
	// HomeJurisdiction is where an account without a recorded jurisdiction is.
	HomeJurisdiction = "CN"

	nearThresholdPercent     = 90 // the structuring rule's band: [90%, 100%) of a threshold
	reportDueBusinessDays    = 5
	maxRules                 = 64
	maxReasonBytes           = 200
	maxSanctionsPerMsg       = 256
	exposureGrowthWindowDays = 30
)

// The large-value criteria, in the order of their report flags.
const (
	critCash = iota
	critNaturalDomestic
	critNaturalCrossBorder
	critLegalPerson
)

var criterionNames = [...]string{"cash", "natural_domestic", "natural_cross_border", "legal_person"}

// criterionUnits are the large-value thresholds of p in whole units, by criterion.
func criterionUnits(p *txpb.ComplianceParams) [4]int64 {
	return [4]int64{p.CashUnits, p.NaturalDomesticUnits, p.NaturalCrossBorderUnits, p.LegalPersonUnits}
}

// thresholdMinor is a threshold of units whole units in minor units of an asset of scale. A
// scale so large that the threshold does not fit in int64 makes it unreachable.
func thresholdMinor(units int64, scale uint32) int64 {
	t := units
	for i := uint32(0); i < scale; i++ {
		next, err := money.Mul(t, 10)
		if err != nil {
			return math.MaxInt64
		}
		t = next
	}
	return t
}

// nearThreshold reports whether amount lies in [90%, 100%) of threshold. The band's lower
// edge rounds up (a ceiling of 90%), so an amount just under it is never counted.
func nearThreshold(amount, threshold int64) bool {
	if amount >= threshold {
		return false
	}
	low, err := money.MulDiv(threshold, nearThresholdPercent, 100, money.RoundingCeiling)
	return err == nil && amount >= low
}

// StructuringRule is the example structuring rule (query.StructuringRule, which clients
// register too).
const StructuringRule = query.StructuringRule
