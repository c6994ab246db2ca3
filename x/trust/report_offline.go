package trust

import (
	"strings"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/x/core"
)

// ReportRequest is what an offline report is computed from: the trust's donations and
// releases as the queries answer them (GET /v1/trusts/{id}/donations and …/releases), and
// the period [from, to).
type ReportRequest struct {
	TrustID   uint64                `json:"trust_id,string"`
	Asset     string                `json:"asset"`
	From      int64                 `json:"from"`
	To        int64                 `json:"to"`
	Donations []query.TrustDonation `json:"donations"`
	Releases  []query.TrustRelease  `json:"releases"`
}

// ReportOffline computes a period's report from a request, reading no state: the same
// computation as the on-chain query, so a donor or auditor holding the flows can check a
// published hash without trusting the node that served them.
func ReportOffline(request []byte) (query.TrustReport, error) {
	var req ReportRequest
	if err := core.DecodeStrict(request, &req); err != nil {
		return query.TrustReport{}, ErrBadDisclosure.Wrapf("request: %v", err)
	}
	if req.From < 0 || req.To <= req.From {
		return query.TrustReport{}, ErrBadDisclosure.Wrapf("period %d..%d: from < to", req.From, req.To)
	}
	var f Flows
	for _, d := range req.Donations {
		f.Donations = append(f.Donations, &statepb.Donation{Seq: d.Seq, Donor: d.Donor, Amount: d.Amount, At: d.At})
	}
	for _, r := range req.Releases {
		kind, ok := statepb.OutflowKind_value["OUTFLOW_KIND_"+strings.ToUpper(r.Kind)]
		if !ok || kind == 0 {
			return query.TrustReport{}, ErrBadDisclosure.Wrapf("release %d: kind %q", r.Seq, r.Kind)
		}
		f.Releases = append(f.Releases, &statepb.Release{Seq: r.Seq, Kind: statepb.OutflowKind(kind), Recipient: r.Recipient,
			Purpose: r.Purpose, Amount: r.Amount, At: r.At})
	}
	return Report(req.TrustID, req.Asset, f, req.From, req.To)
}
