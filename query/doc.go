// Package query is the contract of the node's read side: the ABCI query paths and the views
// they answer with — accounts (with the proven entries that back them), assets, members,
// holds, KYC, parameters, proposals and validators; loan products, loans with their live
// schedules, borrowers and portfolios; scorecards, consents and the credit-report access log;
// private documents' records and grants; and the loan schedule preview, whose request and schedule types mirror the engine's (a
// test in app keeps them equal).
//
// Each read is declared once (Def, in declared.go): its path, arguments (several joined with
// Sep; a page's cursor is the optional After) and typed view. From
// the declaration the application answers it (module.Answer), the API serves its REST route
// with the view's schema, the SDK reads it (client.Query) and the CLI offers it as
// `puhui query [group] name`. Two views carry protobuf JSON on purpose: a product's terms and
// a proposal's action are shown in the form they are submitted in. It holds no logic beyond encoding, and imports
// no module, store, application or edge: an SDK user links it.
package query
