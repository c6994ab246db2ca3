// Package cond owns the small CEL conditions modules let their users write over integer
// facts: a loan product's approval rule (lending), a trust's distribution condition (trust),
// an escrow's release condition (escrow). One Env per kind of condition names its facts and
// bounds; it type-checks a condition (a bool), bounds its length and estimated cost, and
// compiles each source once per process. Errors are plain: each module wraps them in its own
// coded error. (Compliance's monitoring rules read richer facts and keep their own env.)
package cond
