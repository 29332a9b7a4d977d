package simworld_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
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

// TestSimWorldAgreesWithStore ingests simulated worlds into memory stores
// and checks that holders, facts --at and timeline answers agree with the
// world's truth where the articles state it: the default world of 300
// articles, and a dense one whose articles report five events each (a
// round-up of the week's meetings, calls and visits), whose timelines are
// checked (its few articles name most office holders only by title, on
// the days of their events, which tells holders --at too little to check).
func TestSimWorldAgreesWithStore(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests simulated worlds")
	}
	for _, c := range []struct {
		name   string
		opts   simworld.Options
		checks []string // the tallies that must agree
	}{
		{"default", simworld.Options{Articles: 300}, []string{"holders --at", "facts --at", "timeline"}},
		{"dense", simworld.Options{Articles: 200, EventsPerArticle: 5}, []string{"timeline"}},
	} {
		t.Run(c.name, func(t *testing.T) { agreeWithStore(t, c.opts, c.checks) })
	}
}

// agreeWithStore is TestSimWorldAgreesWithStore for one world: each tally
// named in checks must have at least 10 answers checked and they must
// agree together at 0.97 or more.
func agreeWithStore(t *testing.T, opts simworld.Options, checks []string) {
	ctx := context.Background()
	w := simworld.New(42, opts)
	path := writeCorpus(t, w, t.TempDir())
	tr := w.Truth()
	st, err := store.Open(ctx, "memory", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sum := ingestCorpus(t, st, path)
	if sum.New != opts.Articles || sum.Errors != 0 {
		t.Fatalf("ingest: %v", sum)
	}
	eng := queries.New(st)
	rep, err := simcheck.Check(ctx, eng, tr, simcheck.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	agree, checked := 0, 0
	for _, c := range rep.Tallies() {
		t.Logf("%s: %d/%d agree", c.Name, c.Agree, c.Checked)
		if !slices.Contains(checks, c.Name) {
			continue
		}
		for _, m := range c.Misses {
			t.Logf("  %s", m)
		}
		if c.Checked < 10 {
			t.Errorf("%s: only %d answers checked", c.Name, c.Checked)
		}
		agree, checked = agree+c.Agree, checked+c.Checked
	}
	if r := float64(agree) / float64(max(checked, 1)); r < 0.97 {
		t.Errorf("agreement %.3f, want ≥ 0.97", r)
	} else {
		t.Logf("agreement %.3f", r)
	}
	if opts.EventsPerArticle > 1 {
		// The facts grow with the events: each article adds about as
		// many facts as it reports events.
		s, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := opts.Articles * opts.EventsPerArticle * 9 / 10; s.Facts < want {
			t.Errorf("%d facts from %d articles of %d events, want ≥ %d", s.Facts, opts.Articles, opts.EventsPerArticle, want)
		}
	}
}
