// Package api is the node's REST API (huma v2 on net/http, OpenAPI 3.1 at /openapi.json):
// chain status and health (/v1/health: 503 once the node halted), blocks and transactions
// (submit, look up by hash with decoded messages, list newest first or by account, wait), the
// validator set, accounts with proofs, assets, members, holds, KYC, parameters, proposals and
// validators; lending products, loans, borrowers, lenders' loans, portfolios and their
// history, and the loan schedule preview; credit consents, accesses and scorecards, and an
// access's report for its borrower and consented lender (a signed request the application
// checks); supply-chain finance, oracles, insurance, compliance and supervision views; the
// node's private-document service (upload by the owner, download under a grant on chain); a
// server-sent event stream; Prometheus metrics; and bearer-guarded operator endpoints that
// sign with the node's operator key. It also serves the console (package web) at "/".
//
// It is an edge: it reaches the chain only through the Go SDK (ABCI queries, transaction
// submission, the event bus) and never imports a module, the application, the store or
// node; package fullnode plugs it into a running node. Errors are RFC 9457 problem+json
// with a stable "code"; business codes map to HTTP statuses here and nowhere else.
//
// Every server it runs under is bounded (limits.go, edge.go): read, write and idle timeouts,
// connections and event streams capped in total and per client and refused at once with 429
// or 503, bodies capped (413), the operator token checked before a body is read, and no
// client-chosen text (the Host header) in the links it answers with.
//
// Batch submission (batch.go) is the hottest path: its body's usual shape is read in one pass
// (batchjson.go), its signatures are verified together ahead of the node's CheckTx
// (Config.PreVerify, as many as Config.Room allows), and it stops checking at a full mempool.
package api
