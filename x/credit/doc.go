// Package credit is the credit bureau of the shared ledger. It derives a borrower's credit
// history from the ledger itself, never from data entered by hand: the lending module's loans
// (across every lender), the ledger's cash-flow records, group guarantees and KYC
// attestations. It keeps the scorecard models (registered with versions by scorers or by
// governance), assesses applicants for the lending module, and serves credit reports to
// lenders only under the borrower's consent, recording every access.
//
// Accounts on chain are pseudonymous: the link between an address and a person stays off
// chain with the sponsoring member. Every member's node can derive what a report contains
// from the replicated state; consent governs the report service and leaves an audit trail,
// which is what a credit bureau's consent rule asks for.
package credit
