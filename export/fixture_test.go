package export

import (
	"bytes"
	"context"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// The test graph: tricky names (quotes, commas, Cyrillic, Han), states with
// and without ends, a superseded leader, events at day and month precision
// and a fact with two sources.
var (
	rutte  = ent(graph.Person, "Mark Rutte", "Rutte")
	oneil  = ent(graph.Person, `Jean "Jacques" O'Neil, Jr.`)
	putin  = ent(graph.Person, "Владимир Путин", "Putin")
	xi     = ent(graph.Person, "習近平", "Xi Jinping")
	stolt  = ent(graph.Person, "Jens Stoltenberg")
	nl     = ent(graph.Country, "Netherlands")
	russia = coded(ent(graph.Country, "Russia"), "RUS")
	china  = coded(ent(graph.Country, "China"), "CHN")
	nato   = ent(graph.Organization, "NATO")
)

// coded gives country e its ISO 3166-1 alpha-3 code.
func coded(e graph.Entity, code string) graph.Entity {
	e.Code = code
	return e
}

func ent(t graph.EntityType, name string, aliases ...string) graph.Entity {
	return graph.Entity{ID: graph.EntityID(t, name), Name: name, Type: t, Aliases: aliases}
}

// fixtureFacts names each test fact by a short key.
var fixtureFacts = map[string]graph.Fact{
	"rutte-nato":  {Subject: rutte.ID, Predicate: graph.Leads, Object: nato.ID, Role: "Secretary General", Start: graph.MonthOf(2024, time.October), Confidence: 0.9},
	"rutte-nl":    {Subject: rutte.ID, Predicate: graph.Leads, Object: nl.ID, Role: "Prime Minister", Start: graph.DayOf(2010, time.October, 14), End: graph.DayOf(2024, time.July, 2), Confidence: 0.8},
	"stolt-nato":  {Subject: stolt.ID, Predicate: graph.Leads, Object: nato.ID, Role: "Secretary General", Start: graph.MonthOf(2014, time.October), Confidence: 0.8},
	"nl-nato":     {Subject: nl.ID, Predicate: graph.MemberOf, Object: nato.ID, Start: graph.YearOf(1949), Confidence: 0.9},
	"putin-ru":    {Subject: putin.ID, Predicate: graph.Leads, Object: russia.ID, Role: "President", Start: graph.DayOf(2012, time.May, 7), Confidence: 0.95},
	"xi-cn":       {Subject: xi.ID, Predicate: graph.Leads, Object: china.ID, Role: "President", Start: graph.DayOf(2013, time.March, 14), Confidence: 0.95},
	"putin-xi":    {Subject: putin.ID, Predicate: graph.Met, Object: xi.ID, Date: graph.DayOf(2024, time.May, 16), Location: "Beijing", Confidence: 0.85},
	"oneil-rutte": {Subject: oneil.ID, Predicate: graph.Criticized, Object: rutte.ID, Date: graph.MonthOf(2024, time.November), Confidence: 0.5},
	"rutte-oneil": {Subject: rutte.ID, Predicate: graph.Met, Object: oneil.ID, Date: graph.DayOf(2023, time.March, 1), Confidence: 0.7},
}

// fixtureArticles lists which article states which facts, and how.
var fixtureArticles = []struct {
	article graph.Article
	facts   map[string]string // fact key → sentence
}{
	{graph.Article{ID: "n1", URL: "https://example.org/n1?a=1&b=2", Title: "NATO, again", Published: graph.DayOf(2024, time.October, 3), Hash: "h1"},
		map[string]string{
			"rutte-nato": `Rutte took over as NATO's "secretary general" in October.`,
			"rutte-nl":   "Rutte, prime minister from 2010 until July 2024, left office.",
			"stolt-nato": "Stoltenberg led the alliance from October 2014.",
			"nl-nato":    "The Netherlands, a founding member, joined in 1949.",
		}},
	{graph.Article{ID: "n2", URL: "https://example.org/n2", Title: "Путин в Пекине", Published: graph.DayOf(2024, time.May, 16), Hash: "h2"},
		map[string]string{
			"putin-ru": "Президент Путин, in office since 2012.",
			"xi-cn":    "習近平 has been president since March 2013.",
			"putin-xi": "Путин met 習近平 in Beijing on Thursday.",
		}},
	{graph.Article{ID: "n3", Title: "Critic", Published: graph.DayOf(2024, time.November, 20), Hash: "h3"},
		map[string]string{
			"putin-xi":    "The two leaders met in Beijing.",
			"oneil-rutte": "O'Neil criticized Rutte in November,\nsaying \"enough\".",
			"rutte-oneil": "Rutte met O'Neil on 1 March 2023.",
		}},
}

// fixtureTimeSentences are the other sentences that gave a statement its
// dates, by article id and fact key.
var fixtureTimeSentences = map[string][]string{
	"n1/rutte-nl": {"He became prime minister on 14 October 2010.", `His cabinet "fell"; he left on 2 July 2024.`},
	"n3/putin-xi": {"Putin arrived in Beijing on 16 May 2024."},
}

// testNow is the recording time of the fixture's first article.
var testNow = time.Date(2026, 11, 1, 12, 0, 0, 123456789, time.UTC)

// fixture returns a store at dsn holding the test graph and the ids of its
// facts by key.
func fixture(t testing.TB, dsn string) (*store.Store, map[string]string) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dsn, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	ids := map[string]string{}
	all := []graph.Entity{rutte, oneil, putin, xi, stolt, nl, russia, china, nato}
	for i, a := range fixtureArticles {
		b := graph.Batch{Article: a.article, Entities: all}
		keys := make([]string, 0, len(a.facts))
		for k := range a.facts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			f := fixtureFacts[k]
			f.Sources = []graph.Source{{Article: a.article.ID, Sentence: a.facts[k],
				TimeSentences: fixtureTimeSentences[a.article.ID+"/"+k]}}
			ids[k] = f.ComputeID()
			b.Facts = append(b.Facts, f)
		}
		_, err := s.Write(ctx, b, testNow.Add(time.Duration(i)*time.Hour))
		require.NoError(t, err)
	}
	return s, ids
}

// run writes the selection of s under filter in format name and returns
// the output and the row count.
func run(t testing.TB, s Source, name string, filter Filter, entities bool) ([]byte, int) {
	t.Helper()
	f, err := Lookup(name)
	require.NoError(t, err)
	sel, err := NewSelection(s, filter)
	require.NoError(t, err)
	write := f.Facts
	if entities {
		require.NotNil(t, f.Entities, "%s has an entity table", name)
		write = f.Entities
	}
	var buf bytes.Buffer
	n, err := write(context.Background(), &buf, sel)
	require.NoError(t, err)
	return buf.Bytes(), n
}
