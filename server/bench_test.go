package server

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// benchSize is the number of facts of the generated store of the HTTP
// benchmarks; GEOKG_BENCH_FACTS overrides it.
func benchSize() int {
	if n, err := strconv.Atoi(os.Getenv("GEOKG_BENCH_FACTS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// genStore writes about n generated facts into an in-memory store: 60
// organizations with chains of ten leaders, and events among 3000 people.
func genStore(b testing.TB, n int) *store.Store {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(b, err)
	rng := rand.New(rand.NewPCG(7, 11))
	var ents []graph.Entity
	mk := func(t graph.EntityType, name string) graph.Entity {
		e := ent(t, name)
		ents = append(ents, e)
		return e
	}
	persons := make([]graph.Entity, 3000)
	for i := range persons {
		persons[i] = mk(graph.Person, fmt.Sprintf("Person %04d", i))
	}
	orgs := make([]graph.Entity, 60)
	for i := range orgs {
		orgs[i] = mk(graph.Organization, fmt.Sprintf("Organization %02d", i))
	}
	var facts []graph.Fact
	for _, o := range orgs {
		for k := range 10 {
			f := graph.Fact{Subject: persons[rng.IntN(len(persons))].ID, Predicate: graph.Leads, Object: o.ID, Role: "Secretary General",
				Start: graph.DayOf(2016+k, 1, 1), Confidence: 0.8}
			if k < 9 {
				f.End = graph.DayOf(2017+k, 1, 1)
			}
			facts = append(facts, f)
		}
	}
	for len(facts) < n {
		a, o := persons[rng.IntN(len(persons))], persons[rng.IntN(len(persons))]
		if a.ID == o.ID {
			continue
		}
		facts = append(facts, graph.Fact{Subject: a.ID, Predicate: graph.Met, Object: o.ID,
			Date: graph.DayOf(2015+rng.IntN(11), time.Month(1+rng.IntN(12)), 1+rng.IntN(28)), Confidence: 0.8})
	}
	const per = 200
	for i := 0; i*per < len(facts); i++ {
		id := fmt.Sprintf("gen-%05d", i)
		batch := graph.Batch{Article: graph.Article{ID: id, Published: graph.DayOf(2025, 1, 1), Hash: id}}
		if i == 0 {
			batch.Entities = ents
		}
		for j := i * per; j < min(len(facts), (i+1)*per); j++ {
			f := facts[j]
			f.Sources = []graph.Source{{Article: id, Sentence: fmt.Sprintf("Generated sentence %d.", j)}}
			f.ComputeID()
			batch.Facts = append(batch.Facts, f)
		}
		_, err := s.Write(ctx, batch, testNow)
		require.NoError(b, err)
	}
	return s
}

// benchHTTP runs GET targets in turn against a server on a generated
// store and reports the p50 and p95 latency of a request, in ms.
func benchHTTP(b *testing.B, targets []string) {
	st := genStore(b, benchSize())
	opener := Held(st)
	defer opener.Close()
	ts := httptest.NewServer(New(opener, Options{Now: func() time.Time { return testNow }}).Handler())
	defer ts.Close()
	client := ts.Client()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		resp, err := client.Get(ts.URL + targets[i%len(targets)])
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("%s: %s", targets[i%len(targets)], resp.Status)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
}

// BenchmarkHTTPAsk measures /api/v1/ask on a generated store of
// benchSize facts.
func BenchmarkHTTPAsk(b *testing.B) {
	benchHTTP(b, []string{
		query(API+"/ask", "q", "who led Organization 07 on 1 March 2021?"),
		query(API+"/ask", "q", "who leads Organization 42?"),
		query(API+"/ask", "q", "whom did Person 0042 meet in 2020?"),
	})
}

// BenchmarkHTTPFacts measures /api/v1/facts with at on a generated store
// of benchSize facts.
func BenchmarkHTTPFacts(b *testing.B) {
	benchHTTP(b, []string{
		query(API+"/facts", "object", "Organization 07", "predicate", "leads", "at", "2021-03-01"),
		query(API+"/facts", "subject", "Person 0042", "predicate", "met", "at", "2020"),
		query(API+"/facts", "object", "Organization 42", "at", "2025-06-01"),
	})
}
