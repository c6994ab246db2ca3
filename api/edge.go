package api

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// The edge's middleware: what is checked before a request reaches its handler, so that
// nothing is read, parsed or held for a request that will be refused anyway.

// edge wraps the API's routes: an oversized body is refused from its Content-Length, the
// operator token is checked before the body is read, event streams are counted, and document
// transfers get the longer transfer timeout.
func (s *server) edge(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case isDocumentContent(r.URL.Path):
			rc := http.NewResponseController(w)
			deadline := time.Now().Add(s.limits.TransferTimeout)
			_ = rc.SetReadDeadline(deadline)
			_ = rc.SetWriteDeadline(deadline)
		case r.ContentLength > MaxBodyBytes:
			writeProblem(w, http.StatusRequestEntityTooLarge, "api.too_large", fmt.Sprintf("a request body is at most %d bytes", MaxBodyBytes))
			return
		case strings.HasPrefix(r.URL.Path, "/v1/operator/"):
			if err := s.authorize(r.Header.Get("Authorization")); err != nil {
				p := err.(*Problem)
				writeProblem(w, p.Status, p.Code, p.Detail)
				return
			}
		case r.URL.Path == "/v1/events" && r.Method == http.MethodGet:
			client := clientOf(r.RemoteAddr)
			if status := s.streams.acquire(client); status != 0 {
				w.Header().Set("Retry-After", "5")
				code, detail := "api.too_many_streams", "this client holds as many event streams as the node allows"
				if status == http.StatusServiceUnavailable {
					code, detail = "api.unavailable", "the node holds as many event streams as it allows"
				}
				writeProblem(w, status, code, detail)
				return
			}
			defer s.streams.release(client)
		}
		next.ServeHTTP(w, r)
	})
}

func isDocumentContent(path string) bool {
	return strings.HasPrefix(path, "/v1/documents/") && strings.HasSuffix(path, "/content")
}

// problemJSON is a problem document as text, for answers written outside huma.
func problemJSON(status int, code, detail string) string {
	return fmt.Sprintf(`{"status":%d,"title":%q,"code":%q,"detail":%q}`, status, http.StatusText(status), code, detail)
}
