package api

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"google.golang.org/protobuf/proto"

	"github.com/puhui-chain/puhui/query"
)

// rawOutput is a view in protobuf JSON (snake_case, 64-bit integers as decimal strings).
type rawOutput struct{ Body json.RawMessage }

func rawOf[M proto.Message](items []M) (*rawOutput, error) {
	b, err := query.ProtoJSONList(items)
	return &rawOutput{Body: b}, err
}

type hashInput struct {
	Hash string `path:"hash" minLength:"64" maxLength:"64" pattern:"^[0-9a-f]{64}$" doc:"sha256 of the document's ciphertext, hex"`
}

// registerCredit serves the credit module's public views (scorecards; a borrower's consents
// and the log of reports given on it) and private documents' on-chain records. A credit
// report itself is obtained by submitting request_credit_report, which checks the consent
// and records the access; its report is then in the borrower's access log.
func (s *server) registerCredit(api huma.API) {
	list := func(id, path, summary string, f func(context.Context, string) (*rawOutput, error)) {
		huma.Register(api, huma.Operation{OperationID: id, Method: http.MethodGet, Path: path, Summary: summary},
			func(ctx context.Context, in *AddressInput) (*rawOutput, error) {
				out, err := f(ctx, in.Address)
				if err != nil {
					return nil, problemOf(err)
				}
				return out, nil
			})
	}
	huma.Register(api, huma.Operation{OperationID: "list-scorecards", Method: http.MethodGet,
		Path: "/v1/credit/scorecards", Summary: "Every registered scorecard model version, by name then version"},
		func(ctx context.Context, _ *struct{}) (*rawOutput, error) {
			r, err := s.Client.Scorecards(ctx)
			if err != nil {
				return nil, problemOf(err)
			}
			return rawOf(r)
		})
	list("list-consents", "/v1/credit/accounts/{address}/consents", "A borrower's consents (live, expired and revoked)",
		func(ctx context.Context, a string) (*rawOutput, error) {
			r, err := s.Client.Consents(ctx, a)
			if err != nil {
				return nil, err
			}
			return rawOf(r)
		})
	list("list-report-accesses", "/v1/credit/accounts/{address}/accesses",
		"Every credit report given on a borrower: who, when, for what purpose, and the report",
		func(ctx context.Context, a string) (*rawOutput, error) {
			r, err := s.Client.ReportAccesses(ctx, a)
			if err != nil {
				return nil, err
			}
			return rawOf(r)
		})
	list("list-documents", "/v1/documents/owners/{address}", "A member's private documents (records only)",
		func(ctx context.Context, a string) (*rawOutput, error) {
			r, err := s.Client.DocumentsOwned(ctx, a)
			if err != nil {
				return nil, err
			}
			return rawOf(r)
		})
	huma.Register(api, huma.Operation{OperationID: "get-document", Method: http.MethodGet,
		Path: "/v1/documents/{hash}", Summary: "A private document's on-chain record and grants (never its content)"},
		func(ctx context.Context, in *hashInput) (*rawOutput, error) {
			h, _ := hex.DecodeString(in.Hash)
			v, err := s.Client.Document(ctx, h)
			if err != nil {
				return nil, problemOf(err)
			}
			b, err := query.ProtoJSON(v)
			return &rawOutput{Body: b}, err
		})
}
