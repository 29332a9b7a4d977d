package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openAPIDoc is the part of an OpenAPI document the test reads.
type openAPIDoc struct {
	OpenAPI string                                 `json:"openapi"`
	Paths   map[string]map[string]openAPIOperation `json:"paths"`
}

type openAPIOperation struct {
	OperationID string `json:"operationId"`
	Parameters  []struct {
		Name     string `json:"name"`
		In       string `json:"in"`
		Required bool   `json:"required"`
		Schema   struct {
			Type string `json:"type"`
		} `json:"schema"`
	} `json:"parameters"`
	RequestBody *struct{} `json:"requestBody"`
}

// TestOpenAPIMatchesRoutes reads the served document and checks it against
// the server itself: every operation it lists is answered by a handler that
// takes exactly the parameters it lists, and every route is in it.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	resp, body := do(t, ts, "GET", API+"/openapi.json", "")
	require.Equal(t, 200, resp.StatusCode)
	var doc openAPIDoc
	require.NoError(t, json.Unmarshal([]byte(body), &doc))
	assert.True(t, strings.HasPrefix(doc.OpenAPI, "3."))

	var documented, routed []string
	for path, ops := range doc.Paths {
		for method, op := range ops {
			method = strings.ToUpper(method)
			documented = append(documented, method+" "+path)
			// The operation's path and method reach a handler that checks
			// parameters (not the 404 or 405 of an unknown route).
			r, b := do(t, ts, method, path+"?zz_not_a_parameter=1", "")
			require.Equal(t, http.StatusBadRequest, r.StatusCode, "%s %s: %s", method, path, b)
			require.Contains(t, b, "unknown parameter", "%s %s", method, path)
			// The handler's parameter list is the document's.
			var names []string
			for _, p := range op.Parameters {
				assert.Equal(t, "query", p.In)
				assert.NotEmpty(t, p.Schema.Type, "%s %s %s", method, path, p.Name)
				names = append(names, p.Name)
			}
			sort.Strings(names)
			want := "no parameters"
			if len(names) > 0 {
				want = strings.Join(names, ", ")
			}
			assert.Equal(t, want, sortedList(t, b), "%s %s", method, path)
			assert.Equal(t, method == http.MethodPost, op.RequestBody != nil, "%s %s body", method, path)
		}
	}
	for _, rt := range Routes() {
		routed = append(routed, rt.Method+" "+rt.Path)
	}
	sort.Strings(documented)
	sort.Strings(routed)
	assert.Equal(t, routed, documented)
	assert.Contains(t, documented, "GET "+API+"/openapi.json")
}

// sortedList returns, sorted, the parameter list of an "unknown
// parameter" error: "(PATH takes a, b)".
func sortedList(t *testing.T, body string) string {
	t.Helper()
	var e errorJSON
	require.NoError(t, json.Unmarshal([]byte(body), &e))
	_, list, ok := strings.Cut(e.Error, " takes ")
	require.True(t, ok, e.Error)
	list = strings.TrimSuffix(list, ")")
	if list == "no parameters" {
		return list
	}
	names := strings.Split(list, ", ")
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// TestRouteTableComplete checks every row of the route table.
func TestRouteTableComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, rt := range Routes() {
		key := rt.Method + " " + rt.Path
		assert.False(t, seen[key], "duplicate route %s", key)
		seen[key] = true
		assert.Contains(t, []string{http.MethodGet, http.MethodPost}, rt.Method, key)
		assert.True(t, strings.HasPrefix(rt.Path, API+"/"), key)
		assert.NotEmpty(t, rt.Name, key)
		assert.NotEmpty(t, rt.Summary, key)
		assert.NotNil(t, rt.handle, key)
		assert.Equal(t, rt.Method == http.MethodPost, rt.Body != "", "%s: POST routes and only they take a body", key)
		names := map[string]bool{}
		for _, p := range rt.Params {
			assert.False(t, names[p.Name], "%s: duplicate parameter %s", key, p.Name)
			names[p.Name] = true
			assert.NotContains(t, p.Name, "-", "%s: parameter names use _ for the CLI's -", key)
			assert.NotEmpty(t, p.Doc, "%s %s", key, p.Name)
			assert.NotEmpty(t, schemaOf(p.Type)["type"], "%s %s", key, p.Name)
		}
	}
}

// TestOpenAPIFactSchema checks the document's Fact and Source schemas
// against answers: every field of a fact, and of its sources, in an
// answer of /facts (a fact with more sources than it lists included) is
// a property of the schema, of the type its value has, and source_count
// says where the other sources are paged.
func TestOpenAPIFactSchema(t *testing.T) {
	st, _ := restatedStore(t)
	opener := Held(st)
	t.Cleanup(func() { opener.Close() })
	ts := httptest.NewServer(New(opener, Options{Now: func() time.Time { return testNow }}).Handler())
	t.Cleanup(ts.Close)
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Type        string `json:"type"`
					Description string `json:"description"`
				} `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal([]byte(mustGet(t, ts, API+"/openapi.json")), &doc))
	var facts []map[string]any
	require.NoError(t, json.Unmarshal([]byte(mustGet(t, ts, query(API+"/facts", "object", "Freedonia"))), &facts))
	require.NotEmpty(t, facts)
	jsonType := func(v any) string {
		switch v.(type) {
		case string:
			return "string"
		case bool:
			return "boolean"
		case float64:
			return "number"
		case []any:
			return "array"
		}
		return "object"
	}
	check := func(schema string, rec map[string]any) {
		props := doc.Components.Schemas[schema].Properties
		require.NotEmpty(t, props, "schema %s", schema)
		for k, v := range rec {
			p, ok := props[k]
			if assert.True(t, ok, "%s field %q is not in the document", schema, k) && p.Type != "integer" {
				assert.Equal(t, p.Type, jsonType(v), "%s field %q", schema, k)
			}
		}
	}
	counted := false
	for _, f := range facts {
		check("Fact", f)
		for _, s := range f["sources"].([]any) {
			check("Source", s.(map[string]any))
		}
		_, has := f["source_count"]
		counted = counted || has
	}
	assert.True(t, counted, "the restated fact has source_count")
	assert.Contains(t, doc.Components.Schemas["Fact"].Properties["source_count"].Description, API+"/evidence?fact=")
}
