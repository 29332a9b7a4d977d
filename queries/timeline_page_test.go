package queries

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// timelineHubStore generates a store in which one person, the hub, has some
// hundreds of facts: meetings on either side on days, months and years
// (several on one day), undated meetings sorted by the first of their
// articles, terms with a start, an end or neither, and restatements in
// earlier articles.
func timelineHubStore(t *testing.T, dsn string) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dsn, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	rng := rand.New(rand.NewPCG(14, 1))
	hub := ent(graph.Person, "Hanna Brekke", "Brekke")
	ents := []graph.Entity{hub}
	for i := range 30 {
		ents = append(ents, ent(graph.Person, fmt.Sprintf("Envoy %02d", i)))
	}
	for i := range 6 {
		ents = append(ents, ent(graph.Country, fmt.Sprintf("Land %d", i)))
	}
	other := func() graph.Entity { return ents[1+rng.IntN(len(ents)-1)] }
	date := func() graph.Date {
		y, m := 2018+rng.IntN(8), time.Month(1+rng.IntN(12))
		switch rng.IntN(6) {
		case 0:
			return graph.YearOf(y)
		case 1:
			return graph.MonthOf(y, m)
		case 2:
			return graph.Date{} // undated
		}
		return graph.DayOf(y, m, 1+rng.IntN(3)) // few days: ties
	}
	for a := range 60 {
		pub := graph.DayOf(2018+rng.IntN(8), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		id := fmt.Sprintf("hub-%02d", a)
		b := graph.Batch{Article: graph.Article{ID: id, Published: pub, Hash: id}, Entities: ents}
		for j := range 8 {
			f := graph.Fact{Subject: hub.ID, Predicate: graph.Met, Object: other().ID, Confidence: 0.8}
			switch rng.IntN(4) {
			case 0:
				f.Subject, f.Object = f.Object, f.Subject
			case 1:
				o := ents[31+rng.IntN(6)]
				f.Predicate, f.Object, f.Role = graph.Leads, o.ID, "Envoy"
				f.Start, f.End = date(), date()
				if !f.Start.IsZero() && !f.End.IsZero() && f.End.Before(f.Start) {
					f.Start, f.End = f.End, f.Start
				}
			}
			if f.Predicate != graph.Leads {
				f.Date = date()
			}
			if f.Subject == f.Object {
				continue
			}
			f.Sources = []graph.Source{{Article: id, Published: pub, Sentence: fmt.Sprintf("Sentence %d of %s.", j, id)}}
			f.ComputeID()
			b.Facts = append(b.Facts, f)
		}
		_, err := s.Write(ctx, b, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		require.NoError(t, err)
	}
	return s
}

// timelineReads is a Store without a timeline index (Store's methods
// only) that counts the facts it is asked to read with Facts.
type timelineReads struct {
	Store
	facts int
}

// Facts counts the facts it yields.
func (r *timelineReads) Facts(ctx context.Context, ff store.FactFilter, fn func(graph.Fact) error) error {
	return r.Store.Facts(ctx, ff, func(f graph.Fact) error { r.facts++; return fn(f) })
}

// pageCounter is a Store with the timeline index of st that counts the
// facts it reads in both ways.
type pageCounter struct {
	timelineReads
	st *store.Store
}

// TimelineSpan counts the facts of the page.
func (p *pageCounter) TimelineSpan(ctx context.Context, ids []string, span store.TimelineSpan, evidence bool) ([]graph.Fact, int, bool, error) {
	fs, total, ok, err := p.st.TimelineSpan(ctx, ids, span, evidence)
	p.facts += len(fs)
	return fs, total, ok, err
}

// TestTimelinePages checks on a generated store, in memory and on bbolt,
// that the pages of a timeline read through the timeline index are the
// answer of the whole timeline read fact by fact, cut in pages — the
// same answers in the same order, undated facts and ties included — and
// that a page reads only its facts.
func TestTimelinePages(t *testing.T) {
	ctx := context.Background()
	for _, dsn := range []string{"memory", t.TempDir() + "/db"} {
		s := timelineHubStore(t, dsn)
		for _, evidence := range []bool{true, false} {
			old := &timelineReads{Store: s}
			paged := &pageCounter{timelineReads{Store: s}, s}
			for _, who := range []string{"Hanna Brekke", "Envoy 03", "Land 2"} {
				all, err := NewWithOptions(old, Options{Evidence: evidence}).Timeline(ctx, TimelineQuery{Entity: who})
				require.NoError(t, err)
				if who == "Hanna Brekke" {
					require.GreaterOrEqual(t, len(all), 250, "the hub has hundreds of facts")
				}
				for _, size := range []int{3, 50, len(all) + 1} {
					var got []Answer
					for off := 0; off < len(all); off += size {
						paged.facts = 0
						page, err := NewWithOptions(paged, Options{Evidence: evidence}).Timeline(ctx, TimelineQuery{Entity: who, Offset: off, Limit: size})
						require.NoError(t, err)
						require.Equal(t, len(page), paged.facts, "%s: a page reads its facts only", who)
						got = append(got, page...)
					}
					require.Equal(t, all, got, "%s on %s (evidence %v): pages of %d", who, dsn, evidence, size)
					// Counted from the newest: the same facts, the
					// newest page first, each oldest first.
					for off := 0; off < len(all); off += size {
						paged.facts = 0
						r, err := NewWithOptions(paged, Options{Evidence: evidence}).TimelinePage(ctx, TimelineQuery{Entity: who, Offset: off, Limit: size, Latest: true})
						require.NoError(t, err)
						lo := max(0, len(all)-off-size)
						require.Equal(t, all[lo:len(all)-off], r.Answers, "%s: latest page at %d of %d", who, off, size)
						require.Equal(t, TimelineResult{Answers: r.Answers, Total: len(all), First: lo}, r)
						require.Equal(t, len(r.Answers), paged.facts, "%s: a latest page reads its facts only", who)
					}
				}
				// With a window, the page is cut from the whole answer.
				w := TimelineQuery{Entity: who, From: graph.YearOf(2020), To: graph.YearOf(2022)}
				inWindow, err := NewWithOptions(old, Options{Evidence: evidence}).Timeline(ctx, w)
				require.NoError(t, err)
				w.Offset, w.Limit = 2, 5
				page, err := NewWithOptions(paged, Options{Evidence: evidence}).Timeline(ctx, w)
				require.NoError(t, err)
				assert.Equal(t, inWindow[min(2, len(inWindow)):min(7, len(inWindow))], page, "%s: a page of a window", who)
				w.Latest = true
				r, err := NewWithOptions(paged, Options{Evidence: evidence}).TimelinePage(ctx, w)
				require.NoError(t, err)
				lo := max(0, len(inWindow)-7)
				assert.Equal(t, TimelineResult{Answers: inWindow[lo:max(0, len(inWindow)-2)], Total: len(inWindow), First: lo}, r, "%s: a latest page of a window", who)
			}
		}
	}
}
