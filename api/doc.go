// Package api is the node's REST API (huma v2 on net/http, OpenAPI 3.1 at /openapi.json):
// status, blocks, transactions, accounts with proofs, assets, members, holds, a server-sent
// event stream, Prometheus metrics and bearer-guarded operator endpoints that sign with the
// node's operator key.
//
// It reaches the chain only through the Go SDK (ABCI queries, transaction submission and
// the event bus); it never imports a module's internals. Errors are RFC 9457 problem+json
// with a stable "code".
package api
