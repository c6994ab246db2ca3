package api

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

// A second status after the first (huma's 499 for a client that left) is dropped instead of
// reaching net/http, which would log "superfluous response.WriteHeader call"; flushing and
// unwrapping still reach the real writer.
func TestHeaderOnce(t *testing.T) {
	rec := httptest.NewRecorder()
	w := &headerOnce{ResponseWriter: rec}
	w.WriteHeader(http.StatusOK)
	w.WriteHeader(499)
	_, err := w.Write([]byte("x"))
	require.NoError(t, err)
	w.Flush()
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "x", rec.Body.String())
	require.True(t, rec.Flushed)
	require.Same(t, rec, w.Unwrap())

	rec = httptest.NewRecorder()
	w = &headerOnce{ResponseWriter: rec}
	_, _ = w.Write([]byte("body")) // an implicit 200
	w.WriteHeader(http.StatusInternalServerError)
	require.Equal(t, http.StatusOK, rec.Code)
}
