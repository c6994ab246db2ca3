package trust

import (
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
	"github.com/puhui-chain/puhui/x/scheduler"
)

// Trustees create and run trusts: banks, the members that act as trust companies here (no
// separate trust-company role exists; a consortium admits a trust company with the bank
// role).
var Trustees = []identity.Role{identity.RoleBank}

// Module is the trust module as the application plugs it in. Finer rules than the roles
// (the trust's own trustee, its settlor, its supervisor and approvers) are the handlers'.
// Supervisors and approvers are any account that may pay (identity.Payers): the regulator
// and auditors only supervise the chain and take no part in a trust's decisions.
func Module(b Bank, r Registry) module.Module {
	bank, registry = b, r
	return module.Module{
		Name:     "trust",
		Prefixes: [][]byte{core.Key("tr", "")},
		Routes: []module.Route{
			module.Handle("create_trust", Trustees, (*txpb.Msg).GetCreateTrust, CreateTrust).Validated(basicCreateTrust),
			module.Handle("contribute", identity.Payers, (*txpb.Msg).GetContribute, Contribute).Validated(basicContribute),
			module.Handle("submit_evidence", Trustees, (*txpb.Msg).GetSubmitEvidence, SubmitEvidence).Validated(basicSubmitEvidence),
			module.Handle("decide_evidence", identity.Payers, (*txpb.Msg).GetDecideEvidence, DecideEvidence).Validated(basicDecideEvidence),
			module.Handle("release_tranche", Trustees, (*txpb.Msg).GetReleaseTranche, ReleaseTranche).Validated(basicReleaseTranche),
			module.Handle("collect_trust_fee", Trustees, (*txpb.Msg).GetCollectTrustFee, CollectTrustFee).Validated(basicCollectTrustFee),
			module.Handle("publish_disclosure", Trustees, (*txpb.Msg).GetPublishDisclosure, PublishDisclosure).Validated(basicPublishDisclosure),
			module.Handle("end_trust", identity.Payers, (*txpb.Msg).GetEndTrust, EndTrust).Validated(basicEndTrust),
		},
		Scheduled: map[string]scheduler.Handler{payKind: runPayment, discloseKind: runDisclosureDeadline, refundKind: runRefunds},
		Queries: []module.Query{
			module.Answer(query.ListTrusts, func(q module.QueryContext, _ string) ([]query.Trust, error) {
				out := []query.Trust{}
				for _, t := range ListTrusts(q.State) {
					out = append(out, View(t))
				}
				return out, nil
			}),
			module.Answer(query.GetTrust, func(q module.QueryContext, id string) (query.Trust, error) {
				t, err := trustOrError(q.State, query.ID(id))
				if err != nil {
					return query.Trust{}, err
				}
				return View(t), nil
			}),
			module.Answer(query.ListTrustDonations, func(q module.QueryContext, id string) ([]query.TrustDonation, error) {
				t, err := trustOrError(q.State, query.ID(id))
				if err != nil {
					return nil, err
				}
				out := []query.TrustDonation{}
				for _, d := range ListDonations(q.State, t.Id) {
					out = append(out, donationView(d, t.Terms.Asset))
				}
				return out, nil
			}),
			module.Answer(query.ListTrustReleases, func(q module.QueryContext, id string) ([]query.TrustRelease, error) {
				t, err := trustOrError(q.State, query.ID(id))
				if err != nil {
					return nil, err
				}
				out := []query.TrustRelease{}
				for _, rel := range ListReleases(q.State, t.Id) {
					out = append(out, releaseView(rel, t.Terms.Asset))
				}
				return out, nil
			}),
			module.Answer(query.TrustDonorTrace, func(q module.QueryContext, addr string) ([]query.TrustTrace, error) {
				return DonorTrace(q.State, addr), nil
			}),
			module.Answer(query.GetTrustReport, func(q module.QueryContext, arg string) (query.TrustReport, error) {
				return ReportOf(q.State, arg)
			}),
		},
		Invariants: []module.Invariant{{Name: "trust/books-and-attribution", Check: CheckInvariants}},
	}
}
