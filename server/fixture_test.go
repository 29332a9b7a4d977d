package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// testNow is the server's clock in tests.
var testNow = time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)

func day(s string) graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func ent(t graph.EntityType, name string, aliases ...string) graph.Entity {
	return graph.Entity{ID: graph.EntityID(t, name), Name: name, Type: t, Aliases: aliases}
}

// fill writes a small hand-written history into s: two secretaries
// general of the Atlantic Alliance, a prime minister of Freedonia and a
// meeting.
func fill(t testing.TB, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	alliance := ent(graph.Organization, "Atlantic Alliance", "the alliance")
	freedonia := ent(graph.Country, "Freedonia")
	vale := ent(graph.Person, "Anna Vale", "Vale")
	brook := ent(graph.Person, "Tomas Brook", "Brook")
	firefly := ent(graph.Person, "Rufus Firefly", "Firefly")
	ents := []graph.Entity{alliance, freedonia, vale, brook, firefly}
	src := func(id, pub, sentence string) []graph.Source {
		return []graph.Source{{Article: id, Published: day(pub), Sentence: sentence}}
	}
	batches := []graph.Batch{
		{Article: graph.Article{ID: "s1", Title: "Vale takes over", URL: "https://example.test/s1", Published: day("2024-10-02"), Hash: "h1"}, Entities: ents, Facts: []graph.Fact{
			{Subject: vale.ID, Predicate: graph.Leads, Object: alliance.ID, Role: "Secretary General", Start: day("2024-10-01"), Confidence: 0.9,
				Sources: src("s1", "2024-10-02", "Anna Vale became Secretary General of the Atlantic Alliance on 1 October 2024.")},
			{Subject: brook.ID, Predicate: graph.Leads, Object: alliance.ID, Role: "Secretary General", Start: day("2014-10"), Confidence: 0.8,
				Sources: src("s1", "2024-10-02", "Tomas Brook led the alliance from October 2014.")},
			{Subject: vale.ID, Predicate: graph.Met, Object: firefly.ID, Date: day("2024-10-02"), Confidence: 0.9,
				Sources: src("s1", "2024-10-02", "Vale met Rufus Firefly on Wednesday.")},
		}},
		{Article: graph.Article{ID: "s2", Title: "Firefly in office", Published: day("2024-05-06"), Hash: "h2"}, Entities: ents, Facts: []graph.Fact{
			{Subject: firefly.ID, Predicate: graph.Leads, Object: freedonia.ID, Role: "Prime Minister", Start: day("2024-05-05"), Confidence: 0.9,
				Sources: src("s2", "2024-05-06", "Rufus Firefly became Prime Minister of Freedonia on 5 May 2024.")},
		}},
	}
	for _, b := range batches {
		for i := range b.Facts {
			b.Facts[i].ComputeID()
		}
		_, err := s.Write(ctx, b, testNow)
		require.NoError(t, err)
	}
}

// memStore returns a filled in-memory store.
func memStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	fill(t, s)
	return s
}

// newTestServer serves a filled in-memory store with opts.
func newTestServer(t testing.TB, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	opener := Held(memStore(t))
	t.Cleanup(func() { opener.Close() })
	if opts.Now == nil {
		opts.Now = func() time.Time { return testNow }
	}
	srv := New(opener, opts)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return srv, ts
}

// query builds "path?k=v&..." from pairs.
func query(path string, kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// do sends a request and returns the response and its body.
func do(t testing.TB, ts *httptest.Server, method, target, body string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+target, strings.NewReader(body))
	require.NoError(t, err)
	resp, err := ts.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, string(b)
}
