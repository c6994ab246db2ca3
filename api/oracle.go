package api

import (
	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

// registerOracle serves the oracle's feeds and their rounds, each as its declaration says.
func (s *server) registerOracle(api huma.API) {
	serveQuery(api, s, query.ListFeeds)
	serveQuery(api, s, query.GetFeed)
	serveQuery(api, s, query.ListRounds)
}
