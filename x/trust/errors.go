package trust

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "trust").
var (
	ErrBadTerms         = tx.Register("trust", 1, "bad_terms")
	ErrTranchesTarget   = tx.Register("trust", 2, "tranches_do_not_add_up")
	ErrUnknownTrust     = tx.Register("trust", 3, "unknown_trust")
	ErrNotTrustee       = tx.Register("trust", 4, "not_trustee")
	ErrTrustClosed      = tx.Register("trust", 5, "trust_closed")
	ErrNotContributor   = tx.Register("trust", 6, "not_contributor")
	ErrBadTranche       = tx.Register("trust", 7, "bad_tranche")
	ErrTrancheState     = tx.Register("trust", 8, "tranche_state")
	ErrNotApprover      = tx.Register("trust", 9, "not_approver")
	ErrAlreadyApproved  = tx.Register("trust", 10, "already_approved")
	ErrNotApproved      = tx.Register("trust", 11, "evidence_not_approved")
	ErrBadEvidence      = tx.Register("trust", 12, "bad_evidence")
	ErrAdminCap         = tx.Register("trust", 13, "admin_cost_cap")
	ErrNothingToCollect = tx.Register("trust", 14, "nothing_to_collect")
	ErrBadDisclosure    = tx.Register("trust", 15, "bad_disclosure")
	ErrBadCondition     = tx.Register("trust", 16, "bad_condition")
	ErrUnknownAccount   = tx.Register("trust", 17, "unknown_account")
	ErrBadSuccessor     = tx.Register("trust", 18, "bad_successor")
	ErrNotEnder         = tx.Register("trust", 19, "not_allowed_to_end")
)
