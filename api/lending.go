package api

import (
	"context"
	"errors"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/puhui-chain/puhui/x/lending/schedule"
)

type scheduleInput struct {
	Body schedule.Request
}

type scheduleOutput struct{ Body *schedule.Schedule }

// registerLending serves the loan schedule preview: a pure computation, the same engine
// that will schedule real loans.
func (s *server) registerLending(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "lending-schedule", Method: http.MethodPost, Path: "/v1/lending/schedule",
		Summary:     "Preview a loan's repayment schedule and its APR",
		Description: "Amounts and rates are decimal strings. An invalid request is a 422 whose errors name the field.",
	}, func(_ context.Context, in *scheduleInput) (*scheduleOutput, error) {
		sch, err := schedule.Compute(in.Body)
		var fe *schedule.FieldError
		switch {
		case errors.As(err, &fe):
			return nil, &Problem{Status: http.StatusUnprocessableEntity, Title: "Invalid schedule request",
				Code: "lending.invalid_request", Detail: fe.Error(),
				Errors: []*huma.ErrorDetail{{Location: "body." + fe.Field, Message: fe.Reason}}}
		case err != nil:
			return nil, &Problem{Status: http.StatusInternalServerError, Code: "api.internal", Detail: err.Error()}
		}
		return &scheduleOutput{Body: sch}, nil
	})
}
