package queries

import (
	"context"
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

func TestInForceAtPrecision(t *testing.T) {
	leads := graph.Fact{Predicate: graph.Leads, Start: day("2024-10"), End: day("2025-03")}
	met := graph.Fact{Predicate: graph.Met, Date: day("2024-11")}
	metDay := graph.Fact{Predicate: graph.Met, Date: day("2024-11-29")}
	cases := []struct {
		name          string
		f             graph.Fact
		at            string
		in, uncertain bool
	}{
		{"before a month start", leads, "2024-09-15", false, false},
		{"inside the start month", leads, "2024-10-15", true, true},
		{"first day of the start month", leads, "2024-10-01", true, true},
		{"after the start month", leads, "2024-12-01", true, false},
		{"end month is exclusive from its first day", leads, "2025-03-10", false, false},
		{"event in its month", met, "2024-11-15", true, true},
		{"event outside its month", met, "2024-12-01", false, false},
		{"day event asked by month", metDay, "2024-11", true, false},
		{"day event on its day", metDay, "2024-11-29", true, false},
	}
	for _, c := range cases {
		_, v := graph.Window{At: day(c.at)}.Apply(c.f)
		in, u := v.In, v.Uncertain
		assert.Equal(t, c.in, in, c.name)
		assert.Equal(t, c.uncertain, u, c.name)
	}
}

// Entities of the history fixture.
var (
	hNATO  = ent(graph.Organization, "NATO", "the alliance")
	hJapan = ent(graph.Country, "Japan")
	hStol  = ent(graph.Person, "Jens Stoltenberg", "Stoltenberg")
	hRutte = ent(graph.Person, "Mark Rutte", "Rutte")
	hKish  = ent(graph.Person, "Fumio Kishida", "Kishida")
	hIsh   = ent(graph.Person, "Shigeru Ishiba", "Ishiba")
	hTak   = ent(graph.Person, "Sanae Takaichi", "Takaichi")
	hTrump = ent(graph.Person, "Donald Trump", "Trump")
	hNSA   = ent(graph.Position, "National Security Adviser")
	hSull  = ent(graph.Person, "Jake Sullivan", "Sullivan")
	hWaltz = ent(graph.Person, "Michael Waltz", "Waltz")
)

// hBatch is one article of the history fixture.
func hBatch(id, pub string, facts ...graph.Fact) graph.Batch {
	for i := range facts {
		facts[i].Sources = []graph.Source{{Article: id, Sentence: "sentence " + id + " " + facts[i].Predicate}}
		facts[i].Confidence = 0.8
	}
	return graph.Batch{Article: graph.Article{ID: id, Published: day(pub), Hash: "h-" + id},
		Entities: []graph.Entity{hNATO, hJapan, hStol, hRutte, hKish, hIsh, hTak, hTrump, hNSA, hSull, hWaltz}, Facts: facts}
}

func hState(s graph.Entity, p string, o graph.Entity, role, start string, ended bool) graph.Fact {
	f := graph.Fact{Subject: s.ID, Predicate: p, Object: o.ID, Role: role, Ended: ended}
	if start != "" {
		f.Start = day(start)
	}
	return f
}

// historyBatches are articles that only together tell who held what;
// batch i is recorded on recorded(i).
func historyBatches() []graph.Batch {
	return []graph.Batch{
		hBatch("k1", "2024-01-10", hState(hKish, graph.Leads, hJapan, "Prime Minister", "", false),
			hState(hStol, graph.Leads, hNATO, "Secretary General", "2014-10", false),
			hState(hSull, graph.HoldsPosition, hNSA, "", "2021-01-20", false)),
		hBatch("k2", "2024-10-01", hState(hIsh, graph.Leads, hJapan, "Prime Minister", "2024-10-01", false),
			graph.Fact{Subject: hIsh.ID, Predicate: graph.Succeeded, Object: hKish.ID, Date: day("2024-10-01")}),
		hBatch("k3", "2024-10-03", hState(hRutte, graph.Leads, hNATO, "Secretary General", "2024-10", false)),
		hBatch("k4", "2024-11-30", graph.Fact{Subject: hTrump.ID, Predicate: graph.Met, Object: hRutte.ID, Date: day("2024-11-29")}),
		hBatch("k5", "2025-01-21", hState(hWaltz, graph.HoldsPosition, hNSA, "", "2025-01-20", false)),
		hBatch("k6", "2025-10-21", hState(hTak, graph.Leads, hJapan, "Prime Minister", "2025-10-21", false)),
	}
}

// recorded is when batch i of historyBatches is ingested: on its
// publication day.
func recorded(b graph.Batch) time.Time { return b.Article.Published.Time().Add(12 * time.Hour) }

// historyStore ingests the batches, in the order given, into a fresh store.
func historyStore(t *testing.T, dsn string, bs []graph.Batch) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dsn, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	for _, b := range bs {
		_, err := s.Write(ctx, b, recorded(b))
		require.NoError(t, err)
	}
	return s
}

// historyCase is one question with its expected names.
type historyCase struct {
	name string
	q    FactsQuery
	side string
	want []string
}

var historyCases = []historyCase{
	{"Japan before Ishiba", FactsQuery{Predicate: "leads", Object: "Japan", At: day("2024-06-01")}, "subject", []string{"Fumio Kishida"}},
	{"Japan under Ishiba", FactsQuery{Predicate: "leads", Object: "Japan", At: day("2025-03-01")}, "subject", []string{"Shigeru Ishiba"}},
	{"Japan under Takaichi", FactsQuery{Predicate: "leads", Object: "Japan", At: day("2025-12-01")}, "subject", []string{"Sanae Takaichi"}},
	{"NATO before Rutte's month", FactsQuery{Predicate: "leads", Object: "NATO", At: day("2024-09-15")}, "subject", []string{"Jens Stoltenberg"}},
	{"NATO in Rutte's month", FactsQuery{Predicate: "leads", Object: "NATO", At: day("2024-10-15")}, "subject", []string{"Mark Rutte"}},
	{"NSA replaced", FactsQuery{Predicate: "holds_position", Object: "National Security Adviser", At: day("2025-02-01")}, "subject", []string{"Michael Waltz"}},
	{"range overlapping two terms", FactsQuery{Predicate: "leads", Object: "Japan", From: day("2024-09-01"), To: day("2024-10-31")}, "subject",
		[]string{"Fumio Kishida", "Shigeru Ishiba"}},
	{"known before Ishiba was reported", FactsQuery{Predicate: "leads", Object: "Japan", At: day("2025-03-01"), AsKnown: day("2024-09-30")}, "subject",
		[]string{"Fumio Kishida"}},
	{"known after", FactsQuery{Predicate: "leads", Object: "Japan", At: day("2025-03-01"), AsKnown: day("2024-10-01")}, "subject",
		[]string{"Shigeru Ishiba"}},
	{"nothing known yet", FactsQuery{Predicate: "met", Subject: "Trump", AsKnown: day("2024-11-29")}, "object", nil},
	{"known the day it was recorded", FactsQuery{Predicate: "met", Subject: "Trump", AsKnown: day("2024-11-30")}, "object", []string{"Mark Rutte"}},
}

// runHistory checks historyCases against s and returns the answers.
func runHistory(t *testing.T, s *store.Store) [][]string {
	e := New(s)
	var all [][]string
	for _, c := range historyCases {
		got, err := e.Facts(context.Background(), c.q)
		require.NoError(t, err, c.name)
		assert.Equal(t, c.want, names(got, c.side), c.name)
		all = append(all, names(got, c.side))
	}
	return all
}

func TestHistoryQueries(t *testing.T) {
	want := runHistory(t, historyStore(t, "memory", historyBatches()))
	rng := rand.New(rand.NewSource(7))
	for round := 0; round < 6; round++ {
		bs := historyBatches()
		rng.Shuffle(len(bs), func(i, j int) { bs[i], bs[j] = bs[j], bs[i] })
		assert.Equal(t, want, runHistory(t, historyStore(t, "memory", bs)), "round %d", round)
	}
	runHistory(t, historyStore(t, t.TempDir()+"/db", historyBatches()))
}

func TestUncertainAnswer(t *testing.T) {
	e := New(historyStore(t, "memory", historyBatches()))
	got, err := e.Facts(context.Background(), FactsQuery{Predicate: "leads", Object: "NATO", At: day("2024-10-15")})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.True(t, got[0].Uncertain)
	got, err = e.Facts(context.Background(), FactsQuery{Predicate: "leads", Object: "NATO", At: day("2024-12-15")})
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.False(t, got[0].Uncertain)
}

func TestHolders(t *testing.T) {
	e := New(historyStore(t, "memory", historyBatches()))
	ctx := context.Background()
	hs, err := e.Holders(ctx, HoldersQuery{Org: "Japan"})
	require.NoError(t, err)
	var got []string
	for _, h := range hs {
		got = append(got, h.Person.Name+" "+h.Start.String()+".."+h.End.String())
		require.Len(t, h.Facts, 1)
		assert.NotEmpty(t, h.Facts[0].Fact.Sources)
	}
	assert.Equal(t, []string{"Fumio Kishida ..2024-10-01", "Shigeru Ishiba 2024-10-01..2025-10-21", "Sanae Takaichi 2025-10-21.."}, got)
	assert.True(t, hs[0].Ended, "an inferred end ends the term")

	hs, err = e.Holders(ctx, HoldersQuery{Org: "Japan", Role: "prime minister", At: day("2025-03-01")})
	require.NoError(t, err)
	require.Len(t, hs, 1)
	assert.Equal(t, "Shigeru Ishiba", hs[0].Person.Name)

	hs, err = e.Holders(ctx, HoldersQuery{Org: "Japan", From: day("2024-09-01"), To: day("2024-10-31")})
	require.NoError(t, err)
	got = nil
	for _, h := range hs {
		got = append(got, h.Person.Name)
	}
	assert.Equal(t, []string{"Fumio Kishida", "Shigeru Ishiba"}, got, "the terms overlapping the range")

	hs, err = e.Holders(ctx, HoldersQuery{Org: "Japan", Role: "Emperor"})
	require.NoError(t, err)
	assert.Empty(t, hs)

	hs, err = e.Holders(ctx, HoldersQuery{Org: "the alliance", At: day("2024-10-15")})
	require.NoError(t, err)
	require.Len(t, hs, 1)
	assert.Equal(t, "Mark Rutte", hs[0].Person.Name)
	assert.True(t, hs[0].Uncertain)

	hs, err = e.Holders(ctx, HoldersQuery{Org: "National Security Adviser", At: day("2024-06-01"), AsKnown: day("2024-06-01")})
	require.NoError(t, err)
	require.Len(t, hs, 1)
	assert.Equal(t, "Jake Sullivan", hs[0].Person.Name)
	assert.True(t, hs[0].End.IsZero(), "Waltz was not known yet")

	_, err = e.Holders(ctx, HoldersQuery{Org: "Atlantis"})
	assert.ErrorIs(t, err, ErrUnknownEntity)
}

func TestTimeline(t *testing.T) {
	e := New(historyStore(t, "memory", historyBatches()))
	ctx := context.Background()
	as, err := e.Timeline(ctx, TimelineQuery{Entity: "Ishiba"})
	require.NoError(t, err)
	var got []string
	for _, a := range as {
		got = append(got, a.Fact.Predicate+" "+a.Object.Name)
	}
	assert.Equal(t, []string{"succeeded Fumio Kishida", "leads Japan"}, got)

	as, err = e.Timeline(ctx, TimelineQuery{Entity: "Rutte", From: day("2024-11-01"), To: day("2024-11-30")})
	require.NoError(t, err)
	got = nil
	for _, a := range as {
		got = append(got, a.Subject.Name+" "+a.Fact.Predicate)
	}
	assert.Equal(t, []string{"Mark Rutte leads", "Donald Trump met"}, got)

	as, err = e.Timeline(ctx, TimelineQuery{Entity: "Rutte", At: day("2024-10-15")})
	require.NoError(t, err)
	require.Len(t, as, 1, "in force that day: the term, not the meeting")
	assert.Equal(t, graph.Leads, as[0].Fact.Predicate)
	assert.True(t, as[0].Uncertain, "a term starting 2024-10")

	as, err = e.Timeline(ctx, TimelineQuery{Entity: "Rutte", AsKnown: day("2024-10-02")})
	require.NoError(t, err)
	assert.Empty(t, as)
}
