package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2/humatest"
	"github.com/stretchr/testify/require"
)

// The REST preview offers progressive instalments by the request's own fields (Fineract's
// public case: 100.00 at 9.4822%, 30/360, 6 monthly → 17.13), and refuses progressive with
// flat interest as a 422 naming the field.
func TestSchedulePreviewProgressive(t *testing.T) {
	useProblems()
	_, api := humatest.New(t)
	(&server{}).registerLending(api)
	resp := api.Post("/v1/lending/schedule", strings.NewReader(`{"principal":"100","annual_rate_percent":"9.4822",
		"periods":6,"amortization":"progressive","interest_period":"daily","days_in_year":"360","days_in_month":"30",
		"start_date":"2024-01-01"}`))
	require.Equal(t, http.StatusOK, resp.Code, resp.Body.String())
	var sch struct {
		Installments []struct{ Principal, Interest, Total string } `json:"installments"`
	}
	require.NoError(t, json.Unmarshal(resp.Body.Bytes(), &sch))
	require.Len(t, sch.Installments, 6)
	for _, in := range sch.Installments {
		require.Equal(t, "17.13", in.Total)
	}
	require.Equal(t, "0.79", sch.Installments[0].Interest)

	resp = api.Post("/v1/lending/schedule", strings.NewReader(`{"principal":"100","annual_rate_percent":"9.4822",
		"periods":6,"amortization":"progressive","interest_method":"flat","interest_period":"daily","start_date":"2024-01-01"}`))
	require.Equal(t, http.StatusUnprocessableEntity, resp.Code, resp.Body.String())
	require.Contains(t, resp.Body.String(), "lending.invalid_request")
	require.Contains(t, resp.Body.String(), "body.amortization")
}
