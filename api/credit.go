package api

import (
	"context"
	"encoding/hex"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

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
	s.registerCreditReport(api)
}

// reportInput is a signed read of an access's report; the headers are those of signed
// document requests (docstore), over tx.ReportReadBytes.
type reportInput struct {
	Address   string `path:"address" pattern:"^[0-9a-f]{40}$" doc:"the borrower"`
	ID        int64  `path:"id" minimum:"1" doc:"the access, per borrower from 1"`
	Key       string `header:"Puhui-Member-Key" required:"true" pattern:"^[0-9a-f]{64}$" doc:"the reader's Ed25519 public key, hex"`
	Time      int64  `header:"Puhui-Time" required:"true" doc:"Unix seconds; refused beyond a few minutes from the node's clock"`
	Signature string `header:"Puhui-Signature" required:"true" pattern:"^[0-9a-f]{128}$" doc:"Ed25519 over tx.ReportReadBytes(borrower, id, time), hex"`
}

// registerCreditReport serves an access's report to the borrower and to the lender that
// obtained it while its consent is live. The application checks the signature and the
// right to read (so CometBFT's RPC is held to the same rule); the API only forwards.
func (s *server) registerCreditReport(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "get-credit-report", Method: http.MethodGet, Path: "/v1/credit/accounts/{address}/accesses/{id}/report",
		Summary: "The report given at one access: for the borrower, and for the lender while its consent is live (signed request)",
	}, func(ctx context.Context, in *reportInput) (*struct{ Body *query.PrivateReport }, error) {
		pub, _ := hex.DecodeString(in.Key)
		sig, _ := hex.DecodeString(in.Signature)
		r, err := s.Client.ReadReport(ctx, query.ReportRequest{Borrower: in.Address, ID: in.ID, PubKey: pub, Time: in.Time, Signature: sig})
		if err != nil {
			return nil, problemOf(err)
		}
		return &struct{ Body *query.PrivateReport }{Body: r}, nil
	})
}
