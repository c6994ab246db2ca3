package assets

import "github.com/puhui-chain/puhui/tx"

// Errors (codespace "assets"). A refused movement's code names the rule it breaks.
var (
	ErrBadRules        = tx.Register("assets", 1, "bad_rules")
	ErrUnknownAsset    = tx.Register("assets", 2, "unknown_ruled_asset")
	ErrNotIssuer       = tx.Register("assets", 3, "not_issuer")
	ErrLoosening       = tx.Register("assets", 4, "rules_only_tighten")
	ErrBadReason       = tx.Register("assets", 5, "reason_required")
	ErrNotSameHolder   = tx.Register("assets", 6, "not_same_holder")
	ErrNotRevocable    = tx.Register("assets", 7, "not_revocable")
	ErrBadDistribution = tx.Register("assets", 8, "bad_distribution")
	ErrDistributionOn  = tx.Register("assets", 9, "distribution_snapshot_open")
	ErrUnknownDist     = tx.Register("assets", 10, "unknown_distribution")
	ErrBadFreeze       = tx.Register("assets", 11, "bad_freeze")
	ErrNothingToMove   = tx.Register("assets", 12, "nothing_to_move")

	ErrRuleRegistered   = tx.Register("assets", 20, "rule_registered")
	ErrRuleKYCLevel     = tx.Register("assets", 21, "rule_kyc_level")
	ErrRuleJurisdiction = tx.Register("assets", 22, "rule_jurisdiction")
	ErrRuleMaxHolders   = tx.Register("assets", 23, "rule_max_holders")
	ErrRuleMaxBalance   = tx.Register("assets", 24, "rule_max_balance")
	ErrRuleMaxSupply    = tx.Register("assets", 25, "rule_max_supply")
	ErrRuleLockup       = tx.Register("assets", 26, "rule_lockup")
	ErrRuleAllowList    = tx.Register("assets", 27, "rule_allow_list")
	ErrRulePreApproval  = tx.Register("assets", 28, "rule_pre_approval")
	ErrRulePaused       = tx.Register("assets", 29, "rule_paused")
	ErrRuleFrozen       = tx.Register("assets", 30, "rule_frozen")
)
