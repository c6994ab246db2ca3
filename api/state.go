package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

type accountOutput struct{ Body *query.Account }
type assetOutput struct{ Body *query.Asset }
type assetsOutput struct{ Body []query.Asset }
type memberOutput struct{ Body *query.Member }
type membersOutput struct{ Body []query.Member }
type holdOutput struct{ Body *query.Hold }
type kycOutput struct{ Body *query.KYC }
type proposalOutput struct{ Body *query.Proposal }
type proposalsOutput struct{ Body []query.Proposal }

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
	huma.Register(api, huma.Operation{OperationID: "list-assets", Method: http.MethodGet, Path: "/v1/assets", Summary: "Registered assets"},
		func(ctx context.Context, _ *struct{}) (*assetsOutput, error) {
			a, err := s.Client.Assets(ctx)
			if err != nil {
				return nil, problemOf(err)
			}
			return &assetsOutput{Body: a}, nil
		})
	huma.Register(api, huma.Operation{OperationID: "get-asset", Method: http.MethodGet, Path: "/v1/assets/{code}", Summary: "One asset with its supply"},
		func(ctx context.Context, in *struct {
			Code string `path:"code" minLength:"2" maxLength:"12"`
		}) (*assetOutput, error) {
			a, err := s.Client.Asset(ctx, in.Code)
			if err != nil {
				return nil, problemOf(err)
			}
			return &assetOutput{Body: a}, nil
		})
	huma.Register(api, huma.Operation{OperationID: "list-members", Method: http.MethodGet, Path: "/v1/members", Summary: "Consortium members"},
		func(ctx context.Context, _ *struct{}) (*membersOutput, error) {
			m, err := s.Client.Members(ctx)
			if err != nil {
				return nil, problemOf(err)
			}
			return &membersOutput{Body: m}, nil
		})
	huma.Register(api, huma.Operation{OperationID: "get-member", Method: http.MethodGet, Path: "/v1/members/{address}", Summary: "One member"},
		func(ctx context.Context, in *AddressInput) (*memberOutput, error) {
			m, err := s.Client.Member(ctx, in.Address)
			if err != nil {
				return nil, problemOf(err)
			}
			return &memberOutput{Body: m}, nil
		})
	huma.Register(api, huma.Operation{OperationID: "get-hold", Method: http.MethodGet, Path: "/v1/holds/{id}", Summary: "An open hold"},
		func(ctx context.Context, in *struct {
			ID uint64 `path:"id" minimum:"1"`
		}) (*holdOutput, error) {
			h, err := s.Client.Hold(ctx, in.ID)
			if err != nil {
				return nil, problemOf(err)
			}
			return &holdOutput{Body: h}, nil
		})
	huma.Register(api, huma.Operation{OperationID: "get-account-kyc", Method: http.MethodGet, Path: "/v1/accounts/{address}/kyc",
		Summary: "An account's KYC level in force and the attestation behind it"},
		func(ctx context.Context, in *AddressInput) (*kycOutput, error) {
			k, err := s.Client.KYC(ctx, in.Address)
			if err != nil {
				return nil, problemOf(err)
			}
			return &kycOutput{Body: k}, nil
		})
	huma.Register(api, huma.Operation{OperationID: "list-proposals", Method: http.MethodGet, Path: "/v1/proposals", Summary: "Governance proposals with their tallies"},
		func(ctx context.Context, _ *struct{}) (*proposalsOutput, error) {
			p, err := s.Client.Proposals(ctx)
			if err != nil {
				return nil, problemOf(err)
			}
			return &proposalsOutput{Body: p}, nil
		})
	huma.Register(api, huma.Operation{OperationID: "get-proposal", Method: http.MethodGet, Path: "/v1/proposals/{id}", Summary: "One proposal"},
		func(ctx context.Context, in *struct {
			ID uint64 `path:"id" minimum:"1"`
		}) (*proposalOutput, error) {
			p, err := s.Client.Proposal(ctx, in.ID)
			if err != nil {
				return nil, problemOf(err)
			}
			return &proposalOutput{Body: p}, nil
		})
}
