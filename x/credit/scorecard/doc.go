// Package scorecard computes explainable credit scores: a scorecard model (characteristics,
// their bins and points, bands) turns a borrower's facts into a score, a band, the
// probability of default the score implies under the model's scaling (DOMAIN.md: Score =
// Offset + Factor · ln(odds), Factor = PDO / ln 2), and at most four reasons ranked by the
// points lost against each characteristic's best bin. Default is the shipped model for
// thin-file micro-borrowers; its doc comment gives its reasoning.
//
// The package is pure and deterministic: points are integers, ln and exp are evaluated in
// decimals (cockroachdb/apd) at 34 digits and rounded half-even, never in floating point, so
// every node derives the same score, and a model refuses to load if its bins overlap, leave
// a gap or read an unknown fact. Storing models and scores on chain is another package's.
package scorecard
