// Package governance lets the consortium change itself: members propose adding or removing a
// member, changing a member's roles, adding, re-weighting or removing a validator, and
// changing governance parameters; members vote; at the end of the voting period the block-time
// scheduler tallies, and a passed proposal executes in the same block. Validator changes are
// queued for the application to hand to CometBFT in FinalizeBlock.
//
// It keeps the validator set as the application knows it, so that no proposal can empty it or
// remove a validator CometBFT does not have.
package governance
