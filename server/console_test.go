package server

import (
	"encoding/json"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/server/web"
)

// TestConsoleFiles checks the console is served from the binary: the page
// at "/", its files under /ui/ with their types, no directory listing, the
// security headers, and no reference to anything off the server.
func TestConsoleFiles(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for _, tc := range []struct {
		path, status, ctype string
	}{
		{"/", "200", "text/html"},
		{"/ui/app.js", "200", "text/javascript"},
		{"/ui/app.css", "200", "text/css"},
		{"/ui/vendor/cytoscape.min.js", "200", "text/javascript"},
		{"/ui/vendor/vis-timeline-graph2d.min.js", "200", "text/javascript"},
		{"/ui/vendor/vis-timeline-graph2d.min.css", "200", "text/css"},
		{"/ui/vendor/LICENSE.cytoscape", "200", ""},
		{"/ui/", "404", ""},
		{"/ui/vendor/", "404", ""},
		{"/ui/vendor/update.sh", "404", ""},
		{"/ui/nothing.js", "404", ""},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, _ := do(t, ts, "GET", tc.path, "")
			assert.Equal(t, tc.status, strings.Fields(resp.Status)[0])
			assert.Contains(t, resp.Header.Get("Content-Type"), tc.ctype)
			assert.Equal(t, securityHeaders["Content-Security-Policy"], resp.Header.Get("Content-Security-Policy"))
		})
	}
	resp, _ := do(t, ts, "POST", "/", "")
	assert.Equal(t, http.StatusNotFound, resp.StatusCode, "the page is GET only")

	// The page loads only the server's own files, and no inline script
	// (the CSP would refuse it).
	_, page := do(t, ts, "GET", "/", "")
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(page, -1)
	require.NotEmpty(t, refs)
	for _, r := range refs {
		assert.Regexp(t, `^/`, r[1], "the page refers to something off the server")
		if strings.HasPrefix(r[1], UI) {
			_, err := fs.Stat(web.Files, strings.TrimPrefix(r[1], UI))
			assert.NoError(t, err, "the page loads %s, which is not embedded", r[1])
		}
	}
	assert.NotRegexp(t, `<script>|<script [^>]*>[^<]|on(click|load|submit)=`, page)
}

// TestOpenAPIEnums checks the closed sets the console reads from the
// OpenAPI document: the export formats and the predicates.
func TestOpenAPIEnums(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	_, body := do(t, ts, "GET", API+"/openapi.json", "")
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name   string `json:"name"`
				Schema struct {
					Enum []string `json:"enum"`
				} `json:"schema"`
			} `json:"parameters"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	enum := func(path, name string) []string {
		for _, p := range doc.Paths[API+path]["get"].Parameters {
			if p.Name == name {
				return p.Schema.Enum
			}
		}
		return nil
	}
	assert.Equal(t, export.Names(), enum("/export", "format"))
	assert.Contains(t, enum("/facts", "predicate"), "leads")
	assert.Contains(t, enum("/neighbors", "predicate"), "member_of")
}
