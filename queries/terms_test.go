package queries

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

func TestInForceAtEarlierTerms(t *testing.T) {
	f := graph.Fact{Predicate: graph.Leads, Start: day("2025-01-20"),
		EarlierTerms: []graph.Term{{Start: day("2017-01-20"), End: day("2021-01-20")}}}
	for at, want := range map[string]bool{"2016-06-01": false, "2019-06-01": true, "2021-01-20": false,
		"2023-06-01": false, "2025-01-20": true, "2026-01-01": true} {
		in := graph.Window{At: day(at)}.Holds(f)
		assert.Equal(t, want, in, at)
	}
	in := graph.Window{From: day("2018-01-01"), To: day("2018-12-31")}.Holds(f)
	assert.True(t, in, "a range inside the earlier term")
	in = graph.Window{From: day("2022-01-01"), To: day("2024-12-31")}.Holds(f)
	assert.False(t, in, "a range in the gap")
}

// TestTermsAnswered checks, on a store, that a leader's two terms told by
// three articles answer dated queries with the term in force, shown with
// its own bounds, and list as two rows of holders.
func TestTermsAnswered(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	defer s.Close()
	p := ent(graph.Person, "Ana Vidal")
	c := ent(graph.Country, "Oceania")
	write := func(id, pub, start string, ended bool) {
		f := graph.Fact{Subject: p.ID, Predicate: graph.Leads, Object: c.ID, Role: "President",
			Start: day(start), Ended: ended, Confidence: 0.8,
			Sources: []graph.Source{{Article: id, Sentence: "sentence of " + id}}}
		_, err := s.Write(ctx, graph.Batch{Article: graph.Article{ID: id, Published: day(pub), Hash: id},
			Entities: []graph.Entity{p, c}, Facts: []graph.Fact{f}}, time.Now())
		require.NoError(t, err)
	}
	write("a3", "2024-02-01", "2024-01-15", false) // back in office
	write("a1", "2012-05-01", "2012-04-02", false) // first term
	write("a2", "2019-09-01", "", true)            // "former president"
	e := New(s)
	ask := func(at string) []Answer {
		as, err := e.Facts(ctx, FactsQuery{Object: "Oceania", Predicate: graph.Leads, At: day(at)})
		require.NoError(t, err)
		return as
	}
	if as := ask("2015-01-01"); assert.Len(t, as, 1) {
		assert.Equal(t, "2012-04-02", as[0].Fact.Start.String())
		assert.Equal(t, "2019-09-01", as[0].Fact.End.String())
	}
	assert.Empty(t, ask("2021-01-01"))
	if as := ask("2025-01-01"); assert.Len(t, as, 1) {
		assert.Equal(t, "2024-01-15", as[0].Fact.Start.String())
	}
	hs, err := e.Holders(ctx, HoldersQuery{Org: "Oceania"})
	require.NoError(t, err)
	require.Len(t, hs, 2)
	assert.Equal(t, "2012-04-02", hs[0].Start.String())
	assert.Equal(t, "2024-01-15", hs[1].Start.String())
}
