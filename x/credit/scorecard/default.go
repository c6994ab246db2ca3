package scorecard

import "math"

const (
	lo = math.MinInt64
	hi = math.MaxInt64
)

// Default is the model for thin-file micro-borrowers, version 1. Its reasoning:
//
//   - Most applicants have no loan history at all, so "no history" is neither rewarded nor
//     punished: the neutral bins (no loans completed, no instalments paid) sit between the
//     good and the bad ones.
//   - For a thin file the ledger's cash flow is the best evidence of capacity: regular
//     inflows (up to 35 points for ten or more months of the last twelve) and a low debt
//     service against those inflows (40 points below 30%) lift a newcomer who is paid
//     through the chain. Without inflows the ratio cannot be known and earns a little.
//   - Repayment behaviour weighs most once there is some (on-time ratio, worst days past due
//     in the last twelve months and defaults ever, 60 points each), because on a shared
//     ledger it is complete across lenders. Recent arrears count, old ones have been cured.
//   - Over-indebtedness is the risk a shared ledger uniquely sees: debt across all lenders
//     above 20,000.00 (in a 2-decimal currency) costs 40 points.
//   - Verified identity earns up to 40 points; completed loans up to 55.
//
// A KYC level 2 newcomer with no debt and no inflows lands at 560 points, band C, a
// probability of default of about 7.5%: lendable in small amounts. The same newcomer with
// a salary every month and no debt scores 620, band A.
//
// Points are scaled with DOMAIN.md's 600 points at 50:1 odds and 20 points to double them.
func Default() *Model {
	return &Model{
		Name: "thin-file-micro", Version: 1, Scaling: Scaling{BaseScore: 600, BaseOdds: 50, PDO: 20}, BasePoints: 285,
		Characteristics: []Characteristic{
			{Fact: FactOnTimeRatioBps, Reason: Reason{"P01", "Instalments were paid late"},
				Bins: []Bin{{lo, -1, 40}, {0, 7999, 0}, {8000, 9499, 30}, {9500, hi, 60}}},
			{Fact: FactMaxDPD12M, Reason: Reason{"D01", "Payments were overdue in the last twelve months"},
				Bins: []Bin{{lo, 0, 60}, {1, 7, 45}, {8, 30, 25}, {31, 90, 5}, {91, hi, 0}}},
			{Fact: FactLoansDefaulted, Reason: Reason{"D02", "A loan defaulted"},
				Bins: []Bin{{lo, 0, 60}, {1, 1, 10}, {2, hi, 0}}},
			{Fact: FactLoansCompleted, Reason: Reason{"H01", "Few loans repaid in full"},
				Bins: []Bin{{lo, 0, 20}, {1, 1, 35}, {2, 3, 45}, {4, hi, 55}}},
			{Fact: FactExposure, Reason: Reason{"E01", "High debt across all lenders"},
				Bins: []Bin{{lo, 0, 50}, {1, 500_000, 40}, {500_001, 2_000_000, 25}, {2_000_001, hi, 10}}},
			{Fact: FactKYCLevel, Reason: Reason{"K01", "Identity verification level is low"},
				Bins: []Bin{{lo, 0, 0}, {1, 1, 15}, {2, 2, 30}, {3, hi, 40}}},
			{Fact: FactInflowMonths12, Reason: Reason{"C01", "Few months with incoming payments"},
				Bins: []Bin{{lo, 2, 5}, {3, 5, 15}, {6, 9, 25}, {10, hi, 35}}},
			{Fact: FactDebtServiceRatio, Reason: Reason{"C02", "Debt payments are high against income"},
				Bins: []Bin{{lo, -1, 10}, {0, 2999, 40}, {3000, 4999, 25}, {5000, hi, 0}}},
		},
		Bands: []Band{{"A", 600}, {"B", 570}, {"C", 540}, {"D", 510}, {"E", lo}},
	}
}
