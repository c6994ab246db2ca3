package web

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed static
var files embed.FS

// Static is the console's files (index.html at its root).
func Static() fs.FS {
	sub, err := fs.Sub(files, "static")
	if err != nil {
		panic(err) // the embedded tree always has static/
	}
	return sub
}

// CSP admits the node's own scripts, styles, images and API only: no inline script, no eval,
// no other origin, no framing.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Prefix is where the console's assets are served; "/" serves its index page.
const Prefix = "/console/"

// Handler serves the index page at "/" and the assets under Prefix, each with the safe
// headers. Mount it on "GET /{$}" and "GET /console/".
func Handler() http.Handler {
	assets := http.StripPrefix(Prefix, http.FileServerFS(Static()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		safeHeaders(w.Header())
		if r.URL.Path == "/" {
			// The index names the assets; revalidate it so that a new binary's files are seen.
			w.Header().Set("Cache-Control", "no-cache")
			http.ServeFileFS(w, r, Static(), "index.html")
			return
		}
		if strings.HasSuffix(r.URL.Path, "/") { // no directory listings
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		assets.ServeHTTP(w, r)
	})
}

func safeHeaders(h http.Header) {
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}
