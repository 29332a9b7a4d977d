package simworld_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/geokg/geokg/internal/simworld"
	"github.com/geokg/geokg/store"
)

// BenchmarkIngestSim ingests a simulated world's articles (1,000, or
// GEOKG_BENCH_ARTICLES) into a fresh bbolt store through the real
// pipeline and reports articles/s, facts/s (distinct facts added),
// statements/s (facts added or merged into stored ones) and store bytes
// per fact.
func BenchmarkIngestSim(b *testing.B) {
	n := benchArticles(b)
	corpus := writeCorpus(b, simworld.New(1, simworld.Options{Articles: n}), b.TempDir())
	ctx := context.Background()
	var facts, merged, bytes int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), fmt.Sprintf("db%d", i))
		st, err := store.Open(ctx, dir, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum := ingestCorpus(b, st, corpus)
		b.StopTimer()
		if sum.New != n || sum.Errors != 0 {
			b.Fatalf("summary %v", sum)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		fi, err := os.Stat(filepath.Join(dir, "indexes.bolt"))
		if err != nil {
			b.Fatal(err)
		}
		facts += int64(sum.FactsAdded)
		merged += int64(sum.FactsMerged)
		bytes += fi.Size()
		b.StartTimer()
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(n*b.N)/secs, "articles/s")
	b.ReportMetric(float64(facts)/secs, "facts/s")
	b.ReportMetric(float64(bytes)/float64(max(facts, 1)), "bytes/fact")
	b.ReportMetric(float64(facts)/float64(b.N), "facts/run")
	b.ReportMetric(float64(facts+merged)/secs, "statements/s")
}

// benchArticles is the number of articles of a simulated corpus a
// benchmark ingests: 1,000, or GEOKG_BENCH_ARTICLES.
func benchArticles(b *testing.B) int {
	n := 1000
	if v := os.Getenv("GEOKG_BENCH_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("GEOKG_BENCH_ARTICLES=%q: want a positive number", v)
		}
	}
	return n
}
