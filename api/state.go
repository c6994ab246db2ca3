package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

type accountOutput struct{ Body *query.Account }

// AddressInput is an address path parameter.
type AddressInput struct {
	Address string `path:"address" minLength:"40" maxLength:"40" pattern:"^[0-9a-f]{40}$" doc:"account address (40 lower-case hex)"`
}

func (s *server) registerState(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "get-account", Method: http.MethodGet, Path: "/v1/accounts/{address}",
		Summary:     "An account: roles, KYC level, nonce, balances; with prove=true, proofs of every entry",
		Description: "Proofs are against the AppHash of `height`, which is in the header of height+1 (GET /v1/blocks/{height+1}).",
	}, func(ctx context.Context, in *struct {
		AddressInput
		Prove bool `query:"prove" doc:"include state proofs"`
	}) (*accountOutput, error) {
		a, err := s.Client.Account(ctx, in.Address, in.Prove)
		if err != nil {
			return nil, problemOf(err)
		}
		return &accountOutput{Body: a}, nil
	})
	// The chain-wide views, each served as its declaration says.
	serveQuery(api, s, query.ListAssets)
	serveQuery(api, s, query.GetAsset)
	serveQuery(api, s, query.ListMembers)
	serveQuery(api, s, query.GetMember)
	serveQuery(api, s, query.GetHold)
	serveQuery(api, s, query.GetKYC)
	serveQuery(api, s, query.ListProposals)
	serveQuery(api, s, query.GetProposal)
}
