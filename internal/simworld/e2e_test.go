package simworld_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/internal/simcheck"
	"github.com/geokg/geokg/internal/simworld"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/store"
)

// writeCorpus writes w's articles to a JSONL file in dir.
func writeCorpus(tb testing.TB, w *simworld.World, dir string) string {
	tb.Helper()
	path := filepath.Join(dir, "sim.jsonl")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := w.WriteArticles(f); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// ingestCorpus runs the real pipeline over path into st.
func ingestCorpus(tb testing.TB, st *store.Store, path string) ingest.Summary {
	tb.Helper()
	ex, err := extract.New()
	if err != nil {
		tb.Fatal(err)
	}
	res, err := resolve.New()
	if err != nil {
		tb.Fatal(err)
	}
	p := &ingest.Pipeline{Store: st, Extractor: ex, Resolver: res}
	sum, err := p.Run(context.Background(), []string{path}, nil, ingest.ReadOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return sum
}

// gdate is a day as graph.Date.
func gdate(t time.Time) graph.Date { return graph.DayOf(t.Year(), t.Month(), t.Day()) }

// TestSimWorldAgreesWithStore ingests 300 articles of a simulated world
// into a memory store and checks that holders, facts --at and timeline
// answers agree with the world's truth where the articles state it.
func TestSimWorldAgreesWithStore(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 300 articles")
	}
	ctx := context.Background()
	w := simworld.New(42, simworld.Options{Articles: 300})
	path := writeCorpus(t, w, t.TempDir())
	tr := w.Truth()
	st, err := store.Open(ctx, "memory", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sum := ingestCorpus(t, st, path)
	if sum.New != 300 || sum.Errors != 0 {
		t.Fatalf("ingest: %v", sum)
	}
	eng := queries.New(st)
	rep, err := simcheck.Check(ctx, eng, tr, simcheck.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range rep.Tallies() {
		t.Logf("%s: %d/%d agree", c.Name, c.Agree, c.Checked)
		for _, m := range c.Misses {
			t.Logf("  %s", m)
		}
		if c.Checked < 10 {
			t.Errorf("%s: only %d answers checked", c.Name, c.Checked)
		}
	}
	if r := rep.Agreement(); r < 0.97 {
		t.Errorf("agreement %.3f, want ≥ 0.97", r)
	} else {
		t.Logf("agreement %.3f", r)
	}
}
