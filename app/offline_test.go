package app_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/app"
	"github.com/puhui-chain/puhui/query"
	"github.com/puhui-chain/puhui/x/credit"
	"github.com/puhui-chain/puhui/x/credit/scorecard"
	"github.com/puhui-chain/puhui/x/lending/schedule"
)

// The preview's request type is the engine's, field for field (name, type, JSON tag), so
// that the API's typed body and the OpenAPI schema accept exactly what the engine parses.
// A field added to the engine's request fails here until query has it too.
func TestScheduleRequestIsTheEngines(t *testing.T) {
	require.Equal(t, fieldsOf(reflect.TypeFor[schedule.Request]()), fieldsOf(reflect.TypeFor[query.ScheduleRequest]()))
	require.Equal(t, schedule.MaxRequestBytes, query.MaxScheduleRequestBytes)
}

func fieldsOf(t reflect.Type) []string {
	var out []string
	for f := range t.Fields() {
		out = append(out, f.Name+" "+f.Type.String()+" "+string(f.Tag))
	}
	return out
}

// The preview shows every field the engine's schedule encodes, with the same values.
func TestPreviewScheduleIsTheEngines(t *testing.T) {
	for _, body := range []string{
		`{"principal": "10000", "annual_rate_percent": "12", "periods": 12, "start_date": "2024-01-01"}`,
		`{"principal": "5000", "annual_rate_percent": "18", "periods": 26, "frequency": "weeks", "every": 2,
		  "interest_method": "flat", "rounding": "up", "scale": 0, "principal_grace_periods": 2, "start_date": "2024-02-29"}`,
	} {
		req, err := schedule.ParseRequest([]byte(body))
		require.NoError(t, err)
		want, err := schedule.Compute(req)
		require.NoError(t, err)
		got, err := app.PreviewSchedule([]byte(body))
		require.NoError(t, err)
		require.Nil(t, got.Invalid)
		wantJSON, err := json.Marshal(want)
		require.NoError(t, err)
		gotJSON, err := json.Marshal(got.Schedule)
		require.NoError(t, err)
		require.JSONEq(t, string(wantJSON), string(gotJSON))
	}
}

func TestPreviewScheduleNamesTheInvalidField(t *testing.T) {
	got, err := app.PreviewSchedule([]byte(`{"principal": "0", "annual_rate_percent": "12", "periods": 12, "start_date": "2024-01-01"}`))
	require.NoError(t, err)
	require.Nil(t, got.Schedule)
	require.NotNil(t, got.Invalid)
	require.Equal(t, "principal", got.Invalid.Field)

	got, err = app.PreviewSchedule([]byte(`{"principal": "1", "PRINCIPAL": "2"}`))
	require.NoError(t, err)
	require.NotNil(t, got.Invalid, "strict parsing: keys spelled exactly")
}

func TestDefaultScorecard(t *testing.T) {
	require.Equal(t, credit.ProtoOf(scorecard.Default()), app.DefaultScorecard())
	require.Equal(t, credit.DefaultModelName, app.DefaultScorecard().Name)
}
