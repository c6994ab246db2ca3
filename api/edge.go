package api

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/puhui-chain/puhui/client"
)

// The edge's middleware: what is checked before a request reaches its handler, so that
// nothing is read, parsed or held for a request that will be refused anyway.

// edge wraps the API's routes: an oversized body is refused from its Content-Length, the
// operator token is checked before the body is read, event streams are counted, and document
// transfers get the longer transfer timeout.
func (s *server) edge(next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		w := &headerOnce{ResponseWriter: rw}
		switch {
		case isDocumentContent(r.URL.Path):
			rc := http.NewResponseController(w)
			deadline := time.Now().Add(s.limits.TransferTimeout)
			_ = rc.SetReadDeadline(deadline)
			_ = rc.SetWriteDeadline(deadline)
		case r.ContentLength > bodyLimit(r):
			writeProblem(w, http.StatusRequestEntityTooLarge, "api.too_large", fmt.Sprintf("a request body is at most %d bytes", bodyLimit(r)))
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

// bodyLimit is the largest body a request may carry (document contents have their own).
func bodyLimit(r *http.Request) int64 {
	if r.URL.Path == batchPath && r.Method == http.MethodPost {
		return client.MaxBatchBytes
	}
	return MaxBodyBytes
}

func isDocumentContent(path string) bool {
	return strings.HasPrefix(path, "/v1/documents/") && strings.HasSuffix(path, "/content")
}

// problemJSON is a problem document as text, for answers written outside huma.
func problemJSON(status int, code, detail string) string {
	return fmt.Sprintf(`{"status":%d,"title":%q,"code":%q,"detail":%q}`, status, http.StatusText(status), code, detail)
}

// problemWhenUnmatched makes the mux's own answers to a request no route matches (404, or 405
// for a path served under other methods) coded problems like every other refusal, instead of
// its plain-text bodies.
func problemWhenUnmatched(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		rec := &statusRecorder{header: http.Header{}}
		mux.ServeHTTP(rec, r)
		if allow := rec.header.Get("Allow"); allow != "" {
			w.Header().Set("Allow", allow)
		}
		status := rec.status
		if status == 0 {
			status = http.StatusNotFound
		}
		writeProblem(w, status, codeForStatus(status), fmt.Sprintf("%s %s: %s", r.Method, r.URL.Path, strings.ToLower(http.StatusText(status))))
	})
}

// statusRecorder keeps a handler's status and headers and drops its body.
type statusRecorder struct {
	header http.Header
	status int
}

func (s *statusRecorder) Header() http.Header         { return s.header }
func (s *statusRecorder) Write(b []byte) (int, error) { return len(b), nil }
func (s *statusRecorder) WriteHeader(status int)      { s.status = status }

// headerOnce passes a handler's first final status through and drops any later one. huma
// sets the status before it writes the body and, when the client has gone meanwhile (a bench
// client whose window ended, a user who closed the page), sets 499 for its own bookkeeping:
// net/http then logs "http: superfluous response.WriteHeader call" on the node's stderr for
// every such client. The status line has long been sent; the second call can change nothing.
type headerOnce struct {
	http.ResponseWriter
	wrote bool
}

func (h *headerOnce) WriteHeader(status int) {
	if h.wrote {
		return
	}
	if status >= 200 { // informational answers (1xx) may precede the final one
		h.wrote = true
	}
	h.ResponseWriter.WriteHeader(status)
}

func (h *headerOnce) Write(b []byte) (int, error) {
	h.wrote = true
	return h.ResponseWriter.Write(b)
}

// Flush keeps event streams flowing through the wrapper.
func (h *headerOnce) Flush() {
	if f, ok := h.ResponseWriter.(http.Flusher); ok {
		h.wrote = true
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the connection (deadlines of document transfers
// and event streams).
func (h *headerOnce) Unwrap() http.ResponseWriter { return h.ResponseWriter }
