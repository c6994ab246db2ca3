// Package governance lets the consortium change itself. A member submits a proposal with one
// action — add or remove a member, change a member's roles, add, re-weight or remove a
// validator, change governance parameters (voting period, pass threshold), or register a
// credit scorecard version — and members vote yes, no or abstain. The action is checked at
// submission, so a malformed proposal is refused at once. At the end of the voting period
// the block-time scheduler tallies; a passed proposal's action executes in that block, all
// of it or none (a failed one is recorded with its reason).
//
// It keeps the validator set as the application knows it, so that no proposal can empty it
// or remove a validator CometBFT does not have, and queues validator changes for the
// application to hand to CometBFT in FinalizeBlock. It reaches identity and credit directly
// for the actions that touch them.
package governance
