package simworld_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/internal/simworld"
	"github.com/geokg/geokg/store"
)

// BenchmarkIngestSimGrown measures the writes into a grown store: a dense
// simulated world (10 events an article) of 1,000 articles, or
// GEOKG_BENCH_ARTICLES, whose first nine tenths are ingested once into a
// bbolt store; each iteration copies that store and ingests the last
// tenth into the copy through the real pipeline in batches of 200 (as
// `geokg ingest --batch 200` does), in the process that built the store
// (its pages resident). Only that last ingest is timed and counted
// (B/op, allocs/op).
func BenchmarkIngestSimGrown(b *testing.B) {
	n := benchArticles(b)
	dir := b.TempDir()
	corpus := writeCorpus(b, simworld.New(1, simworld.Options{Articles: n, EventsPerArticle: 10}), dir)
	head, tail := filepath.Join(dir, "head.jsonl"), filepath.Join(dir, "tail.jsonl")
	splitLines(b, corpus, n-n/10, head, tail)
	ctx := context.Background()
	base := filepath.Join(dir, "base")
	st, err := store.Open(ctx, base, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if sum := ingestBatched(b, st, head); sum.Errors != 0 {
		b.Fatalf("summary %v", sum)
	}
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := filepath.Join(b.TempDir(), fmt.Sprintf("db%d", i))
		copyDir(b, base, db)
		st, err := store.Open(ctx, db, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum := ingestBatched(b, st, tail)
		b.StopTimer()
		if sum.New != n/10 || sum.Errors != 0 {
			b.Fatalf("summary %v", sum)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(n/10*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// ingestBatched runs the real pipeline over path into st, 200 articles a
// transaction.
func ingestBatched(tb testing.TB, st *store.Store, path string) ingest.Summary {
	tb.Helper()
	ex, err := extract.New()
	if err != nil {
		tb.Fatal(err)
	}
	res, err := resolve.New()
	if err != nil {
		tb.Fatal(err)
	}
	p := &ingest.Pipeline{Store: st, Extractor: ex, Resolver: res, Batch: 200}
	sum, err := p.Run(context.Background(), []string{path}, nil, ingest.ReadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return sum
}

// splitLines writes the first n lines of file src to head and the rest to
// tail.
func splitLines(tb testing.TB, src string, n int, head, tail string) {
	tb.Helper()
	in, err := os.Open(src)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	h, err := os.Create(head)
	if err != nil {
		tb.Fatal(err)
	}
	t, err := os.Create(tail)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(nil, 1<<24)
	for i := 0; sc.Scan(); i++ {
		out := h
		if i >= n {
			out = t
		}
		if _, err := fmt.Fprintln(out, sc.Text()); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	for _, f := range []*os.File{h, t} {
		if err := f.Close(); err != nil {
			tb.Fatal(err)
		}
	}
}

// copyDir copies the files of directory src into a new directory dst.
func copyDir(tb testing.TB, src, dst string) {
	tb.Helper()
	if err := os.MkdirAll(dst, 0o755); err != nil {
		tb.Fatal(err)
	}
	ents, err := os.ReadDir(src)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		in, err := os.Open(filepath.Join(src, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		out, err := os.Create(filepath.Join(dst, e.Name()))
		if err == nil {
			_, err = io.Copy(out, in)
			if cerr := out.Close(); err == nil {
				err = cerr
			}
		}
		in.Close()
		if err != nil {
			tb.Fatal(err)
		}
	}
}
