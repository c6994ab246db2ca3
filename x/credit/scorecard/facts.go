package scorecard

// The facts a scorecard can score: everything the credit module derives from the shared
// ledger about a borrower, as integers. Amounts are minor units of the asset being
// considered; ratios are basis points, −1 where there is nothing to divide by.
const (
	FactKYCLevel           = "kyc_level"              // 0..3; a live attestation's level, else 0
	FactLoansTaken         = "loans_taken"            // disbursed, every lender
	FactLoansCompleted     = "loans_completed"        // closed in good standing
	FactLoansActive        = "loans_active"           // disbursed, not yet closed
	FactLoansDefaulted     = "loans_defaulted"        // defaults, including loans later written off
	FactLoansWrittenOff    = "loans_written_off"      // written off by their lender
	FactInstallmentsOnTime = "installments_on_time"   // paid in full by their due date
	FactInstallmentsLate   = "installments_late"      // paid in full after it
	FactOnTimeRatioBps     = "on_time_ratio_bps"      // on time / all paid; −1 when none were paid
	FactMaxDPD             = "max_dpd"                // worst days past due ever
	FactMaxDPD12M          = "max_dpd_12m"            // worst days past due in the last twelve business months
	FactPrepayments        = "prepayments"            // early repayments
	FactExposure           = "exposure"               // outstanding principal in the asset, all lenders
	FactDebtService        = "debt_service"           // monthly debt service in the asset, all lenders
	FactLenders            = "lenders"                // lenders with an open loan to the borrower
	FactInflowMonths12     = "inflow_months_12"       // months with an inflow of the last twelve
	FactAvgBalance3M       = "avg_balance_3m"         // average daily balance, last three complete months
	FactAvgMonthlyInflow3M = "avg_monthly_inflow_3m"  // average monthly inflow, last three complete months
	FactDebtServiceRatio   = "debt_service_ratio_bps" // debt service / average monthly inflow; −1 without inflow
	FactGroups             = "groups"                 // joint-liability groups the borrower borrowed in
	FactGroupPARBps        = "group_par_bps"          // overdue / outstanding principal of those groups' loans; −1 when none
	FactGuaranteesGiven    = "guarantees_given"       // the borrower's guarantees still held in group funds

	// Supply-chain finance: receivable certificates confirmed by a core enterprise, held by
	// the account, and the account's own record as a core enterprise issuing them.
	FactScfReceivablesHeld = "scf_receivables_held" // unpaid face of confirmed certificates held
	FactScfReceivedOnTime  = "scf_received_on_time" // parts held at maturity, paid on time
	FactScfReceivedLate    = "scf_received_late"    // parts held at maturity, paid late
	FactScfIssuedOnTime    = "scf_issued_on_time"   // own parts paid on time
	FactScfIssuedLate      = "scf_issued_late"      // own parts paid after maturity
	FactScfIssuedDefaulted = "scf_issued_defaulted" // own parts that reached the default limit
	FactScfIssuedOverdue   = "scf_issued_overdue"   // unpaid amount of own parts past maturity now
	FactScfIssuerMaxDPD    = "scf_issuer_max_dpd"   // worst days past due of an own part
)

// Facts lists every fact, in the fixed order the credit module supplies them (inputs
// hashes and the approval rule's vocabulary follow it).
func Facts() []string {
	return []string{FactKYCLevel, FactLoansTaken, FactLoansCompleted, FactLoansActive, FactLoansDefaulted,
		FactLoansWrittenOff, FactInstallmentsOnTime, FactInstallmentsLate, FactOnTimeRatioBps, FactMaxDPD,
		FactMaxDPD12M, FactPrepayments, FactExposure, FactDebtService, FactLenders, FactInflowMonths12,
		FactAvgBalance3M, FactAvgMonthlyInflow3M, FactDebtServiceRatio, FactGroups, FactGroupPARBps,
		FactGuaranteesGiven, FactScfReceivablesHeld, FactScfReceivedOnTime, FactScfReceivedLate,
		FactScfIssuedOnTime, FactScfIssuedLate, FactScfIssuedDefaulted, FactScfIssuedOverdue, FactScfIssuerMaxDPD}
}
