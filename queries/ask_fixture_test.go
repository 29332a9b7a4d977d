package queries

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// askToday is the date the ask tests take as today.
var askToday = askDay("2026-01-15")

func askDay(s string) graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func askEnt(t graph.EntityType, name string, aliases ...string) graph.Entity {
	return graph.Entity{ID: graph.EntityID(t, name), Name: name, Type: t, Aliases: aliases}
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
		nato:     askEnt(graph.Organization, "NATO", "North Atlantic Treaty Organization", "the alliance"),
		eu:       askEnt(graph.Organization, "European Union", "EU"),
		us:       askEnt(graph.Country, "United States", "U.S.", "US", "America"),
		japan:    askEnt(graph.Country, "Japan"),
		russia:   askEnt(graph.Country, "Russia"),
		finland:  askEnt(graph.Country, "Finland"),
		sweden:   askEnt(graph.Country, "Sweden"),
		norway:   askEnt(graph.Country, "Norway"),
		uk:       askEnt(graph.Country, "United Kingdom", "UK", "Britain"),
		ukraine:  askEnt(graph.Country, "Ukraine"),
		rutte:    askEnt(graph.Person, "Mark Rutte", "Rutte"),
		stol:     askEnt(graph.Person, "Jens Stoltenberg", "Stoltenberg"),
		trump:    askEnt(graph.Person, "Donald Trump", "Trump"),
		waltz:    askEnt(graph.Person, "Michael Waltz", "Waltz", "Mike Waltz"),
		zel:      askEnt(graph.Person, "Volodymyr Zelensky", "Zelensky", "Zelenskyy"),
		modi:     askEnt(graph.Person, "Narendra Modi", "Modi"),
		biden:    askEnt(graph.Person, "Joe Biden", "Biden"),
		putin:    askEnt(graph.Person, "Vladimir Putin", "Putin"),
		kishida:  askEnt(graph.Person, "Fumio Kishida", "Kishida"),
		ishiba:   askEnt(graph.Person, "Shigeru Ishiba", "Ishiba"),
		takaichi: askEnt(graph.Person, "Sanae Takaichi", "Takaichi"),
		boris:    askEnt(graph.Person, "Boris Johnson", "Johnson"),
		mike:     askEnt(graph.Person, "Mike Johnson", "Johnson"),
		nsa:      askEnt(graph.Position, "National Security Adviser", "NSA"),
		finmin:   askEnt(graph.Position, "Finance Minister of Norway", "Norwegian finance minister"),
		pmNorway: askEnt(graph.Position, "Prime Minister of Norway"),
		speaker:  askEnt(graph.Position, "Speaker of the House"),
		twoPct:   askEnt(graph.Value, "2% of GDP"),
		fivePct:  askEnt(graph.Value, "5% of GDP"),
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
func askStore(t testing.TB) *graph.Store {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, "memory", graph.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	w := newAskWorld()
	type st struct {
		s        graph.Entity
		p        string
		o        graph.Entity
		role     string
		start    string
		end      string
		date     string
		sentence string
	}
	articles := []struct {
		id, published string
		facts         []st
	}{
		{"nato-2024-10", "2024-10-01", []st{
			{w.rutte, graph.Leads, w.nato, "Secretary General", "2024-10-01", "", "", "Mark Rutte took over as NATO Secretary General on Tuesday."},
			{w.stol, graph.Leads, w.nato, "Secretary General", "2014-10-01", "2024-10-01", "", "He succeeds Jens Stoltenberg, who led the alliance since October 2014."},
		}},
		{"palm-beach", "2024-11-30", []st{
			{w.trump, graph.Met, w.rutte, "", "", "", "2024-11-29", "Donald Trump met NATO Secretary General Mark Rutte in Palm Beach on Friday."},
			{w.rutte, graph.Met, w.waltz, "", "", "", "2024-11-29", "Rutte also met Michael Waltz, Trump's pick for national security adviser."},
		}},
		{"inauguration", "2025-01-20", []st{
			{w.trump, graph.Leads, w.us, "President", "2025-01-20", "", "", "Donald Trump was sworn in as president on Monday, succeeding Joe Biden."},
			{w.biden, graph.Leads, w.us, "President", "2021-01-20", "2025-01-20", "", "Joe Biden served as president from 2021."},
			{w.waltz, graph.HoldsPosition, w.nsa, "", "2025-01-20", "", "", "Michael Waltz became national security adviser on Monday."},
		}},
		{"waltz-out", "2025-05-02", []st{
			{w.waltz, graph.HoldsPosition, w.nsa, "", "2025-01-20", "2025-05-01", "", "Waltz was removed as national security adviser on Thursday."},
		}},
		{"stoltenberg-oslo", "2025-02-04", []st{
			{w.stol, graph.HoldsPosition, w.finmin, "", "2025-02-04", "", "", "Jens Stoltenberg was appointed Norway's finance minister on Tuesday."},
			{w.stol, graph.HoldsPosition, w.pmNorway, "", "2005-10-17", "2013-10-16", "", "Stoltenberg was prime minister of Norway from 2005 to 2013."},
		}},
		{"feb-2025", "2025-02-28", []st{
			{w.trump, graph.Met, w.ishiba, "", "", "", "2025-02-07", "Trump met Japanese Prime Minister Shigeru Ishiba at the White House on February 7."},
			{w.trump, graph.SpokeWith, w.putin, "", "", "", "2025-02-12", "Trump spoke with Vladimir Putin by phone on February 12."},
			{w.modi, graph.Met, w.trump, "", "", "", "2025-02-13", "Narendra Modi met Donald Trump at the White House on Thursday."},
			{w.trump, graph.Criticized, w.zel, "", "", "", "2025-02-19", "Trump criticized Volodymyr Zelensky on February 19."},
			{w.trump, graph.Met, w.zel, "", "", "", "2025-02-28", "Trump met Zelensky in the Oval Office on Friday."},
		}},
		{"later-2025", "2025-09-24", []st{
			{w.trump, graph.Met, w.rutte, "", "", "", "2025-06-24", "Trump met Rutte at the summit in The Hague."},
			{w.trump, graph.Met, w.zel, "", "", "", "2025-08-18", "Zelensky met Trump at the White House on August 18."},
			{w.trump, graph.Met, w.zel, "", "", "", "2025-09-23", "Trump met Zelensky in New York on Tuesday."},
			{w.nato, graph.HasTarget, w.fivePct, "", "2025-06-25", "", "", "NATO allies agreed to spend 5% of GDP on defence."},
			{w.nato, graph.HasTarget, w.twoPct, "", "2014-09", "2025-06-25", "", "The new goal replaces the 2% of GDP target set in 2014."},
		}},
		{"sanctions", "2025-10-23", []st{
			{w.eu, graph.Sanctioned, w.russia, "", "", "", "2025-02-24", "The EU adopted its 16th sanctions package against Russia."},
			{w.us, graph.Sanctioned, w.russia, "", "", "", "2025-10-22", "The United States sanctioned Russia's largest oil companies."},
		}},
		{"japan", "2025-10-21", []st{
			{w.kishida, graph.Leads, w.japan, "Prime Minister", "2021-10-04", "2024-10-01", "", "Fumio Kishida was prime minister until October 2024."},
			{w.ishiba, graph.Leads, w.japan, "Prime Minister", "2024-10-01", "2025-10-21", "", "Shigeru Ishiba led Japan from October 2024."},
			{w.takaichi, graph.Leads, w.japan, "Prime Minister", "2025-10-21", "", "", "Sanae Takaichi was elected prime minister on Tuesday."},
		}},
		{"nato-members", "2024-03-07", []st{
			{w.finland, graph.MemberOf, w.nato, "", "2023-04-04", "", "", "Finland joined NATO in April 2023."},
			{w.sweden, graph.MemberOf, w.nato, "", "2024-03-07", "", "", "Sweden became the 32nd member of NATO on Thursday."},
			{w.us, graph.MemberOf, w.nato, "", "1949-04-04", "", "", "The United States is a founding member of NATO."},
			{w.norway, graph.MemberOf, w.nato, "", "1949-04-04", "", "", "Norway is a founding member of the alliance."},
		}},
		{"johnsons", "2024-01-10", []st{
			{w.boris, graph.Leads, w.uk, "Prime Minister", "2019-07-24", "2022-09-06", "", "Boris Johnson was prime minister from 2019 to 2022."},
			{w.mike, graph.HoldsPosition, w.speaker, "", "2023-10-25", "", "", "Mike Johnson became Speaker of the House in October 2023."},
		}},
	}
	for i, a := range articles {
		b := graph.Batch{Article: graph.Article{ID: a.id, Published: askDay(a.published), Hash: "h" + a.id, Title: a.id}, Entities: w.all()}
		for _, f := range a.facts {
			fact := graph.Fact{Subject: f.s.ID, Predicate: f.p, Object: f.o.ID, Role: f.role,
				Start: askDay(f.start), End: askDay(f.end), Date: askDay(f.date), Confidence: 0.9,
				Sources: []graph.Source{{Article: a.id, Sentence: f.sentence}}}
			fact.ComputeID()
			b.Facts = append(b.Facts, fact)
		}
		_, err := s.Write(ctx, b, time.Date(2026, 1, 1, 0, i, 0, 0, time.UTC))
		require.NoError(t, err)
	}
	return s
}
