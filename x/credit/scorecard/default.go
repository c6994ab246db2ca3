package scorecard

import "math"

// Facts the default model reads. A scorer fills them from the shared ledger: the lending
// module's history (summed over a borrower's loans at every lender) and the identity module.
const (
	FactKYCLevel          = "kyc_level"            // 0..3
	FactLoansCompleted    = "loans_completed"      // closed in good standing
	FactOnTimeRatioBps    = "on_time_ratio_bps"    // on-time instalments / all paid, in bps; −1 when none were paid
	FactMaxDPD            = "max_dpd"              // worst days past due ever
	FactLoansDefaulted    = "loans_defaulted"      // defaults, including loans later written off
	FactExposureMinorUnit = "exposure_minor_units" // outstanding principal across all lenders
)

const (
	lo = math.MinInt64
	hi = math.MaxInt64
)

// Default is the model for thin-file micro-borrowers, version 1. Its reasoning:
//
//   - Most applicants have no history at all, so "no history" is neither rewarded nor
//     punished: the neutral bins (no loans completed, no instalments paid) sit between the
//     good and the bad ones, and a KYC level 2 newcomer with no debt lands near 560 points,
//     band C, a probability of default of about 8%: lendable in small amounts.
//   - Repayment behaviour weighs most (on-time ratio, worst days past due and defaults,
//     60 points each), because on a shared ledger it is complete across lenders.
//   - Over-indebtedness is the risk a shared ledger uniquely sees: debt across all lenders
//     above 20,000.00 (in a 2-decimal currency) costs 40 points.
//   - Verified identity earns up to 40 points; completed loans up to 55.
//
// Points are scaled with DOMAIN.md's 600 points at 50:1 odds and 20 points to double them.
func Default() *Model {
	return &Model{
		Name: "thin-file-micro", Version: 1, Scaling: Scaling{BaseScore: 600, BaseOdds: 50, PDO: 20}, BasePoints: 300,
		Characteristics: []Characteristic{
			{Fact: FactOnTimeRatioBps, Reason: Reason{"P01", "Instalments were paid late"},
				Bins: []Bin{{lo, -1, 40}, {0, 7999, 0}, {8000, 9499, 30}, {9500, hi, 60}}},
			{Fact: FactMaxDPD, Reason: Reason{"D01", "Payments were overdue in the past"},
				Bins: []Bin{{lo, 0, 60}, {1, 7, 45}, {8, 30, 25}, {31, 90, 5}, {91, hi, 0}}},
			{Fact: FactLoansDefaulted, Reason: Reason{"D02", "A loan defaulted"},
				Bins: []Bin{{lo, 0, 60}, {1, 1, 10}, {2, hi, 0}}},
			{Fact: FactLoansCompleted, Reason: Reason{"H01", "Few loans repaid in full"},
				Bins: []Bin{{lo, 0, 20}, {1, 1, 35}, {2, 3, 45}, {4, hi, 55}}},
			{Fact: FactExposureMinorUnit, Reason: Reason{"E01", "High debt across all lenders"},
				Bins: []Bin{{lo, 0, 50}, {1, 500_000, 40}, {500_001, 2_000_000, 25}, {2_000_001, hi, 10}}},
			{Fact: FactKYCLevel, Reason: Reason{"K01", "Identity verification level is low"},
				Bins: []Bin{{lo, 0, 0}, {1, 1, 15}, {2, 2, 30}, {3, hi, 40}}},
		},
		Bands: []Band{{"A", 600}, {"B", 570}, {"C", 540}, {"D", 510}, {"E", lo}},
	}
}

// DefaultFacts lists the facts the default model reads.
func DefaultFacts() []string {
	return []string{FactKYCLevel, FactLoansCompleted, FactOnTimeRatioBps, FactMaxDPD, FactLoansDefaulted, FactExposureMinorUnit}
}
