package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

// RangeInput is a range of business dates, FROM~TO.
type RangeInput struct {
	Range string `path:"range" maxLength:"200" pattern:"^([0-9]{4}-[0-9]{2}-[0-9]{2})?~([0-9]{4}-[0-9]{2}-[0-9]{2})?$" doc:"business dates FROM~TO (YYYY-MM-DD; either side may be empty)"`
}

// registerCompliance serves compliance's and supervision's read views, each as its
// declaration says; the CSV exports are served beside them (compliance_export.go).
func (s *server) registerCompliance(api huma.API) {
	serveQuery(api, s, query.ListMonitoringRules)
	serveQuery(api, s, query.ListAlerts)
	serveQuery(api, s, query.GetAlert)
	serveQuery(api, s, query.ListCases)
	serveQuery(api, s, query.GetCase)
	serveQuery(api, s, query.ListSuspiciousReports)
	serveQuery(api, s, query.ListLargeValueReports)
	serveQuery(api, s, query.ListFreezeOrders)
	serveQuery(api, s, query.GetLenderSupervision)
	serveQuery(api, s, query.GetBorrowerExposure)
	serveQuery(api, s, query.ListEarlyWarnings)
	serveQuery(api, s, query.GetSupervisionCounts)
	serveQuery(api, s, query.GetComplianceParams)
	serveQuery(api, s, query.ListRelatedGroups)
	serveQuery(api, s, query.ListOverdueCertificates)
	serveQuery(api, s, query.ListPoolCoverage)
	s.registerComplianceExports(api)
	s.registerComplianceCheck(api)
}

type complianceCheckInput struct {
	Body query.ComplianceCheckRequest
}

type complianceCheckOutput struct{ Body *query.ComplianceCheck }

// registerComplianceCheck serves "would this be held?": a proposed movement screened on the
// node's last committed state, changing nothing.
func (s *server) registerComplianceCheck(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "compliance-check", Method: http.MethodPost, Path: "/v1/compliance/check",
		Summary: "Would a movement be held? The refusal, alerts and large-value reports screening would give it",
		Description: "Screens a proposed movement (kind, from, to, asset, amount) as the ledger's hook would on the " +
			"last committed state: freezes, the sanctions list, hold-for-review and alert rules, the PBOC large-value " +
			"criteria. Changes nothing. A bad request is refused with a coded error (compliance.bad_field, an unknown asset or address).",
	}, func(ctx context.Context, in *complianceCheckInput) (*complianceCheckOutput, error) {
		v, err := s.Client.CheckMovement(ctx, in.Body)
		if err != nil {
			return nil, problemOf(err)
		}
		return &complianceCheckOutput{Body: v}, nil
	})
}
