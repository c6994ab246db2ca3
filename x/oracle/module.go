package oracle

import (
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/store"
	"github.com/puhui-chain/puhui/tx/txpb"
	"github.com/puhui-chain/puhui/x/core"
	"github.com/puhui-chain/puhui/x/identity"
	"github.com/puhui-chain/puhui/x/module"
)

var registrars = []identity.Role{identity.RoleOracle, module.RoleGovernance}

// Module is the oracle module as the application plugs it in. Submit adds "a reporter of
// the feed" to the oracle role.
func Module() module.Module {
	return module.Module{
		Name:     "oracle",
		Prefixes: [][]byte{core.Key("orc", "")},
		Routes: []module.Route{
			module.Handle("register_feed", registrars, (*txpb.Msg).GetRegisterFeed, RegisterFeed).
				Checked(func(r store.Reader, m *txpb.Msg) error { return CheckFeed(r, m.GetRegisterFeed().GetFeed()) }).
				Validated(basicRegisterFeed),
			module.Handle("submit_observation", []identity.Role{identity.RoleOracle}, (*txpb.Msg).GetSubmitObservation, Submit).Validated(basicSubmitObservation),
		},
		Scheduled: ScheduledHandlers(),
		Queries: []module.Query{
			module.Answer(query.ListFeeds, func(q module.QueryContext, _ string) ([]query.Feed, error) {
				out := []query.Feed{}
				for _, rec := range ListFeeds(q.State) {
					out = append(out, feedView(q.State, rec, q.Now))
				}
				return out, nil
			}),
			module.Answer(query.GetFeed, func(q module.QueryContext, id string) (query.Feed, error) {
				rec, err := feedOrError(q.State, id)
				if err != nil {
					return query.Feed{}, err
				}
				return feedView(q.State, rec, q.Now), nil
			}),
			module.Answer(query.ListRounds, func(q module.QueryContext, id string) ([]query.Round, error) {
				rec, err := feedOrError(q.State, id)
				if err != nil {
					return nil, err
				}
				return roundsView(q.State, rec), nil
			}),
			module.Answer(query.GetRound, func(q module.QueryContext, arg string) (query.Round, error) { return roundOf(q.State, arg) }),
		},
		Invariants: []module.Invariant{{Name: "oracle/rounds", Check: CheckInvariants}},
	}
}
