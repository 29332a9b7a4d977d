package simworld_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/simcheck"
	"github.com/geokg/geokg/internal/simworld"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/store"
)

// BenchmarkQueriesSim times the query forms in-process on a store that
// `geokg ingest` built from a simulated world: GEOKG_BENCH_DB names the
// store, GEOKG_BENCH_ARTICLES (default 1000) the world's size and
// GEOKG_BENCH_EVENTS (default 1) its events per article, seed 1, as `go
// run ./internal/simworld/simcorpus -articles N -events-per-article E`
// writes it. For
// up to 40 terms of the world's leaders that the articles name it asks facts --object --predicate leads
// --at, holders --at, the holder's timeline (whole, its latest page, a
// page from the middle, a month of the term whole and its latest page), neighbours, a path to another
// term's holder (of all time and at a day of the term), neighbours as
// the CLI's table asks them (neighbors-table), a search of
// entities by the first four letters of the holder's name (as the CLI and
// the API search, without names loaded beforehand) and the ask form "who
// led X on D?", and reports each form's p50 and p95 in milliseconds, the
// rows of the timeline index a call of it read on average (when any) and,
// once, how many holders, facts --at and timeline answers agree with the
// simulated truth of the articles the store holds (the first ones of the
// world, when a bulk load was stopped part way).
func BenchmarkQueriesSim(b *testing.B) {
	db := os.Getenv("GEOKG_BENCH_DB")
	if db == "" {
		b.Skip("GEOKG_BENCH_DB is not set: no store to query")
	}
	n := 1000
	if v := os.Getenv("GEOKG_BENCH_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("GEOKG_BENCH_ARTICLES=%q: want a positive number", v)
		}
	}
	events := 1
	if v := os.Getenv("GEOKG_BENCH_EVENTS"); v != "" {
		var err error
		if events, err = strconv.Atoi(v); err != nil || events <= 0 {
			b.Fatalf("GEOKG_BENCH_EVENTS=%q: want a positive number", v)
		}
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	eng := queries.NewWithOptions(st, queries.Options{Evidence: true})
	names, err := queries.LoadNames(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	world := simworld.New(1, simworld.Options{Articles: n, EventsPerArticle: events})
	var terms []simworld.Term
	for _, t := range world.Truth().Terms {
		if t.Post() || len(terms) >= 40 {
			continue
		}
		// Only people the articles named (a term may go unreported).
		if _, err := eng.Timeline(ctx, queries.TimelineQuery{Entity: t.Person}); err == nil {
			terms = append(terms, t)
		}
	}
	// other is the person of another term, for path.
	other := func(t simworld.Term) string {
		for i := len(terms) - 1; i >= 0; i-- {
			if terms[i].Person != t.Person {
				return terms[i].Person
			}
		}
		return t.Of
	}
	forms := []struct {
		name string
		run  func(t simworld.Term, at time.Time) error
	}{
		{"facts-at", func(t simworld.Term, at time.Time) error {
			_, err := eng.Facts(ctx, queries.FactsQuery{Object: t.Of, Predicate: "leads", At: gdate(at)})
			return err
		}},
		{"holders", func(t simworld.Term, at time.Time) error {
			_, err := eng.Holders(ctx, queries.HoldersQuery{Org: t.Of, At: gdate(at)})
			return err
		}},
		{"timeline", func(t simworld.Term, _ time.Time) error {
			_, err := eng.Timeline(ctx, queries.TimelineQuery{Entity: t.Person})
			return err
		}},
		{"timeline-latest", func(t simworld.Term, _ time.Time) error {
			// What geokg query timeline prints by default.
			_, err := eng.Timeline(ctx, queries.TimelineQuery{Entity: t.Person, Limit: queries.DefaultTimelineLimit, Latest: true})
			return err
		}},
		{"timeline-page", func(t simworld.Term, _ time.Time) error {
			// One page of 20 from the middle, as a console or the API pages.
			_, err := eng.Timeline(ctx, queries.TimelineQuery{Entity: t.Person, Offset: 200, Limit: 20})
			return err
		}},
		{"timeline-month", func(t simworld.Term, at time.Time) error {
			// The month of a day of the term (--from/--to), whole.
			m := graph.MonthOf(at.Year(), at.Month())
			_, err := eng.Timeline(ctx, queries.TimelineQuery{Entity: t.Person, From: m, To: m})
			return err
		}},
		{"timeline-month-latest", func(t simworld.Term, at time.Time) error {
			// Its latest 20, as geokg query timeline --from --to prints.
			m := graph.MonthOf(at.Year(), at.Month())
			_, err := eng.Timeline(ctx, queries.TimelineQuery{Entity: t.Person, From: m, To: m, Limit: queries.DefaultTimelineLimit, Latest: true})
			return err
		}},
		{"neighbors", func(t simworld.Term, _ time.Time) error {
			_, err := eng.Neighbors(ctx, queries.NeighborsQuery{Entity: t.Person, Names: names})
			return err
		}},
		{"neighbors-table", func(t simworld.Term, _ time.Time) error {
			// What geokg query neighbors prints: counts, predicates and
			// the latest fact of each neighbour.
			_, err := eng.Neighbors(ctx, queries.NeighborsQuery{Entity: t.Person, Names: names, Summary: true, Limit: queries.DefaultNeighborsLimit})
			return err
		}},
		{"path", func(t simworld.Term, _ time.Time) error {
			_, err := eng.Path(ctx, queries.PathQuery{From: t.Person, To: other(t), Names: names})
			return err
		}},
		{"path-at", func(t simworld.Term, at time.Time) error {
			_, err := eng.Path(ctx, queries.PathQuery{From: t.Person, To: other(t), At: gdate(at), Names: names})
			return err
		}},
		{"entities", func(t simworld.Term, _ time.Time) error {
			// As geokg query entities and /api/v1/entities ask: no names
			// loaded beforehand.
			_, err := eng.SearchEntities(ctx, nil, string([]rune(t.Person)[:4]), 50)
			return err
		}},
		{"entities-short", func(t simworld.Term, _ time.Time) error {
			// One and two letters: prefixes that find thousands.
			for _, n := range []int{1, 2} {
				if _, err := eng.SearchEntities(ctx, nil, string([]rune(t.Person)[:n]), 50); err != nil {
					return err
				}
			}
			return nil
		}},
		{"ask", func(t simworld.Term, at time.Time) error {
			_, err := eng.Ask(ctx, queries.AskQuery{Question: fmt.Sprintf("who led %s on %s?", t.Of, at.Format("2 January 2006")),
				Today: gdate(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), Names: names})
			return err
		}},
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	rep, err := simcheck.Check(ctx, eng, world.TruthOfFirst(stats.Articles), simcheck.Limits{Holders: 60, FactsAt: 60, Timeline: 300})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range rep.Tallies() {
		b.Logf("%d articles, %d facts: %s %d/%d agree", stats.Articles, stats.Facts, c.Name, c.Agree, c.Checked)
	}
	b.ResetTimer()
	for range b.N {
		for _, f := range forms {
			var ds []time.Duration
			rows := st.RowsRead()
			for _, t := range terms {
				end := t.End
				if end.IsZero() {
					end = t.Start.AddDate(1, 0, 0)
				}
				at := t.Start.Add(end.Sub(t.Start) / 2)
				start := time.Now()
				if err := f.run(t, at); err != nil {
					b.Fatalf("%s %s: %v", f.name, t.Of, err)
				}
				ds = append(ds, time.Since(start))
			}
			sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
			ms := func(q float64) float64 { return float64(ds[int(q*float64(len(ds)-1))].Microseconds()) / 1000 }
			b.ReportMetric(ms(0.5), f.name+"-p50-ms")
			b.ReportMetric(ms(0.95), f.name+"-p95-ms")
			if n := st.RowsRead() - rows; n > 0 {
				// Rows of the timeline index a call read, on average.
				b.ReportMetric(float64(n)/float64(len(terms)), f.name+"-rows")
			}
		}
	}
}
