package server

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
)

func TestEndpoints(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	cases := []struct {
		name, method, target, body string
		status                     int
		want                       []string // substrings of the body
		not                        []string // strings the body must not have
	}{
		{"ask", "GET", query(API+"/ask", "q", "who led the Atlantic Alliance in December 2024?"), "", 200,
			[]string{`"interpretation": "leaders of Atlantic Alliance during 2024-12"`, `"name": "Anna Vale"`}, []string{"Tomas Brook"}},
		{"ask relative to today", "GET", query(API+"/ask", "q", "who leads the Atlantic Alliance?", "today", "2014-12-01"), "", 200,
			[]string{`"name": "Tomas Brook"`}, []string{"Anna Vale"}},
		{"ask unreadable", "GET", query(API+"/ask", "q", "colourless green ideas sleep furiously"), "", 400,
			[]string{`"error":`, `"suggestions":`}, nil},
		{"ask without q", "GET", API + "/ask", "", 400, []string{`parameter \"q\" is required`}, nil},
		{"ask bad today", "GET", query(API+"/ask", "q", "who leads Freedonia?", "today", "2024-06"), "", 400, []string{"want a day"}, nil},
		{"ask too many hops", "GET", query(API+"/ask", "q", "how is Vale connected to Freedonia?", "max_hops", "99"), "", 400, []string{"at most 8"}, nil},
		{"facts at", "GET", query(API+"/facts", "object", "Atlantic Alliance", "predicate", "leads", "at", "2024-12-15"), "", 200,
			[]string{`"subject": "Anna Vale"`}, []string{"Tomas Brook"}},
		{"facts written date", "GET", query(API+"/facts", "object", "alliance", "predicate", "leads", "at", "15 June 2020"), "", 200,
			[]string{`"subject": "Tomas Brook"`}, []string{"Anna Vale"}},
		{"facts range", "GET", query(API+"/facts", "subject", "Vale", "predicate", "met", "from", "2024-10-01", "to", "2024-10-31"), "", 200,
			[]string{`"object": "Rufus Firefly"`}, nil},
		{"facts as known", "GET", query(API+"/facts", "object", "Freedonia", "as_known", "2025-01-01"), "", 200, []string{`[]`}, []string{"Firefly"}},
		{"facts malformed date", "GET", query(API+"/facts", "at", "2024-13-45"), "", 400, []string{`at \"2024-13-45\": not a date`}, nil},
		{"facts impossible date", "GET", query(API+"/facts", "from", "31 February 2024"), "", 400, []string{"not a date"}, nil},
		{"facts at with from", "GET", query(API+"/facts", "at", "2024", "from", "2023"), "", 400, []string{"cannot be combined"}, nil},
		{"facts unknown parameter", "GET", query(API+"/facts", "as-known", "2024"), "", 400, []string{`unknown parameter \"as-known\"`}, nil},
		{"facts repeated parameter", "GET", API + "/facts?at=2024&at=2025", "", 400, []string{"given 2 times"}, nil},
		{"facts unknown entity", "GET", query(API+"/facts", "subject", "Nobody Atall"), "", 404, []string{"no entity with that name"}, nil},
		{"holders", "GET", query(API+"/holders", "org", "Atlantic Alliance"), "", 200, []string{"Tomas Brook", "Anna Vale"}, nil},
		{"holders at", "GET", query(API+"/holders", "org", "Atlantic Alliance", "at", "2025-01-01", "role", "Secretary General"), "", 200,
			[]string{"Anna Vale"}, []string{"Tomas Brook"}},
		{"holders unknown entity", "GET", query(API+"/holders", "org", "Nowhereland"), "", 404, []string{"Nowhereland"}, nil},
		{"holders without org", "GET", API + "/holders", "", 400, []string{"required"}, nil},
		{"timeline", "GET", query(API+"/timeline", "entity", "Anna Vale"), "", 200,
			[]string{`"predicate": "met"`, `"predicate": "leads"`}, nil},
		{"timeline from", "GET", query(API+"/timeline", "entity", "Brook", "from", "2025-01-01"), "", 200, []string{"[]"}, []string{"Brook"}},
		{"timeline first page", "GET", query(API+"/timeline", "entity", "Anna Vale", "limit", "1"), "", 200,
			[]string{`"predicate": "leads"`}, []string{`"predicate": "met"`}},
		{"timeline second page", "GET", query(API+"/timeline", "entity", "Anna Vale", "offset", "1", "limit", "1"), "", 200,
			[]string{`"predicate": "met"`}, []string{`"predicate": "leads"`}},
		{"timeline latest page", "GET", query(API+"/timeline", "entity", "Anna Vale", "limit", "1", "latest", "true"), "", 200,
			[]string{`"predicate": "met"`}, []string{`"predicate": "leads"`}},
		{"timeline bad limit", "GET", query(API+"/timeline", "entity", "Anna Vale", "limit", "-2"), "", 400, []string{"limit"}, nil},
		{"timeline bad as_known", "GET", query(API+"/timeline", "entity", "Vale", "as_known", "soon"), "", 400, []string{"as_known"}, nil},
		{"path", "GET", query(API+"/path", "a", "Brook", "b", "Freedonia"), "", 200, []string{`"paths"`, "Rufus Firefly"}, nil},
		{"path unknown entity", "GET", query(API+"/path", "a", "Brook", "b", "Atlantis Nowhere"), "", 404, nil, nil},
		{"path bad limit", "GET", query(API+"/path", "a", "Brook", "b", "Vale", "limit", "-1"), "", 400, []string{"whole number"}, nil},
		{"neighbors", "GET", query(API+"/neighbors", "entity", "Vale", "predicate", "met"), "", 200, []string{`"name": "Rufus Firefly"`}, []string{"Atlantic"}},
		{"neighbors limit", "GET", query(API+"/neighbors", "entity", "Vale", "limit", "1"), "", 200, []string{`"name": "Atlantic Alliance"`}, []string{"Firefly"}},
		{"neighbors limit 0", "GET", query(API+"/neighbors", "entity", "Vale", "limit", "0"), "", 200, []string{`"name": "Atlantic Alliance"`, `"name": "Rufus Firefly"`}, nil},
		{"neighbors bad limit", "GET", query(API+"/neighbors", "entity", "Vale", "limit", "many"), "", 400, []string{"limit"}, nil},
		{"entities", "GET", query(API+"/entities", "prefix", "fre"), "", 200, []string{`"name": "Freedonia"`}, nil},
		{"entities misspelt", "GET", query(API+"/entities", "prefix", "Freedonai"), "", 200, []string{`"name": "Freedonia"`, `"distance"`}, nil},
		{"gizmo", "POST", query(API+"/gizmo", "limit", "10"), `g.V("<geokg:entity/person/anna-vale>").Out("<geokg:rel/met>").All()`, 200,
			[]string{"rufus-firefly", `"truncated": false`}, nil},
		{"gizmo syntax error", "POST", API + "/gizmo", `g.V(`, 400, []string{"gizmo"}, nil},
		{"gizmo empty", "POST", API + "/gizmo", ``, 400, []string{"body must hold"}, nil},
		{"gizmo bad timeout", "POST", query(API+"/gizmo", "timeout", "forever"), `g.V().All()`, 400, []string{"duration"}, nil},
		{"gizmo by GET", "GET", API + "/gizmo", "", 405, []string{"takes POST"}, nil},
		{"stats", "GET", API + "/stats", "", 200, []string{`"facts": 4`, `"articles": 2`, `"entities": 5`}, nil},
		{"stats with a parameter", "GET", API + "/stats?x=1", "", 400, []string{"no parameters"}, nil},
		{"sources", "GET", API + "/sources", "", 200, []string{"[]"}, nil},
		{"export", "GET", query(API+"/export", "predicate", "met"), "", 200, []string{`"predicate":"met"`}, []string{`"leads"`}},
		{"export bad format", "GET", query(API+"/export", "format", "docx"), "", 400, []string{"supported formats"}, nil},
		{"export unknown entity", "GET", query(API+"/export", "entity", "Nowhereland"), "", 404, []string{"Nowhereland"}, nil},
		{"export entities of gexf", "GET", query(API+"/export", "format", "gexf", "entities", "true"), "", 400, []string{"entity table"}, nil},
		{"export bad date", "GET", query(API+"/export", "at", "yesteryear"), "", 400, []string{"not a date"}, nil},
		{"unknown route", "GET", API + "/nothing", "", 404, []string{"no such route"}, nil},
		{"unknown version", "GET", "/api/v2/facts", "", 404, []string{"no such route"}, nil},
		{"healthz", "GET", "/healthz", "", 200, []string{"ok"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := do(t, ts, c.method, c.target, c.body)
			require.Equal(t, c.status, resp.StatusCode, body)
			for _, w := range c.want {
				assert.Contains(t, body, w)
			}
			for _, n := range c.not {
				assert.NotContains(t, body, n)
			}
			if c.status >= 400 {
				var e errorJSON
				require.NoError(t, json.Unmarshal([]byte(body), &e), body)
				assert.NotEmpty(t, e.Error)
				assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			}
		})
	}
}

// TestAskSameJSONAsCLI checks that /ask answers byte for byte what
// `geokg ask --json` prints for the same question and today.
func TestAskSameJSONAsCLI(t *testing.T) {
	st := memStore(t)
	_, ts := newTestServer(t, Options{})
	q := "who was the prime minister of Freedonia on 1 June 2024?"
	res, err := queries.NewAnswering(st).Ask(context.Background(), queries.AskQuery{Question: q, Today: graph.DateFromTime(testNow)})
	require.NoError(t, err)
	var want bytes.Buffer
	require.NoError(t, render.WriteJSON(&want, render.NewAskJSON(res)))
	resp, body := do(t, ts, "GET", query(API+"/ask", "q", q), "")
	require.Equal(t, 200, resp.StatusCode)
	// recorded_at is the write time of each store: the same (testNow).
	assert.Equal(t, want.String(), body)
}

func TestExportEveryFormat(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for _, f := range export.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			resp, body := do(t, ts, "GET", query(API+"/export", "format", f.Name), "")
			require.Equal(t, 200, resp.StatusCode, body)
			assert.NotEmpty(t, body)
			assert.Contains(t, resp.Header.Get("Content-Disposition"), f.FileName())
			if !f.Binary {
				assert.Contains(t, body, "Anna Vale")
			}
			if f.Entities != nil {
				resp, body := do(t, ts, "GET", query(API+"/export", "format", f.Name, "entities", "true"), "")
				require.Equal(t, 200, resp.StatusCode, body)
				assert.Contains(t, resp.Header.Get("Content-Disposition"), "entities."+f.Ext)
			}
		})
	}
}

func TestSecurityHeaders(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	for _, target := range []string{API + "/stats", API + "/nothing", query(API+"/facts", "at", "bad"), "/healthz", "/metrics"} {
		req, err := http.NewRequest("GET", ts.URL+target, nil)
		require.NoError(t, err)
		req.Header.Set("Origin", "https://evil.example")
		resp, err := ts.Client().Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		h := resp.Header
		assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"), target)
		assert.Equal(t, "no-referrer", h.Get("Referrer-Policy"), target)
		assert.Equal(t, "DENY", h.Get("X-Frame-Options"), target)
		csp := h.Get("Content-Security-Policy")
		assert.True(t, strings.HasPrefix(csp, "default-src 'self'"), csp)
		assert.NotContains(t, csp, "unsafe-inline")
		for k := range h {
			assert.False(t, strings.HasPrefix(k, "Access-Control-"), "CORS header %s on %s", k, target)
		}
	}
}

func TestLimits(t *testing.T) {
	_, ts := newTestServer(t, Options{MaxBody: 64, MaxResults: 1, MaxQuery: 256})
	t.Run("huge q", func(t *testing.T) {
		resp, body := do(t, ts, "GET", query(API+"/ask", "q", "who leads "+strings.Repeat("Freedonia ", 500)), "")
		assert.Equal(t, http.StatusRequestURITooLong, resp.StatusCode, body)
		assert.Contains(t, body, `"error"`)
	})
	t.Run("body too large", func(t *testing.T) {
		resp, body := do(t, ts, "POST", API+"/gizmo", "g.V().All() // "+strings.Repeat("x", 100))
		assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, body)
		assert.Contains(t, body, `"error"`)
	})
	t.Run("result cap", func(t *testing.T) {
		resp, body := do(t, ts, "GET", query(API+"/holders", "org", "Atlantic Alliance"), "")
		require.Equal(t, 200, resp.StatusCode, body)
		assert.Equal(t, "true", resp.Header.Get(truncatedHeader))
		var hs []render.HolderJSON
		require.NoError(t, json.Unmarshal([]byte(body), &hs))
		assert.Len(t, hs, 1)
	})
	t.Run("gizmo result cap", func(t *testing.T) {
		resp, body := do(t, ts, "POST", query(API+"/gizmo", "limit", "1000"), `g.V().All()`)
		require.Equal(t, 200, resp.StatusCode, body)
		var g render.GizmoJSON
		require.NoError(t, json.Unmarshal([]byte(body), &g))
		assert.Len(t, g.Results, 1)
		assert.True(t, g.Truncated)
	})
}

func TestMetrics(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	do(t, ts, "GET", API+"/stats", "")
	do(t, ts, "GET", query(API+"/facts", "at", "bad"), "")
	srv.Metrics().IngestRound("wire", nil)
	srv.Metrics().IngestRound("wire", context.Canceled)
	resp, body := do(t, ts, "GET", "/metrics", "")
	require.Equal(t, 200, resp.StatusCode)
	for _, want := range []string{
		`geokg_http_request_duration_seconds_count{code="200",endpoint="stats"} 1`,
		`geokg_http_request_duration_seconds_count{code="400",endpoint="facts"} 1`,
		"geokg_facts 4", "geokg_entities 5", "geokg_articles 2", "geokg_store_up 1",
		`geokg_ingest_rounds_total{source="wire"} 2`,
		`geokg_ingest_errors_total{source="wire"} 1`,
	} {
		assert.Contains(t, body, want)
	}
	for _, line := range strings.Split(body, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			assert.True(t, strings.HasPrefix(line, "geokg_") || strings.HasPrefix(line, "go_"), line)
		}
	}
}
