package credit

import (
	"bytes"
	"fmt"

	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/statepb"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
)

// Module is the credit module as the application plugs it in. Handlers add "the borrower
// itself" for consent and "a live consent" for reports. A credit report itself is no query:
// it is given only through request_credit_report, which checks the consent and records the
// access.
func Module() module.Module {
	return module.Module{
		Name:     "credit",
		Prefixes: [][]byte{core.Key("credit", "")},
		Routes: []module.Route{
			module.Handle("register_scorecard", []identity.Role{identity.RoleScorer, module.RoleGovernance},
				(*txpb.Msg).GetRegisterScorecard, RegisterScorecard).
				Checked(func(r store.Reader, m *txpb.Msg) error {
					return ValidateScorecard(r, m.GetRegisterScorecard().GetModel())
				}),
			module.Handle("grant_consent", identity.Borrowers, (*txpb.Msg).GetGrantConsent, GrantConsent),
			module.Handle("revoke_consent", identity.Borrowers, (*txpb.Msg).GetRevokeConsent, RevokeConsent),
			module.Handle("request_credit_report", identity.ReportUsers, (*txpb.Msg).GetRequestCreditReport, RequestReport),
		},
		Queries: []module.Query{
			module.Answer(query.ListScorecards, func(q module.QueryContext, _ string) ([]query.Scorecard, error) {
				return viewsOf(Scorecards(q.State), ScorecardView), nil
			}),
			module.Answer(query.ListConsents, func(q module.QueryContext, addr string) ([]query.Consent, error) {
				return viewsOf(Consents(q.State, addr), func(c *statepb.Consent) query.Consent { return ConsentView(c, q.Now) }), nil
			}),
			module.Answer(query.ListAccesses, func(q module.QueryContext, addr string) ([]query.ReportAccess, error) {
				return viewsOf(Accesses(q.State, addr), AccessView), nil
			}),
		},
		Invariants: []module.Invariant{{Name: "credit/registry-and-access-log", Check: CheckInvariants}},
	}
}

// CheckInvariants: every scorecard record is stored under its own name and version, and
// every borrower's report accesses are numbered 1..their sequence without gaps.
func CheckInvariants(r store.Reader) error {
	var err error
	store.IteratePrefix(r, allScorecards, func(k, v []byte) bool {
		var rec statepb.ScorecardRecord
		core.MustUnmarshal(v, &rec)
		if !bytes.Equal(k, ScorecardKey(rec.Model.GetName(), rec.Model.GetVersion())) {
			err = fmt.Errorf("scorecard %s v%d stored under another key", rec.Model.GetName(), rec.Model.GetVersion())
		}
		return err == nil
	})
	if err != nil {
		return err
	}
	counts := map[string]uint64{}
	var borrowers []string
	store.IteratePrefix(r, core.Key("credit", "access", ""), func(_, v []byte) bool {
		var a statepb.ReportAccess
		core.MustUnmarshal(v, &a)
		if counts[a.Borrower] == 0 {
			borrowers = append(borrowers, a.Borrower)
		}
		counts[a.Borrower]++
		if a.Id != counts[a.Borrower] {
			err = fmt.Errorf("borrower %s: report access %d where %d was expected", a.Borrower, a.Id, counts[a.Borrower])
		}
		return err == nil
	})
	if err != nil {
		return err
	}
	for _, b := range borrowers {
		if seq := uint64(core.GetInt64(r, accessSeqKey(b))); seq != counts[b] {
			return fmt.Errorf("borrower %s: %d report accesses, sequence at %d", b, counts[b], seq)
		}
	}
	return nil
}
