package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
)

// ingestServer serves a filled in-memory store that POST /ingest writes
// into through the real pipeline, accepting tokens.
func ingestServer(t *testing.T, maxIngest int64, tokens ...string) *httptest.Server {
	t.Helper()
	st := memStore(t)
	ex, err := extract.New()
	require.NoError(t, err)
	res, err := resolve.New()
	require.NoError(t, err)
	opener := Held(st)
	t.Cleanup(func() { opener.Close() })
	srv := New(opener, Options{
		Now: func() time.Time { return testNow }, Tokens: tokens, MaxIngest: maxIngest,
		Ingest: func(ctx context.Context, body io.Reader) (IngestResult, error) {
			p := &ingest.Pipeline{Store: st, Extractor: ex, Resolver: res, Workers: 1,
				OnError: func(e *ingest.ReadError) {}}
			sum, err := p.Run(ctx, []string{"-"}, body, ingest.ReadOptions{})
			return IngestResult{Summary: sum, Line: sum.String()}, err
		},
	})
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// postIngest posts body to /ingest with the bearer token (none when "").
func postIngest(t *testing.T, ts *httptest.Server, token, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ts.URL+API+"/ingest", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-ndjson")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := ts.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

const ingestLine = `{"id":"w1","title":"Talks in Warsaw","published":"2025-02-04","text":"Keir Starmer met Donald Tusk in Warsaw on 4 February 2025."}` + "\n"

func TestIngestToken(t *testing.T) {
	t.Run("refused", func(t *testing.T) {
		for name, c := range map[string]struct {
			tokens []string
			send   string
		}{
			"no token configured":         {tokens: nil, send: "anything"},
			"only the empty token":        {tokens: []string{""}, send: ""},
			"no token sent":               {tokens: []string{"s3cret"}, send: ""},
			"wrong token":                 {tokens: []string{"s3cret"}, send: "s3cre"},
			"a token that only starts it": {tokens: []string{"s3cret"}, send: "s3cretX"},
			"neither of two tokens":       {tokens: []string{"run-token", "s3cret"}, send: "other"},
		} {
			t.Run(name, func(t *testing.T) {
				ts := ingestServer(t, 0, c.tokens...)
				code, body := postIngest(t, ts, c.send, ingestLine)
				require.Equal(t, http.StatusForbidden, code, body)
				var e errorJSON
				require.NoError(t, json.Unmarshal([]byte(body), &e), body)
				assert.Contains(t, e.Error, "token")
				_, facts := do(t, ts, "GET", query(API+"/facts", "subject", "Keir Starmer"), "")
				assert.NotContains(t, facts, "Tusk", "nothing was stored")
			})
		}
	})
	t.Run("accepted", func(t *testing.T) {
		ts := ingestServer(t, 0, "run-token", "s3cret")
		code, body := postIngest(t, ts, "s3cret", ingestLine)
		require.Equal(t, http.StatusOK, code, body)
		var res IngestResult
		require.NoError(t, json.Unmarshal([]byte(body), &res))
		assert.Equal(t, 1, res.Summary.New, body)
		assert.Equal(t, res.Summary.String(), res.Line)
		resp, facts := do(t, ts, "GET", query(API+"/facts", "subject", "Keir Starmer"), "")
		require.Equal(t, http.StatusOK, resp.StatusCode, facts)
		assert.Contains(t, facts, "Donald Tusk", "the ingested facts are queryable")
	})
	t.Run("too large", func(t *testing.T) {
		ts := ingestServer(t, 64, "s3cret")
		code, body := postIngest(t, ts, "s3cret", ingestLine)
		require.Equal(t, http.StatusRequestEntityTooLarge, code, body)
	})
	t.Run("empty", func(t *testing.T) {
		ts := ingestServer(t, 0, "s3cret")
		code, body := postIngest(t, ts, "s3cret", "  \n")
		require.Equal(t, http.StatusBadRequest, code, body)
	})
	t.Run("off", func(t *testing.T) {
		_, ts := newTestServer(t, Options{Tokens: []string{"s3cret"}})
		code, body := postIngest(t, ts, "s3cret", ingestLine)
		require.Equal(t, http.StatusForbidden, code, body)
	})
}

// TestTextAnswers checks that "Accept: text/plain" answers with the CLI's
// table, rendered by the same render function as the CLI's.
func TestTextAnswers(t *testing.T) {
	srv, ts := newTestServer(t, Options{})
	req, err := http.NewRequest(http.MethodGet, ts.URL+query(API+"/facts", "object", "Atlantic Alliance", "predicate", "leads"), nil)
	require.NoError(t, err)
	req.Header.Set("Accept", TextType)
	resp, err := ts.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(got))
	assert.True(t, strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain"))

	var want strings.Builder
	require.NoError(t, srv.withStore(context.Background(), func(st Store) error {
		as, err := queries.New(st).Facts(context.Background(), queries.FactsQuery{Object: "Atlantic Alliance", Predicate: "leads"})
		if err != nil {
			return err
		}
		return render.WriteQueryFacts(&want, as)
	}))
	assert.Equal(t, want.String(), string(got))
	assert.Contains(t, string(got), "Anna Vale")
}
