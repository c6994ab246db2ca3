package api

import (
	"context"
	"fmt"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/client"
	"github.com/puhui-chain/puhui/query"
)

// TrustReportInput names a trust and a period [from, to) in unix seconds.
type TrustReportInput struct {
	ID   uint64 `path:"id" minimum:"1" doc:"trust id"`
	From int64  `query:"from" minimum:"0" required:"true" doc:"period start, unix seconds"`
	To   int64  `query:"to" minimum:"1" required:"true" doc:"period end (exclusive), unix seconds"`
}

// registerTrust serves trusts, their donations and releases, a donor's trace and a
// period's report, each as its declaration says.
func (s *server) registerTrust(api huma.API) {
	serveQuery(api, s, query.ListTrusts)
	serveQuery(api, s, query.GetTrust)
	serveQuery(api, s, query.ListTrustDonations)
	serveQuery(api, s, query.ListTrustReleases)
	serveQuery(api, s, query.TrustDonorTrace)
	op := huma.Operation{OperationID: "get-trust-report", Method: http.MethodGet, Path: "/v1/trusts/{id}/report",
		Summary: query.GetTrustReport.Summary}
	huma.Register(api, op, func(ctx context.Context, in *TrustReportInput) (*viewOutput[query.TrustReport], error) {
		v, err := client.Query(ctx, s.Client, query.GetTrustReport, fmt.Sprintf("%d:%d:%d", in.ID, in.From, in.To))
		if err != nil {
			return nil, problemOf(err)
		}
		return &viewOutput[query.TrustReport]{Body: v}, nil
	})
}
