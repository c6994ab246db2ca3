// Package scheduler is the block-time scheduler: work that falls due at a time (a hold's
// expiry, an instalment's due date) is indexed by that time, and each block runs only the
// entries whose time has come, in (time, kind, id) order and at most a bounded number per
// block. Nothing ever scans all holds or all loans.
//
// Entries live in state (so the AppHash commits to them) in pages of ids that share a time,
// a kind and all but their last two characters, so that the thousands of entries one block
// runs and re-books change a few hundred state keys rather than tens of thousands.
package scheduler
