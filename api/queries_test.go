package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/query"
)

// TestDeclaredQueriesAreServed: every query declared with a REST route is served there, as
// the declared operation, with a typed (referenced) response schema.
func TestDeclaredQueriesAreServed(t *testing.T) {
	rec := httptest.NewRecorder()
	New(Config{}).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Responses   map[string]struct {
				Content map[string]struct {
					Schema map[string]any `json:"schema"`
				} `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
	served := 0
	for _, d := range query.All() {
		if d.Route == "" {
			continue
		}
		op, ok := doc.Paths[d.Route]["get"]
		require.True(t, ok, "query %s: no GET %s", d.Path, d.Route)
		require.Equal(t, d.OperationID, op.OperationID)
		schema := op.Responses["200"].Content["application/json"].Schema
		require.NotEmpty(t, schema, "query %s: untyped response", d.Path)
		served++
	}
	require.GreaterOrEqual(t, served, 14)
}
