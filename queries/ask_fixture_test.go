package queries

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// askToday is the date the ask tests take as today.
var askToday = day("2026-01-15")

// day parses an ISO date of a fixture; "" is the unknown date.
func day(s string) graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// ent is an entity of a fixture, its id made from its type and name.
func ent(t graph.EntityType, name string, aliases ...string) graph.Entity {
	return graph.Entity{ID: graph.EntityID(t, name), Name: name, Type: t, Aliases: aliases}
}

// state is a state fact of the ask fixture (start and end as written, ""
// unknown), stated by sentence with confidence 0.9; askStore names the
// article.
func state(s graph.Entity, p string, o graph.Entity, role, start, end, sentence string) graph.Fact {
	return graph.Fact{Subject: s.ID, Predicate: p, Object: o.ID, Role: role, Start: day(start), End: day(end),
		Confidence: 0.9, Sources: []graph.Source{{Sentence: sentence}}}
}

// event is an event fact of the ask fixture on date, stated by sentence
// with confidence 0.9; askStore names the article.
func event(s graph.Entity, p string, o graph.Entity, date, sentence string) graph.Fact {
	return graph.Fact{Subject: s.ID, Predicate: p, Object: o.ID, Date: day(date),
		Confidence: 0.9, Sources: []graph.Source{{Sentence: sentence}}}
}

// askWorld is a small history of real events of 2023-2025, written for
// these tests as the batches an extractor would produce from articles.
type askWorld struct {
	nato, eu, us, japan, russia, finland, sweden, norway, uk graph.Entity
	rutte, stol, trump, waltz, zel, modi, biden, putin       graph.Entity
	kishida, ishiba, takaichi, boris, mike                   graph.Entity
	nsa, finmin, pmNorway, speaker, twoPct, fivePct, ukraine graph.Entity
}

func newAskWorld() askWorld {
	return askWorld{
		nato:     ent(graph.Organization, "NATO", "North Atlantic Treaty Organization", "the alliance"),
		eu:       ent(graph.Organization, "European Union", "EU"),
		us:       ent(graph.Country, "United States", "U.S.", "US", "America"),
		japan:    ent(graph.Country, "Japan"),
		russia:   ent(graph.Country, "Russia"),
		finland:  ent(graph.Country, "Finland"),
		sweden:   ent(graph.Country, "Sweden"),
		norway:   ent(graph.Country, "Norway"),
		uk:       ent(graph.Country, "United Kingdom", "UK", "Britain"),
		ukraine:  ent(graph.Country, "Ukraine"),
		rutte:    ent(graph.Person, "Mark Rutte", "Rutte"),
		stol:     ent(graph.Person, "Jens Stoltenberg", "Stoltenberg"),
		trump:    ent(graph.Person, "Donald Trump", "Trump"),
		waltz:    ent(graph.Person, "Michael Waltz", "Waltz", "Mike Waltz"),
		zel:      ent(graph.Person, "Volodymyr Zelensky", "Zelensky", "Zelenskyy"),
		modi:     ent(graph.Person, "Narendra Modi", "Modi"),
		biden:    ent(graph.Person, "Joe Biden", "Biden"),
		putin:    ent(graph.Person, "Vladimir Putin", "Putin"),
		kishida:  ent(graph.Person, "Fumio Kishida", "Kishida"),
		ishiba:   ent(graph.Person, "Shigeru Ishiba", "Ishiba"),
		takaichi: ent(graph.Person, "Sanae Takaichi", "Takaichi"),
		boris:    ent(graph.Person, "Boris Johnson", "Johnson"),
		mike:     ent(graph.Person, "Mike Johnson", "Johnson"),
		nsa:      ent(graph.Position, "National Security Adviser", "NSA"),
		finmin:   ent(graph.Position, "Finance Minister of Norway", "Norwegian finance minister"),
		pmNorway: ent(graph.Position, "Prime Minister of Norway"),
		speaker:  ent(graph.Position, "Speaker of the House"),
		twoPct:   ent(graph.Value, "2% of GDP"),
		fivePct:  ent(graph.Value, "5% of GDP"),
	}
}

// all lists every entity of the world.
func (w askWorld) all() []graph.Entity {
	return []graph.Entity{w.nato, w.eu, w.us, w.japan, w.russia, w.finland, w.sweden, w.norway, w.uk, w.ukraine,
		w.rutte, w.stol, w.trump, w.waltz, w.zel, w.modi, w.biden, w.putin, w.kishida, w.ishiba, w.takaichi,
		w.boris, w.mike, w.nsa, w.finmin, w.pmNorway, w.speaker, w.twoPct, w.fivePct}
}

// askStore fills an in-memory store with the world's facts, one article
// per group of facts.
func askStore(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	w := newAskWorld()
	articles := []struct {
		id, published string
		facts         []graph.Fact
	}{
		{"nato-2024-10", "2024-10-01", []graph.Fact{
			state(w.rutte, graph.Leads, w.nato, "Secretary General", "2024-10-01", "", "Mark Rutte took over as NATO Secretary General on Tuesday."),
			state(w.stol, graph.Leads, w.nato, "Secretary General", "2014-10-01", "2024-10-01", "He succeeds Jens Stoltenberg, who led the alliance since October 2014."),
		}},
		{"palm-beach", "2024-11-30", []graph.Fact{
			event(w.trump, graph.Met, w.rutte, "2024-11-29", "Donald Trump met NATO Secretary General Mark Rutte in Palm Beach on Friday."),
			event(w.rutte, graph.Met, w.waltz, "2024-11-29", "Rutte also met Michael Waltz, Trump's pick for national security adviser."),
		}},
		{"inauguration", "2025-01-20", []graph.Fact{
			state(w.trump, graph.Leads, w.us, "President", "2025-01-20", "", "Donald Trump was sworn in as president on Monday, succeeding Joe Biden."),
			state(w.biden, graph.Leads, w.us, "President", "2021-01-20", "2025-01-20", "Joe Biden served as president from 2021."),
			state(w.waltz, graph.HoldsPosition, w.nsa, "", "2025-01-20", "", "Michael Waltz became national security adviser on Monday."),
		}},
		{"waltz-out", "2025-05-02", []graph.Fact{
			state(w.waltz, graph.HoldsPosition, w.nsa, "", "2025-01-20", "2025-05-01", "Waltz was removed as national security adviser on Thursday."),
		}},
		{"stoltenberg-oslo", "2025-02-04", []graph.Fact{
			state(w.stol, graph.HoldsPosition, w.finmin, "", "2025-02-04", "", "Jens Stoltenberg was appointed Norway's finance minister on Tuesday."),
			state(w.stol, graph.HoldsPosition, w.pmNorway, "", "2005-10-17", "2013-10-16", "Stoltenberg was prime minister of Norway from 2005 to 2013."),
		}},
		{"feb-2025", "2025-02-28", []graph.Fact{
			event(w.trump, graph.Met, w.ishiba, "2025-02-07", "Trump met Japanese Prime Minister Shigeru Ishiba at the White House on February 7."),
			event(w.trump, graph.SpokeWith, w.putin, "2025-02-12", "Trump spoke with Vladimir Putin by phone on February 12."),
			event(w.modi, graph.Met, w.trump, "2025-02-13", "Narendra Modi met Donald Trump at the White House on Thursday."),
			event(w.trump, graph.Criticized, w.zel, "2025-02-19", "Trump criticized Volodymyr Zelensky on February 19."),
			event(w.trump, graph.Met, w.zel, "2025-02-28", "Trump met Zelensky in the Oval Office on Friday."),
		}},
		{"later-2025", "2025-09-24", []graph.Fact{
			event(w.trump, graph.Met, w.rutte, "2025-06-24", "Trump met Rutte at the summit in The Hague."),
			event(w.trump, graph.Met, w.zel, "2025-08-18", "Zelensky met Trump at the White House on August 18."),
			event(w.trump, graph.Met, w.zel, "2025-09-23", "Trump met Zelensky in New York on Tuesday."),
			state(w.nato, graph.HasTarget, w.fivePct, "", "2025-06-25", "", "NATO allies agreed to spend 5% of GDP on defence."),
			state(w.nato, graph.HasTarget, w.twoPct, "", "2014-09", "2025-06-25", "The new goal replaces the 2% of GDP target set in 2014."),
		}},
		{"sanctions", "2025-10-23", []graph.Fact{
			event(w.eu, graph.Sanctioned, w.russia, "2025-02-24", "The EU adopted its 16th sanctions package against Russia."),
			event(w.us, graph.Sanctioned, w.russia, "2025-10-22", "The United States sanctioned Russia's largest oil companies."),
		}},
		{"japan", "2025-10-21", []graph.Fact{
			state(w.kishida, graph.Leads, w.japan, "Prime Minister", "2021-10-04", "2024-10-01", "Fumio Kishida was prime minister until October 2024."),
			state(w.ishiba, graph.Leads, w.japan, "Prime Minister", "2024-10-01", "2025-10-21", "Shigeru Ishiba led Japan from October 2024."),
			state(w.takaichi, graph.Leads, w.japan, "Prime Minister", "2025-10-21", "", "Sanae Takaichi was elected prime minister on Tuesday."),
		}},
		{"nato-members", "2024-03-07", []graph.Fact{
			state(w.finland, graph.MemberOf, w.nato, "", "2023-04-04", "", "Finland joined NATO in April 2023."),
			state(w.sweden, graph.MemberOf, w.nato, "", "2024-03-07", "", "Sweden became the 32nd member of NATO on Thursday."),
			state(w.us, graph.MemberOf, w.nato, "", "1949-04-04", "", "The United States is a founding member of NATO."),
			state(w.norway, graph.MemberOf, w.nato, "", "1949-04-04", "", "Norway is a founding member of the alliance."),
		}},
		{"johnsons", "2024-01-10", []graph.Fact{
			state(w.boris, graph.Leads, w.uk, "Prime Minister", "2019-07-24", "2022-09-06", "Boris Johnson was prime minister from 2019 to 2022."),
			state(w.mike, graph.HoldsPosition, w.speaker, "", "2023-10-25", "", "Mike Johnson became Speaker of the House in October 2023."),
		}},
	}
	for i, a := range articles {
		b := graph.Batch{Article: graph.Article{ID: a.id, Published: day(a.published), Hash: "h" + a.id, Title: a.id}, Entities: w.all()}
		for _, f := range a.facts {
			f.Sources[0].Article = a.id
			f.ComputeID()
			b.Facts = append(b.Facts, f)
		}
		_, err := s.Write(ctx, b, time.Date(2026, 1, 1, 0, i, 0, 0, time.UTC))
		require.NoError(t, err)
	}
	return s
}
