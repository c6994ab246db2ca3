package api

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/query"
)

type scheduleInput struct {
	Body query.ScheduleRequest
}

type scheduleOutput struct{ Body *query.Schedule }

// registerLending serves the loan schedule preview: a pure computation by the same engine
// that schedules real loans, which the node answers as a query.
func (s *server) registerLending(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "lending-schedule", Method: http.MethodPost, Path: "/v1/lending/schedule",
		Summary:     "Preview a loan's repayment schedule and its APR",
		Description: "Amounts and rates are decimal strings. An invalid request is a 422 whose errors name the field.",
	}, func(ctx context.Context, in *scheduleInput) (*scheduleOutput, error) {
		p, err := s.Client.PreviewSchedule(ctx, in.Body)
		switch {
		case err != nil:
			return nil, problemOf(err)
		case p.Invalid != nil:
			fe := p.Invalid
			return nil, &Problem{Status: http.StatusUnprocessableEntity, Title: "Invalid schedule request",
				Code: "lending.invalid_request", Detail: fe.Error(),
				Errors: []*huma.ErrorDetail{{Location: "body." + fe.Field, Message: fe.Reason}}}
		case p.Schedule == nil:
			return nil, &Problem{Status: http.StatusInternalServerError, Code: "api.internal", Detail: "the node answered no schedule"}
		}
		return &scheduleOutput{Body: p.Schedule}, nil
	})
}
