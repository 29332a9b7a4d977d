package export

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// benchStore fills a memory store with n generated facts: events (meetings,
// visits, sanctions, criticism) among a few thousand entities, 100 facts per article.
func benchStore(b *testing.B, n int) *store.Store {
	b.Helper()
	s, err := store.Open(context.Background(), store.MemoryDSN, store.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { s.Close() })
	fillStore(b, s, n, 100)
	return s
}

// fillStore writes n generated facts to s, perArticle facts per article
// (one transaction each): events among n/50 entities, every fact new.
func fillStore(b *testing.B, s *store.Store, n, perArticle int) {
	b.Helper()
	ctx := context.Background()
	nEnt := max(n/50, 10)
	ents := make([]graph.Entity, nEnt)
	for i := range ents {
		typ := graph.Person
		if i%10 == 0 {
			typ = graph.Country
		}
		ents[i] = ent(typ, fmt.Sprintf("Entity %d «%s»", i, strconv.Itoa(i*7)))
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	preds := []string{graph.Met, graph.Criticized, graph.Sanctioned, graph.Visited}
	day0 := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	for a := 0; a*perArticle < n; a++ {
		art := graph.Article{ID: fmt.Sprintf("a%d", a), Published: graph.DayOf(2024, 1, 1+a%28), Hash: strconv.Itoa(a)}
		batch := graph.Batch{Article: art}
		used := map[string]bool{}
		for i := a * perArticle; i < min(n, (a+1)*perArticle); i++ {
			s, o := ents[i%nEnt], ents[(i*31+7)%nEnt]
			if s.ID == o.ID {
				o = ents[(i+1)%nEnt]
			}
			f := graph.Fact{Subject: s.ID, Object: o.ID, Predicate: preds[i%len(preds)], Confidence: 0.8,
				Date:    graph.DateFromTime(day0.AddDate(0, 0, i)), // unique: every fact is new
				Sources: []graph.Source{{Article: art.ID, Sentence: fmt.Sprintf("Sentence %d, with \"quotes\".", i)}}}
			batch.Facts = append(batch.Facts, f)
			for _, e := range []graph.Entity{s, o} {
				if !used[e.ID] {
					used[e.ID] = true
					batch.Entities = append(batch.Entities, e)
				}
			}
		}
		_, err := s.Write(ctx, batch, now)
		require.NoError(b, err)
	}
}

// benchBoltMarker names the file that records, in a bbolt store built by
// benchBoltStore, how many facts it holds once it is complete.
const benchBoltMarker = "geokg-bench-facts"

// benchBoltStore returns a bbolt store of n generated facts (fillStore,
// 1,000 facts per article), opened read-only as `geokg export` opens it.
// It is built into b.TempDir(); when GEOKG_BENCH_DB names a directory, it
// is built there instead and reused by later runs of the same size
// (building a million facts takes ~10 minutes).
func benchBoltStore(b *testing.B, n int) *store.Store {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	if keep := os.Getenv("GEOKG_BENCH_DB"); keep != "" {
		dir = filepath.Join(keep, strconv.Itoa(n))
	}
	marker := filepath.Join(dir, benchBoltMarker)
	if got, err := os.ReadFile(marker); err != nil || string(got) != strconv.Itoa(n) {
		require.NoError(b, os.RemoveAll(dir))
		start := time.Now()
		s, err := store.Open(ctx, dir, store.Options{})
		require.NoError(b, err)
		fillStore(b, s, n, 1000)
		require.NoError(b, s.Close())
		require.NoError(b, os.WriteFile(marker, []byte(strconv.Itoa(n)), 0o644))
		b.Logf("built a bbolt store of %d facts in %s", n, time.Since(start).Round(time.Second))
	}
	s, err := store.Open(ctx, dir, store.Options{ReadOnly: true})
	require.NoError(b, err)
	b.Cleanup(func() { s.Close() })
	return s
}

// benchFacts is the graph size of the store-backed benchmarks; set
// GEOKG_BENCH_FACTS (e.g. 100000) for a larger run.
func benchFacts() int {
	if n, err := strconv.Atoi(os.Getenv("GEOKG_BENCH_FACTS")); err == nil && n > 0 {
		return n
	}
	return 10000
}

// genSource generates n event facts among n/50 entities on the fly, the
// way a store streams them, so that the export's own memory is measured
// without a store's and a million facts need no hour-long ingest.
type genSource struct{ n int }

func (g genSource) entities() int { return max(g.n/50, 10) }

func (g genSource) entity(i int) graph.Entity {
	typ := graph.Person
	if i%10 == 0 {
		typ = graph.Country
	}
	return graph.Entity{ID: fmt.Sprintf("%s/entity-%d", typ, i), Name: fmt.Sprintf("Entity %d «%d», Jr.", i, i*7), Type: typ}
}

func (g genSource) Entity(_ context.Context, id string) (graph.Entity, error) {
	var i int
	if _, err := fmt.Sscanf(id[strings.IndexByte(id, '/')+1:], "entity-%d", &i); err != nil {
		return graph.Entity{}, store.ErrNotFound
	}
	return g.entity(i), nil
}

func (g genSource) Entities(ctx context.Context, fn func(graph.Entity) error) error {
	for i := 0; i < g.entities(); i++ {
		if err := fn(g.entity(i)); err != nil {
			return err
		}
	}
	return nil
}

func (g genSource) Resolve(context.Context, string) ([]graph.Entity, error) { return nil, nil }

func (g genSource) Facts(ctx context.Context, ff store.FactFilter, fn func(graph.Fact) error) error {
	if len(ff.Subjects)+len(ff.Objects) > 0 || ff.Predicate == graph.Leads {
		return nil // no one leads anything here (the events' country lookup)
	}
	preds := []string{graph.Met, graph.Criticized, graph.Sanctioned, graph.Visited}
	day0 := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	rec := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ne := g.entities()
	for i := 0; i < g.n; i++ {
		f := graph.Fact{ID: fmt.Sprintf("fact/%024x", i),
			Subject: g.entity(i % ne).ID, Object: g.entity((i*31 + 7) % ne).ID,
			Predicate: preds[i%len(preds)], Confidence: 0.8, RecordedAt: rec,
			Date: graph.DateFromTime(day0.AddDate(0, 0, i%40000)),
			Sources: []graph.Source{{Article: fmt.Sprintf("a%d", i/100), URL: "https://example.org/a", Title: "T",
				Published: graph.DayOf(2024, 1, 1+i%28), RecordedAt: rec,
				Sentence: fmt.Sprintf("Sentence %d, with \"quotes\" and Кириллица.", i)}}}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

// benchExport exports the whole graph in format name per iteration and
// reports the time and bytes allocated per fact and the peak live heap
// the export adds over the store (as of the last collection, sampled every
// 4096 facts): the per-fact
// figures stay flat as the graph grows, the peak grows only with the
// entity cache.
func benchExport(b *testing.B, name string, s Source, n int) {
	benchExportHeap(b, name, s, n, false)
}

// benchExportHeap is benchExport; exact samples the live heap after a
// forced collection every 16384 facts (or 1/32 of them) instead, with the
// timer stopped, which is exact and cheap when the store keeps its data
// off the Go heap (bbolt) but slow over a large memory store.
func benchExportHeap(b *testing.B, name string, s Source, n int, exact bool) {
	f, err := Lookup(name)
	require.NoError(b, err)
	ctx := context.Background()
	var peak uint64
	every := 4096
	if exact {
		every = max(min(16384, n/32), 1)
	} else {
		// Collect often, so that the live heap is sampled during the export.
		defer debug.SetGCPercent(debug.SetGCPercent(5))
	}
	sample := func(base uint64) {
		if exact {
			b.StopTimer()
			runtime.GC()
			defer b.StartTimer()
		}
		if h := liveHeap(); h > base && h-base > peak {
			peak = h - base
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		runtime.GC() // and what the first one left in sync.Pool victim caches
		base := liveHeap()
		sel, count := All(s), 0
		sel.Progress = func() {
			if count++; count%every == 0 {
				sample(base)
			}
		}
		b.StartTimer()
		written, err := f.Facts(ctx, io.Discard, sel)
		if err != nil || written != n {
			b.Fatalf("wrote %d of %d facts: %v", written, n, err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(n), "facts")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/fact")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// liveHeap returns the heap found live by the last garbage collection.
func liveHeap() uint64 {
	m := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(m)
	return m[0].Value.Uint64()
}

// Generated facts: the export pipeline alone (selection, names, writer).

func BenchmarkExportJSONL(b *testing.B)   { benchExport(b, "jsonl", genSource{100000}, 100000) }
func BenchmarkExportJSONL1M(b *testing.B) { benchExport(b, "jsonl", genSource{1000000}, 1000000) }
func BenchmarkExportCSV(b *testing.B)     { benchExport(b, "csv", genSource{100000}, 100000) }
func BenchmarkExportParquet(b *testing.B) { benchExport(b, "parquet", genSource{100000}, 100000) }
func BenchmarkExportParquet1M(b *testing.B) {
	benchExport(b, "parquet", genSource{1000000}, 1000000)
}
func BenchmarkExportGEXF(b *testing.B)   { benchExport(b, "gexf", genSource{100000}, 100000) }
func BenchmarkExportEvents(b *testing.B) { benchExport(b, "events", genSource{100000}, 100000) }

// A memory store: reading facts from Cayley included.

func BenchmarkExportStoreJSONL(b *testing.B) {
	n := benchFacts()
	benchExport(b, "jsonl", benchStore(b, n), n)
}

func BenchmarkExportStoreNQuads(b *testing.B) {
	n := benchFacts()
	benchExport(b, "nquads", benchStore(b, n), n)
}

// A bbolt store, the default backend, whose data stays off the Go heap:
// the peak is the export's own memory, Store.Facts included (its page of
// fact ids, its article cache). GEOKG_BENCH_FACTS=1000000 for the
// README's figures, GEOKG_BENCH_DB to keep the built store.

// BenchmarkExportBoltJSONL exports a bbolt store of benchFacts() facts as JSONL.
func BenchmarkExportBoltJSONL(b *testing.B) {
	n := benchFacts()
	benchExportHeap(b, "jsonl", benchBoltStore(b, n), n, true)
}

// BenchmarkExportBoltCSV exports a bbolt store of benchFacts() facts as CSV.
func BenchmarkExportBoltCSV(b *testing.B) {
	n := benchFacts()
	benchExportHeap(b, "csv", benchBoltStore(b, n), n, true)
}
