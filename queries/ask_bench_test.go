package queries

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// benchFacts is the size of the generated graph of BenchmarkAsk.
const benchFacts = 100_000

// bigStore generates a graph of about n facts in memory: countries and
// organizations with chains of leaders, memberships, offices, and events
// between people, Donald Trump being a hub with many meetings.
func bigStore(b testing.TB, n int) *store.Store {
	ctx := context.Background()
	s, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { s.Close() })
	rng := rand.New(rand.NewPCG(1, 2))
	var ents []graph.Entity
	mk := func(t graph.EntityType, name string) graph.Entity {
		e := ent(t, name)
		ents = append(ents, e)
		return e
	}
	persons := make([]graph.Entity, 3000)
	for i := range persons {
		persons[i] = mk(graph.Person, fmt.Sprintf("Person %04d", i))
	}
	trump, rutte, ishiba, waltz := mk(graph.Person, "Donald Trump"), mk(graph.Person, "Mark Rutte"), mk(graph.Person, "Shigeru Ishiba"), mk(graph.Person, "Michael Waltz")
	persons = append(persons, trump, rutte, ishiba, waltz)
	countries := make([]graph.Entity, 200)
	for i := range countries {
		countries[i] = mk(graph.Country, fmt.Sprintf("Country %03d", i))
	}
	japan := mk(graph.Country, "Japan")
	countries = append(countries, japan)
	orgs := make([]graph.Entity, 50)
	for i := range orgs {
		orgs[i] = mk(graph.Organization, fmt.Sprintf("Organization %02d", i))
	}
	nato := mk(graph.Organization, "NATO")
	orgs = append(orgs, nato)
	positions := make([]graph.Entity, 100)
	for i := range positions {
		positions[i] = mk(graph.Position, fmt.Sprintf("Minister of Thing %02d", i))
	}
	var facts []graph.Fact
	day := func(y, m, d int) graph.Date { return graph.DayOf(y, time.Month(m), d) }
	add := func(f graph.Fact) {
		f.Confidence = 0.8
		facts = append(facts, f)
	}
	// Chains of ten leaders per country and organization, 2016–2026.
	for _, c := range append(append([]graph.Entity{}, countries...), orgs...) {
		for k := 0; k < 10; k++ {
			leader := persons[rng.IntN(3000)]
			if c.ID == japan.ID && k == 8 {
				leader = ishiba
			}
			if c.ID == nato.ID && k == 8 {
				leader = rutte
			}
			f := graph.Fact{Subject: leader.ID, Predicate: graph.Leads, Object: c.ID, Role: "Leader", Start: day(2016+k, 1, 1)}
			if k < 9 {
				f.End = day(2017+k, 1, 1)
			}
			add(f)
		}
	}
	for _, c := range countries {
		for k := 0; k < 5; k++ {
			add(graph.Fact{Subject: c.ID, Predicate: graph.MemberOf, Object: orgs[rng.IntN(len(orgs))].ID, Start: day(1950+rng.IntN(70), 1, 1)})
		}
	}
	for i := 0; i < 3000; i++ {
		add(graph.Fact{Subject: persons[i].ID, Predicate: graph.HoldsPosition, Object: positions[rng.IntN(100)].ID, Start: day(2010+rng.IntN(15), 1+rng.IntN(12), 1)})
	}
	events := []string{graph.Met, graph.Met, graph.Met, graph.SpokeWith, graph.Criticized, graph.Visited, graph.Sanctioned}
	for i := 0; len(facts) < n; i++ {
		p := events[rng.IntN(len(events))]
		a := persons[rng.IntN(len(persons))]
		if i%100 == 0 {
			a = trump
		}
		var o graph.Entity
		switch p {
		case graph.Visited:
			o = countries[rng.IntN(len(countries))]
		case graph.Sanctioned:
			a, o = countries[rng.IntN(len(countries))], persons[rng.IntN(len(persons))]
		default:
			o = persons[rng.IntN(len(persons))]
		}
		if a.ID == o.ID {
			continue
		}
		add(graph.Fact{Subject: a.ID, Predicate: p, Object: o.ID, Date: day(2015+rng.IntN(11), 1+rng.IntN(12), 1+rng.IntN(28))})
	}
	add(graph.Fact{Subject: rutte.ID, Predicate: graph.Met, Object: waltz.ID, Date: day(2024, 11, 29)})
	const per = 200
	for i := 0; i*per < len(facts); i++ {
		id := fmt.Sprintf("gen-%05d", i)
		batch := graph.Batch{Article: graph.Article{ID: id, Published: day(2025, 1, 1), Hash: id}}
		if i == 0 {
			batch.Entities = ents
		}
		for j := i * per; j < min(len(facts), (i+1)*per); j++ {
			f := facts[j]
			f.Sources = []graph.Source{{Article: id, Sentence: fmt.Sprintf("Generated sentence %d.", j)}}
			f.ComputeID()
			batch.Facts = append(batch.Facts, f)
		}
		_, err := s.Write(ctx, batch, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		require.NoError(b, err)
	}
	return s
}

// BenchmarkAsk measures questions of several forms on a graph of 100k
// facts; each must take well under 50 ms.
func BenchmarkAsk(b *testing.B) {
	s := bigStore(b, benchFacts)
	e := New(s)
	ctx := context.Background()
	names, err := LoadNames(ctx, s)
	require.NoError(b, err)
	for _, q := range []string{
		"who led Japan on 1 March 2025?",
		"who leads NATO?",
		"which countries were members of NATO on 2024-06-01?",
		"who did Donald Trump meet in February 2025?",
		"whom did Donald Trump meet most?",
		"what happened with Japan in 2024?",
		"what positions has Mark Rutte held?",
		"how is Michael Waltz connected to Donald Trump?",
		"who met Shigeru Ishibaa?",
	} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				r, err := e.Ask(ctx, AskQuery{Question: q, Today: askToday, Names: names})
				if err != nil {
					b.Fatal(err)
				}
				if r.Interpretation == "" {
					b.Fatal("no interpretation")
				}
			}
		})
	}
}
