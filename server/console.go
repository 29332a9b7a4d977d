package server

import (
	"io/fs"
	"net/http"
	"strings"

	"github.com/geokg/geokg/server/web"
)

// UI is the path prefix of the web console's files (script, style,
// vendored libraries); the page itself is at "/".
const UI = "/ui/"

// consolePage serves the console's page at "/".
func consolePage() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := fs.ReadFile(web.Files, "index.html")
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(b)
	})
}

// consoleFiles serves the console's embedded files under UI, without
// directory listings.
func consoleFiles() http.Handler {
	files := http.StripPrefix(UI, http.FileServerFS(web.Files))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
