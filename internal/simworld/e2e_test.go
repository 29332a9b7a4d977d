package simworld_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
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

// tally counts checked answers and keeps a few disagreements to report.
type tally struct {
	name        string
	checked, ok int
	misses      []string
}

func (t *tally) add(ok bool, format string, args ...any) {
	t.checked++
	if ok {
		t.ok++
	} else if len(t.misses) < 8 {
		t.misses = append(t.misses, fmt.Sprintf(format, args...))
	}
}

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

	// Holders: in the middle of each term whose start an article stated
	// to the day, the one holder of the role is its person.
	holders := &tally{name: "holders --at"}
	factsAt := &tally{name: "facts --at"}
	startStated := map[[3]string]bool{}
	for _, s := range tr.Stated {
		if (s.Predicate == "leads" || s.Predicate == "holds_position") && s.Precision == "day" && !s.Start.IsZero() {
			startStated[[3]string{s.Subject, s.Object, s.Role}] = true
		}
	}
	for _, term := range tr.Terms {
		obj, role := term.Of, term.Role
		if term.Post() {
			obj, role = term.Office(), ""
		}
		if !startStated[[3]string{term.Person, obj, role}] {
			continue
		}
		end := term.End
		if end.IsZero() {
			end = term.Start.AddDate(1, 0, 0)
		}
		mid := term.Start.Add(end.Sub(term.Start) / 2)
		q := queries.HoldersQuery{Org: obj, Role: role, At: gdate(mid)}
		hs, err := eng.Holders(ctx, q)
		var names []string
		for _, h := range hs {
			names = append(names, h.Person.Name)
		}
		holders.add(err == nil && len(names) == 1 && names[0] == term.Person,
			"holders %s %s at %s: %v %v, want %s", obj, role, mid.Format(time.DateOnly), names, err, term.Person)
	}

	// facts --at: memberships stated to the day hold after their start
	// and not a year before it; NATO's target is the one in force.
	for _, s := range tr.Stated {
		if s.Predicate != "member_of" || s.Precision != "day" {
			continue
		}
		for _, c := range []struct {
			at   time.Time
			want bool
		}{{s.Start.AddDate(0, 0, 30), true}, {s.Start.AddDate(-1, 0, 0), false}} {
			as, err := eng.Facts(ctx, queries.FactsQuery{Subject: s.Subject, Predicate: "member_of", Object: s.Object, At: gdate(c.at)})
			factsAt.add(err == nil && (len(as) > 0) == c.want, "facts %s member_of %s --at %s: %d answers %v, want %v",
				s.Subject, s.Object, c.at.Format(time.DateOnly), len(as), err, c.want)
		}
	}
	for _, tg := range tr.Targets {
		targetStated := false
		for _, s := range tr.Stated {
			targetStated = targetStated || s.Predicate == "has_target" && s.Precision == "day"
		}
		if !targetStated {
			break
		}
		at := tg.Start.AddDate(0, 0, 60)
		if !tg.End.IsZero() {
			at = tg.End.AddDate(0, 0, -60)
		}
		as, err := eng.Facts(ctx, queries.FactsQuery{Subject: tg.Org, Predicate: "has_target", At: gdate(at)})
		var got []string
		for _, a := range as {
			got = append(got, a.Object.Name)
		}
		factsAt.add(err == nil && len(got) == 1 && got[0] == tg.Value, "facts %s has_target --at %s: %v %v, want %s",
			tg.Org, at.Format(time.DateOnly), got, err, tg.Value)
	}

	// Timeline: every event an article states about a person is on the
	// person's timeline with its day.
	timeline := &tally{name: "timeline"}
	byPerson := map[string][]simworld.Statement{}
	for _, s := range tr.Stated {
		if !s.Date.IsZero() && graph.IsPredicate(s.Predicate) && s.Predicate != "nominated_as" {
			byPerson[s.Subject] = append(byPerson[s.Subject], s)
		}
	}
	checkedPeople := 0
	for _, term := range tr.Terms {
		evs := byPerson[term.Person]
		if len(evs) == 0 || checkedPeople >= 80 {
			continue
		}
		checkedPeople++
		delete(byPerson, term.Person)
		as, err := eng.Timeline(ctx, queries.TimelineQuery{Entity: term.Person})
		if err != nil {
			timeline.add(false, "timeline %s: %v", term.Person, err)
			continue
		}
		have := map[string]bool{}
		for _, a := range as {
			have[a.Fact.Predicate+"|"+a.Subject.Name+"|"+a.Object.Name+"|"+a.Fact.Date.String()] = true
			have[a.Fact.Predicate+"|"+a.Object.Name+"|"+a.Subject.Name+"|"+a.Fact.Date.String()] = true
		}
		for _, s := range evs {
			key := s.Predicate + "|" + s.Subject + "|" + s.Object + "|" + gdate(s.Date).String()
			timeline.add(have[key], "timeline %s: no %s", term.Person, key)
		}
	}

	total, ok := 0, 0
	for _, c := range []*tally{holders, factsAt, timeline} {
		t.Logf("%s: %d/%d agree", c.name, c.ok, c.checked)
		for _, m := range c.misses {
			t.Logf("  %s", m)
		}
		if c.checked < 10 {
			t.Errorf("%s: only %d answers checked", c.name, c.checked)
		}
		total += c.checked
		ok += c.ok
	}
	if r := float64(ok) / float64(total); r < 0.9 {
		t.Errorf("agreement %.3f (%d/%d), want ≥ 0.9", r, ok, total)
	} else {
		t.Logf("agreement %.3f (%d/%d)", r, ok, total)
	}
}
