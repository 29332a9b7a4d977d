package simworld

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestDeterministic checks that a seed gives the same bytes every time and
// another seed other bytes.
func TestDeterministic(t *testing.T) {
	write := func(seed uint64) []byte {
		var b bytes.Buffer
		if err := New(seed, Options{Articles: 200}).WriteArticles(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b, c := write(7), write(7), write(8)
	if !bytes.Equal(a, b) {
		t.Fatal("seed 7 wrote different articles twice")
	}
	if bytes.Equal(a, c) {
		t.Fatal("seeds 7 and 8 wrote the same articles")
	}
	if n := bytes.Count(a, []byte("\n")); n != 200 {
		t.Fatalf("wrote %d articles, want 200", n)
	}
}

// TestTruthConsistent checks that terms of a role follow one another
// without overlap or gap, that events involve office holders, and that
// the helpers answer from the terms.
func TestTruthConsistent(t *testing.T) {
	w := New(1, Options{Articles: 500})
	tr := w.Truth()
	if p := tr.Check(); len(p) > 0 {
		t.Fatalf("%d problems, first: %s", len(p), strings.Join(p[:min(5, len(p))], "; "))
	}
	if len(tr.Terms) < 500 || len(tr.Events) < 300 || len(tr.Stated) < 1000 {
		t.Fatalf("small world: %d terms, %d events, %d statements", len(tr.Terms), len(tr.Events), len(tr.Stated))
	}
	for _, term := range tr.Terms[:50] {
		mid := term.Start.AddDate(0, 0, 100)
		if got, _ := tr.HolderAt(term.Of, term.Role, mid); got != term.Person {
			t.Errorf("HolderAt(%s, %s, %s) = %q, want %q", term.Of, term.Role, mid.Format(time.DateOnly), got, term.Person)
		}
		tl := tr.Timeline(term.Person)
		if len(tl) == 0 || tl[0].When().After(term.Start) {
			t.Errorf("Timeline(%s) does not begin by its term's start", term.Person)
		}
		for i := 1; i < len(tl); i++ {
			if tl[i].When().Before(tl[i-1].When()) {
				t.Errorf("Timeline(%s) out of order at %d", term.Person, i)
			}
		}
	}
	// Every article is published after what it states happened.
	pub := map[string]time.Time{}
	for _, p := range w.plans {
		pub[p.id] = p.published
	}
	for _, s := range tr.Stated {
		for _, d := range []time.Time{s.Start, s.End, s.Date} {
			if d.After(pub[s.Article]) {
				t.Errorf("%s states %s %s %s on %s, after it was published", s.Article, s.Subject, s.Predicate, s.Object, d.Format(time.DateOnly))
			}
		}
	}
}

// TestCheckFindsOverlap checks that Check reports overlapping terms (so
// that TestTruthConsistent can fail).
func TestCheckFindsOverlap(t *testing.T) {
	d := func(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
	tr := Truth{Terms: []Term{
		{Person: "Anna Kest", Of: "Sweden", Role: "Prime Minister", Start: d(2010), End: d(2015)},
		{Person: "Marco Dal", Of: "Sweden", Role: "Prime Minister", Start: d(2014)},
	}}
	if len(tr.Check()) == 0 {
		t.Fatal("overlapping terms not reported")
	}
}

// TestEventsPerArticle checks the density knob: each article of a world of
// N events per article reports N distinct events, the further ones new
// and dated in the week before it was published, while the default world
// stays the one a world without the option is.
func TestEventsPerArticle(t *testing.T) {
	const n, per = 150, 6
	w := New(3, Options{Articles: n, EventsPerArticle: per})
	tr := w.Truth()
	if p := tr.Check(); len(p) > 0 {
		t.Fatalf("%d problems, first: %s", len(p), p[0])
	}
	pub := map[string]time.Time{}
	for _, p := range w.plans {
		pub[p.id] = p.published
	}
	type key struct {
		pred, subj, obj string
		date            time.Time
	}
	byArticle := map[string]map[key]bool{}
	all := map[key]string{}
	for _, s := range tr.Stated {
		if s.Date.IsZero() || s.Predicate == "nominated_as" || s.Predicate == "succeeded" {
			continue
		}
		k := key{s.Predicate, s.Subject, s.Object, s.Date}
		if byArticle[s.Article] == nil {
			byArticle[s.Article] = map[key]bool{}
		}
		byArticle[s.Article][k] = true
		if other, ok := all[k]; ok && other != s.Article {
			t.Errorf("%s %s %s on %s reported by %s and %s: not a new event", s.Subject, s.Predicate, s.Object, s.Date.Format(time.DateOnly), other, s.Article)
		}
		all[k] = s.Article
		if age := pub[s.Article].Sub(s.Date); age <= 0 {
			t.Errorf("%s reports an event of %s, not before it was published", s.Article, s.Date.Format(time.DateOnly))
		}
	}
	for _, p := range w.plans {
		if got := len(byArticle[p.id]); got < per-1 || got > per {
			t.Errorf("%s reports %d dated events, want %d (or %d beside a change of holder)", p.id, got, per, per-1)
		}
	}
	var a, b bytes.Buffer
	if err := New(3, Options{Articles: n}).WriteArticles(&a); err != nil {
		t.Fatal(err)
	}
	if err := New(3, Options{Articles: n, EventsPerArticle: 1}).WriteArticles(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("EventsPerArticle 1 wrote other articles than the default")
	}
}

// TestTruthOfFirst checks that the truth of a world's first articles
// holds what those articles state and nothing of the later ones.
func TestTruthOfFirst(t *testing.T) {
	w := New(5, Options{Articles: 100})
	all := w.Truth()
	first := w.TruthOfFirst(40)
	want := 0
	for _, s := range all.Stated {
		if s.Article <= "sim-000040" {
			want++
		}
	}
	if len(first.Stated) != want || want == 0 || want == len(all.Stated) {
		t.Fatalf("first 40 articles state %d of %d, want %d", len(first.Stated), len(all.Stated), want)
	}
	if len(first.Terms) != len(all.Terms) || len(w.TruthOfFirst(100).Stated) != len(all.Stated) {
		t.Fatal("TruthOfFirst changed the world")
	}
}
