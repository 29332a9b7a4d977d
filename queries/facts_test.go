package queries

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// testStore fills an in-memory store with a small, hand-written history.
func testStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })

	nato := ent(graph.Organization, "NATO", "North Atlantic Treaty Organization", "the alliance")
	uk := ent(graph.Country, "United Kingdom", "UK", "Britain")
	stol := ent(graph.Person, "Jens Stoltenberg", "Stoltenberg")
	rutte := ent(graph.Person, "Mark Rutte", "Rutte")
	sunak := ent(graph.Person, "Rishi Sunak", "Sunak")
	starmer := ent(graph.Person, "Keir Starmer", "Starmer")
	zel := ent(graph.Person, "Volodymyr Zelensky", "Zelensky")
	sweden := ent(graph.Country, "Sweden")
	ents := []graph.Entity{nato, uk, stol, rutte, sunak, starmer, zel, sweden}
	src := func(id, pub string) []graph.Source {
		return []graph.Source{{Article: id, Published: day(pub), Sentence: "sentence of " + id}}
	}
	batches := []graph.Batch{
		{Article: graph.Article{ID: "a1", Published: day("2024-10-03"), Hash: "h1"}, Entities: ents, Facts: []graph.Fact{
			{Subject: rutte.ID, Predicate: graph.Leads, Object: nato.ID, Role: "Secretary General", Start: day("2024-10-01"), Confidence: 0.9, Sources: src("a1", "2024-10-03")},
			{Subject: stol.ID, Predicate: graph.Leads, Object: nato.ID, Role: "Secretary General", Start: day("2014-10"), Confidence: 0.8, Sources: src("a1", "2024-10-03")},
			{Subject: rutte.ID, Predicate: graph.Met, Object: zel.ID, Date: day("2024-10-03"), Confidence: 0.9, Sources: src("a1", "2024-10-03")},
		}},
		{Article: graph.Article{ID: "a2", Published: day("2024-07-05"), Hash: "h2"}, Entities: ents, Facts: []graph.Fact{
			{Subject: starmer.ID, Predicate: graph.Leads, Object: uk.ID, Role: "Prime Minister", Start: day("2024-07-05"), Confidence: 0.9, Sources: src("a2", "2024-07-05")},
			{Subject: sunak.ID, Predicate: graph.Leads, Object: uk.ID, Role: "Prime Minister", End: day("2024-07-05"), Confidence: 0.9, Sources: src("a2", "2024-07-05")},
		}},
		{Article: graph.Article{ID: "a3", Published: day("2024-03-07"), Hash: "h3"}, Entities: ents, Facts: []graph.Fact{
			{Subject: sweden.ID, Predicate: graph.MemberOf, Object: nato.ID, Start: day("2024-03-07"), Confidence: 0.9, Sources: src("a3", "2024-03-07")},
			{Subject: stol.ID, Predicate: graph.HoldsPosition, Object: ent(graph.Position, "Prime Minister of Norway").ID, Ended: true, Confidence: 0.6, Sources: src("a3", "2024-03-07")},
		}},
	}
	batches[2].Entities = append(batches[2].Entities, ent(graph.Position, "Prime Minister of Norway"))
	for _, b := range batches {
		for i := range b.Facts {
			b.Facts[i].ComputeID()
		}
		_, err := s.Write(ctx, b, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		require.NoError(t, err)
	}
	return s
}

func names(as []Answer, side string) []string {
	var out []string
	for _, a := range as {
		if side == "subject" {
			out = append(out, a.Subject.Name)
		} else {
			out = append(out, a.Object.Name)
		}
	}
	sort.Strings(out)
	return out
}

func TestFactsOverTime(t *testing.T) {
	e := New(testStore(t))
	ctx := context.Background()
	cases := []struct {
		name string
		q    FactsQuery
		side string
		want []string
	}{
		{"NATO before Rutte", FactsQuery{Predicate: "leads", Object: "NATO", At: day("2024-09-15")}, "subject", []string{"Jens Stoltenberg"}},
		{"NATO on Rutte's first day", FactsQuery{Predicate: "leads", Object: "NATO", At: day("2024-10-01")}, "subject", []string{"Mark Rutte"}},
		{"NATO by alias", FactsQuery{Predicate: "leads", Object: "north atlantic treaty organization", At: day("2025-01-01")}, "subject", []string{"Mark Rutte"}},
		{"UK before, end is exclusive", FactsQuery{Predicate: "leads", Object: "UK", At: day("2024-07-04")}, "subject", []string{"Rishi Sunak"}},
		{"UK after", FactsQuery{Predicate: "leads", Object: "Britain", At: day("2024-07-05")}, "subject", []string{"Keir Starmer"}},
		{"member before joining", FactsQuery{Predicate: "member_of", Object: "NATO", At: day("2024-01-01")}, "subject", nil},
		{"member after joining", FactsQuery{Predicate: "member_of", Object: "NATO", At: day("2024-06-01")}, "subject", []string{"Sweden"}},
		{"symmetric, other side", FactsQuery{Predicate: "met", Subject: "Zelensky", From: day("2024-10-01"), To: day("2024-10-31")}, "subject", []string{"Mark Rutte"}},
		{"event outside range", FactsQuery{Predicate: "met", Subject: "Rutte", From: day("2024-11-01"), To: day("2024-11-30")}, "object", nil},
		{"event at its day", FactsQuery{Predicate: "met", Subject: "Rutte", At: day("2024-10-03")}, "object", []string{"Volodymyr Zelensky"}},
		{"ended state is over once reported", FactsQuery{Predicate: "holds_position", Subject: "Stoltenberg", At: day("2025-01-01")}, "object", nil},
		{"a term known only from former is placed at no earlier date", FactsQuery{Predicate: "holds_position", Subject: "Stoltenberg", At: day("2010-01-01")}, "object", nil},
		{"range overlaps a tenure", FactsQuery{Predicate: "leads", Object: "UK", From: day("2024-07"), To: day("2024-07")}, "subject", []string{"Keir Starmer", "Rishi Sunak"}},
		{"no time filter", FactsQuery{Subject: "Rutte"}, "object", []string{"NATO", "Volodymyr Zelensky"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := e.Facts(ctx, c.q)
			require.NoError(t, err)
			require.Equal(t, c.want, names(got, c.side))
		})
	}
}

func TestFactsErrors(t *testing.T) {
	e := New(testStore(t))
	ctx := context.Background()
	_, err := e.Facts(ctx, FactsQuery{Subject: "Nobody Known"})
	require.ErrorIs(t, err, ErrUnknownEntity)
	_, err = e.Facts(ctx, FactsQuery{Predicate: "likes"})
	require.ErrorContains(t, err, "unknown predicate")
}
