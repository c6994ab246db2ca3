// Package schedule is the block-time scheduler: work that falls due at a time (a hold's
// expiry, later an instalment's due date) is indexed by that time, and each block runs only
// the entries whose time has come, in (time, kind, id) order and at most a bounded number per
// block. Nothing ever scans all holds or all loans.
package schedule
