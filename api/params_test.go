package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/puhui-chain/puhui/api"
	"github.com/puhui-chain/puhui/node/nodetest"
	"github.com/puhui-chain/puhui/query"
)

// TestDeclaredParameters: every declared route documents its declaration's arguments — path
// segments, then query parameters such as a page's after — each required as declared and
// typed by its kind.
func TestDeclaredParameters(t *testing.T) {
	rec := httptest.NewRecorder()
	api.New(api.Config{}).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/openapi.json", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name     string         `json:"name"`
				In       string         `json:"in"`
				Required bool           `json:"required"`
				Schema   map[string]any `json:"schema"`
			} `json:"parameters"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
	several := 0
	for _, d := range query.All() {
		if d.Route == "" {
			continue
		}
		params := doc.Paths[d.Route]["get"].Parameters
		require.Len(t, params, len(d.Args), d.Route)
		for i, a := range d.Args {
			p := params[i]
			in := "path"
			if a.InQuery {
				in = "query"
			}
			require.Equal(t, []any{a.Name, in, !a.Optional}, []any{p.Name, p.In, p.Required}, d.Route)
			require.NotEmpty(t, p.Schema["type"], "%s %s: untyped", d.Route, a.Name)
		}
		if len(d.Args) > 1 {
			several++
		}
	}
	require.GreaterOrEqual(t, several, 6, "holders, asset account, payouts, pledges, escrows, trust report")
}

// TestDeclaredArgumentsServed: a route's arguments reach the chain joined as declared, and a
// bad or missing one is a 422 naming it before anything is read.
func TestDeclaredArgumentsServed(t *testing.T) {
	n := nodetest.Start(t)
	const addr = "00112233445566778899aabbccddeeff00112233"
	for path, code := range map[string]string{
		"/v1/trusts/7/report?from=0&to=10":                    "trust.unknown_trust",
		"/v1/offerings/007/pledges":                           "offering.unknown_offering",
		"/v1/offerings/7/pledges?after=" + addr:               "offering.unknown_offering",
		"/v1/distributions/7/payouts?after=" + addr:           "assets.unknown_distribution",
		"/v1/assets/NOTE/holders":                             "assets.unknown_ruled_asset",
		"/v1/assets/NOTE/accounts/" + addr:                    "assets.unknown_ruled_asset",
		"/v1/trusts/7/report?from=0":                          "api.invalid_request",
		"/v1/trusts/7/report?from=x&to=10":                    "api.invalid_request",
		"/v1/trusts/7/report?from=-1&to=10":                   "api.invalid_request",
		"/v1/offerings/7/pledges?after=nobody":                "api.invalid_request",
		"/v1/assets/NOTE/holders?after=NOTE/" + addr:          "api.invalid_request",
		"/v1/assets/note/accounts/" + addr:                    "api.invalid_request",
		"/v1/escrows/accounts/" + addr + "?after=e1/e2":       "api.invalid_request",
		"/v1/escrows/accounts/" + addr + "?after=x1":          "tx.invalid_field",
		"/v1/distributions/0/payouts":                         "api.invalid_request",
		"/v1/compliance/large-value/yesterday":                "api.invalid_request",
		"/v1/insurance/insurers/" + addr + "x/pools":          "api.invalid_request",
		"/v1/trusts/7/report?from=10&to=10":                   "trust.bad_disclosure",
		"/v1/trusts/7/report?from=99999999999999999999&to=10": "api.invalid_request",
	} {
		status, h, body := do(t, http.MethodGet, n.APIURL+path, "", nil)
		require.True(t, status == http.StatusNotFound || status == http.StatusUnprocessableEntity, "%s: %d %s", path, status, body)
		var p problem
		require.NoError(t, json.Unmarshal(body, &p), path)
		require.Equal(t, "application/problem+json", h.Get("Content-Type"), path)
		require.Equal(t, code, p.Code, "%s: %s", path, body)
	}
	var page query.AccountEscrows
	getJSON(t, n.APIURL+"/v1/escrows/accounts/"+addr+"?after=e1", &page)
	require.Equal(t, addr, page.Address)
	require.Empty(t, page.Next)
}
