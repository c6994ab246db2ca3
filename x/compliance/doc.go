// Package compliance owns anti-money-laundering screening and supervision: the monitoring
// rules (CEL) the regulator or governance registers, the per-account counters they read
// (kept in constant time per movement, never by scanning history), the PBOC large-value
// reports, alerts worked into cases and suspicious-transaction reports, freeze and debit
// orders by due process, the sanctions list, and the regulator's supervision views and
// early warnings.
//
// It sees every movement of value through the ledger's movement hooks (Hook) and may refuse
// one (a freeze, a hold-for-review rule, a sanctioned sender). It never moves value itself
// except through the Bank it is given (a debit order), and it reads lending only through
// the Lending interface. It must not read the wall clock: every date is the block time's
// business day.
package compliance
