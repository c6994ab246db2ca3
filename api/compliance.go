package api

import (
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
	s.registerComplianceExports(api)
}
