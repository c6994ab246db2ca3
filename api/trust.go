package api

import (
	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

// registerTrust serves trusts, their donations and releases, a donor's trace and a
// period's report (/v1/trusts/{id}/report?from=&to=), each as its declaration says.
func (s *server) registerTrust(api huma.API) {
	serveQuery(api, s, query.ListTrusts)
	serveQuery(api, s, query.GetTrust)
	serveQuery(api, s, query.ListTrustDonations)
	serveQuery(api, s, query.ListTrustReleases)
	serveQuery(api, s, query.TrustDonorTrace)
	serveQuery(api, s, query.GetTrustReport)
}
