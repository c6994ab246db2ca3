package api

import (
	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

// HashInput is a SHA-256 path parameter in hex.
type HashInput struct {
	Hash string `path:"hash" minLength:"64" maxLength:"64" pattern:"^[0-9a-f]{64}$" doc:"sha256, hex"`
}

// registerCredit serves the credit module's public views (scorecards; a borrower's consents
// and the log of reports given on it) and private documents' on-chain records, each as its
// declaration says. A credit report itself is obtained by submitting request_credit_report,
// which checks the consent and records the access; its report is then in the borrower's
// access log.
func (s *server) registerCredit(api huma.API) {
	serveQuery(api, s, query.ListScorecards)
	serveQuery(api, s, query.ListConsents)
	serveQuery(api, s, query.ListAccesses)
	serveQuery(api, s, query.GetEncryptionKey)
	serveQuery(api, s, query.GetDocument)
	serveQuery(api, s, query.ListDocumentsOwned)
}
