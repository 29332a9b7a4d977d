package server

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
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

// genStore writes about n generated facts into an in-memory store (see
// genFacts).
func genStore(b testing.TB, n int) *store.Store {
	s, err := store.Open(context.Background(), store.MemoryDSN, store.Options{})
	require.NoError(b, err)
	genFacts(b, s, n)
	return s
}

// genFacts writes about n generated facts into s: 60 organizations with
// chains of ten leaders, and events among 3000 people.
func genFacts(b testing.TB, s *store.Store, n int) {
	ctx := context.Background()
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
}

// benchBoltVersion names the generator's output in the cache; change it
// when genFacts changes.
const benchBoltVersion = "v2"

// boltStore returns the directory of a bbolt store of about n generated
// facts, built once under the user's cache directory
// ($XDG_CACHE_HOME/geokg-bench, outside the repository) and reused by
// later runs: writing 100k facts to bbolt takes minutes.
func boltStore(b testing.TB, n int) string {
	cache, err := os.UserCacheDir()
	require.NoError(b, err)
	root := filepath.Join(cache, "geokg-bench")
	dir := filepath.Join(root, fmt.Sprintf("server-http-%s-%d", benchBoltVersion, n))
	if _, err := os.Stat(filepath.Join(dir, store.BoltFile)); err == nil {
		return dir
	}
	require.NoError(b, os.MkdirAll(root, 0o755))
	tmp, err := os.MkdirTemp(root, ".building-")
	require.NoError(b, err)
	defer os.RemoveAll(tmp)
	s, err := store.Open(context.Background(), tmp, store.Options{})
	require.NoError(b, err)
	require.NoError(b, s.SetGroupCommit(true))
	genFacts(b, s, n)
	require.NoError(b, s.Close())
	require.NoError(b, os.Rename(tmp, dir))
	return dir
}

// benchHTTP runs GET targets in turn against a server on a generated
// store of benchSize facts, in memory and on bbolt (opened for each
// request, as `geokg serve` does), and reports the p50 and p95 latency of
// a request, in ms.
func benchHTTP(b *testing.B, targets []string) {
	b.Run("memory", func(b *testing.B) {
		opener := Held(genStore(b, benchSize()))
		defer opener.Close()
		benchTargets(b, opener, targets)
	})
	b.Run("bbolt", func(b *testing.B) {
		dir := boltStore(b, benchSize())
		opener, err := OpenerFor(context.Background(), dir, func(ctx context.Context) (ClosingStore, error) {
			return store.Open(ctx, dir, store.Options{ReadOnly: true})
		})
		require.NoError(b, err)
		defer opener.Close()
		benchTargets(b, opener, targets)
	})
}

// benchTargets runs GET targets in turn against a server reading through
// opener and reports the p50 and p95 latency of a request, in ms.
func benchTargets(b *testing.B, opener Opener, targets []string) {
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

// BenchmarkHTTPEntities measures /api/v1/entities (the web console's
// completion, a request per key typed) on a generated store of benchSize
// facts.
func BenchmarkHTTPEntities(b *testing.B) {
	benchHTTP(b, []string{
		query(API+"/entities", "prefix", "Person 004"),
		query(API+"/entities", "prefix", "Organization 1"),
		query(API+"/entities", "prefix", "Pers"),
	})
}
