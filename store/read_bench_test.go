package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// benchFactsStore returns a read-only bbolt store for BenchmarkFactsPages:
// the store directory GEOKG_BENCH_STORE names (such as one kept by the
// export benchmarks' GEOKG_BENCH_DB), or else a fresh one of 5,000
// generated events.
func benchFactsStore(b *testing.B) *Store {
	b.Helper()
	ctx := context.Background()
	dir := os.Getenv("GEOKG_BENCH_STORE")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "db")
		s, err := Open(ctx, dir, Options{})
		require.NoError(b, err)
		const n, perArticle = 5000, 1000
		ents := make([]graph.Entity, n/50)
		for i := range ents {
			ents[i] = graph.Entity{ID: graph.EntityID(graph.Person, fmt.Sprintf("P %d", i)), Name: fmt.Sprintf("P %d", i), Type: graph.Person}
		}
		for a := 0; a*perArticle < n; a++ {
			ar := graph.Article{ID: fmt.Sprintf("a%d", a), Published: graph.DayOf(2024, time.January, 1), Hash: fmt.Sprint(a)}
			bt := graph.Batch{Article: ar, Entities: ents}
			for i := a * perArticle; i < (a+1)*perArticle; i++ {
				bt.Facts = append(bt.Facts, graph.Fact{Subject: ents[i%len(ents)].ID, Predicate: graph.Met,
					Object: ents[(i*7+1)%len(ents)].ID, Confidence: 0.8, Date: graph.DayOf(1900, time.January, 1+i),
					Sources: []graph.Source{{Article: ar.ID, Sentence: fmt.Sprintf("Sentence %d.", i)}}})
			}
			_, err := s.Write(ctx, bt, t0)
			require.NoError(b, err)
		}
		require.NoError(b, s.Close())
	}
	s, err := Open(ctx, dir, Options{ReadOnly: true})
	require.NoError(b, err)
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkFactsPages measures the trade-off of Facts' pages on a bbolt
// store: all facts in one page (one scan of the candidates, every id
// held), the default (pages of factPage ids, at most maxPages scans), and
// 8 pages (8 scans). It reports the time per fact, the time of one scan of the
// candidates, and the peak live heap above the store's (sampled after a
// forced collection every 1/32 of the facts, timer stopped).
func BenchmarkFactsPages(b *testing.B) {
	s := benchFactsStore(b)
	ctx := context.Background()
	st, err := s.Stats(ctx)
	require.NoError(b, err)
	n := st.Facts
	scan := func() {
		p := newIDPage(n, 2)
		require.NoError(b, s.read(ctx, func(r reader) error {
			return r.eachIn(ctx, classFact, rdfType, func(v quad.Value) error {
				if id, ok := idFromIRI(v, ""); ok {
					p.add(id)
				}
				return nil
			})
		}))
	}
	start := time.Now()
	scan()
	scanTime := time.Since(start)
	for _, c := range []struct {
		name         string
		limit, pages int
	}{
		{"one-page", n, 2},
		{"default", factPage, maxPages},
		{"8-pages", (n + 7) / 8, n},
	} {
		b.Run(c.name, func(b *testing.B) {
			var peak uint64
			every := max(n/32, 1)
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				runtime.GC()
				base := heapLive()
				count := 0
				b.StartTimer()
				err := s.facts(ctx, FactFilter{}, c.limit, c.pages, func(graph.Fact) error {
					if count++; count%every == 0 {
						b.StopTimer()
						runtime.GC()
						if h := heapLive(); h > base && h-base > peak {
							peak = h - base
						}
						b.StartTimer()
					}
					return nil
				})
				require.NoError(b, err)
				require.Equal(b, n, count)
			}
			b.ReportMetric(float64(n), "facts")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/fact")
			b.ReportMetric(float64(scanTime.Milliseconds()), "scan-ms")
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}

// heapLive returns the heap found live by the last garbage collection.
func heapLive() uint64 {
	m := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(m)
	return m[0].Value.Uint64()
}
