package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// A halted node answers its health probe with 503 and the reason, and refuses submissions
// with node.halted before they reach the chain; a healthy one answers 200.
func TestHealthAndHaltedSubmit(t *testing.T) {
	serve := func(h http.Handler, method, path, body string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(rec, req)
		return rec
	}
	healthy := New(Config{})
	rec := serve(healthy, http.MethodGet, "/v1/health", "")
	require.Equal(t, http.StatusOK, rec.Code)
	var h Health
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &h))
	require.Equal(t, Health{Healthy: true}, h)

	halted := New(Config{Health: func() error { return errors.New("consensus failure: disk") }})
	rec = serve(halted, http.MethodGet, "/v1/health", "")
	require.Equal(t, http.StatusServiceUnavailable, rec.Code)
	h = Health{}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &h))
	require.Equal(t, Health{Problem: "consensus failure: disk"}, h)

	rec = serve(halted, http.MethodPost, "/v1/txs", `{"tx":"AAAA"}`)
	require.Equal(t, http.StatusServiceUnavailable, rec.Code, rec.Body.String())
	var p Problem
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &p))
	require.Equal(t, "node.halted", p.Code)
}
