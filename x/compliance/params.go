package compliance

import (
	"math"

	"github.com/puhui-chain/puhui/money"
	"github.com/puhui-chain/puhui/query"
)

// The PBOC large-value rules (Order 2016 No. 3) as the chain applies them. They are law,
// not configuration: a change is a new release.
const (
	// ReportingCurrency is the asset the large-value thresholds are in. Other assets are
	// screened by the registered rules but produce no large-value reports: the chain keeps
	// no exchange rates to convert them.
	ReportingCurrency = "CNY"
	// HomeJurisdiction is where an account without a recorded jurisdiction is.
	HomeJurisdiction = "CN"

	cashMajor                = 50_000    // cash deposits or withdrawals, any customer
	naturalDomesticMajor     = 500_000   // a natural person's domestic transfers
	naturalCrossBorderMajor  = 200_000   // a natural person's cross-border transfers
	legalPersonMajor         = 2_000_000 // any transfer of a legal person's account
	nearThresholdPercent     = 90        // the structuring rule's band: [90%, 100%) of a threshold
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

var criterionMajor = [...]int64{cashMajor, naturalDomesticMajor, naturalCrossBorderMajor, legalPersonMajor}

// thresholdMinor is a criterion's threshold in minor units of an asset of scale. A scale
// so large that the threshold does not fit in int64 makes it unreachable.
func thresholdMinor(crit int, scale uint32) int64 {
	t := criterionMajor[crit]
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
