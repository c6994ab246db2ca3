// Package query is the contract of the node's read side: the ABCI query paths and the views
// they answer with — accounts (with the proven entries that back them), assets, members,
// holds, KYC, parameters, proposals and validators; loan products, loans with their live
// schedules, borrowers and portfolios; credit and private-document records in protobuf JSON;
// and the loan schedule preview, whose request and schedule types mirror the engine's (a
// test in app keeps them equal).
//
// The application fills the views from a committed snapshot; the SDK decodes them and the
// API serves them with typed OpenAPI schemas. It holds no logic beyond encoding, and imports
// no module, store, application or edge: an SDK user links it.
package query
