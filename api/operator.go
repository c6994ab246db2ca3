package api

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/tx"
)

// OperatorAuth is the operator bearer token header.
type OperatorAuth struct {
	Authorization string `header:"Authorization" doc:"Bearer <operator_token>"`
}

type operatorKeyOutput struct {
	Body struct {
		Address string `json:"address"`
		PubKey  []byte `json:"pub_key"`
	}
}

type operatorTxInput struct {
	OperatorAuth
	Body struct {
		Messages []any  `json:"messages" minItems:"1" maxItems:"64" doc:"messages in protobuf JSON form, e.g. {transfer: {to, asset, amount}}"`
		Memo     string `json:"memo,omitempty" maxLength:"256"`
	}
}

var operatorSecurity = []map[string][]string{{"operator": {}}}

func (s *server) registerOperator(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "operator-key", Method: http.MethodGet, Path: "/v1/operator/key", Security: operatorSecurity,
		Summary: "The node operator's account",
	}, func(_ context.Context, in *OperatorAuth) (*operatorKeyOutput, error) {
		if err := s.authorize(in.Authorization); err != nil {
			return nil, err
		}
		out := &operatorKeyOutput{}
		out.Body.Address, out.Body.PubKey = s.Operator.Address(), s.Operator.PubKey()
		return out, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "operator-submit", Method: http.MethodPost, Path: "/v1/operator/txs", Security: operatorSecurity,
		Summary: "Build, sign with the operator key, submit and wait for a transaction",
	}, func(ctx context.Context, in *operatorTxInput) (*txOutput, error) {
		if err := s.authorize(in.Authorization); err != nil {
			return nil, err
		}
		raw, err := json.Marshal(in.Body.Messages)
		if err != nil {
			return nil, problemOf(tx.ErrMalformed.Wrapf("messages: %v", err))
		}
		msgs, err := tx.MsgsFromJSON(raw)
		if err != nil {
			return nil, problemOf(err)
		}
		ctx, cancel := context.WithTimeout(ctx, SubmitWait)
		defer cancel()
		r, err := s.Client.Send(ctx, s.Operator, in.Body.Memo, msgs...)
		if err != nil {
			return nil, problemOf(err)
		}
		if r.Height == 0 && !r.Pending {
			return nil, problemOf(r.Err())
		}
		return &txOutput{Body: r}, nil
	})
}

func (s *server) authorize(header string) error {
	token, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || s.OperatorToken == "" || subtle.ConstantTimeCompare([]byte(token), []byte(s.OperatorToken)) != 1 {
		return &Problem{Status: http.StatusUnauthorized, Title: "Unauthorized", Code: "api.unauthorized", Detail: "a valid operator bearer token is required"}
	}
	if s.Operator == nil {
		return &Problem{Status: http.StatusServiceUnavailable, Code: "api.no_operator_key", Detail: "this node has no operator key"}
	}
	return nil
}
