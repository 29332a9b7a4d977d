package store

import (
	"context"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestNodeQuadCounts checks how many quads source and article nodes take:
// a source node two (its article, its packed properties; no class) and
// the link from its fact, an article three (class, hash, packed
// properties), whatever the source states — dates, a place, an end, time
// sentences, the side a symmetric fact's sentence names first.
func TestNodeQuadCounts(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	a := art("n01", 7)
	lead := fact(a, rutte, graph.Leads, nato, "Rutte, who took office in October, leads NATO until 2028.")
	lead.Role, lead.Location, lead.Start, lead.End, lead.Ended = "Secretary General", "Brussels", graph.MonthOf(2024, time.October), graph.YearOf(2028), true
	lead.Sources[0].TimeSentences = []string{"Rutte took office on 1 October.", "His term runs four years."}
	met := fact(a, trump, graph.Met, rutte, "Trump met Rutte in Palm Beach on Friday.")
	met.Date, met.Location = graph.DayOf(2024, time.November, 29), "Palm Beach"
	_, err := s.Write(ctx, batch(a, lead, met), t0)
	require.NoError(t, err)
	// A second article restates the meeting with another date, and an
	// update of the first withdraws the term.
	b := art("n02", 9)
	again := fact(b, rutte, graph.Met, trump, "Rutte met Trump in Florida.")
	again.Date = graph.DayOf(2024, time.November, 29)
	_, err = s.Write(ctx, batch(b, again), t0.Add(time.Hour))
	require.NoError(t, err)
	upd := a
	upd.Hash, upd.Title = "hash-n01-v2", "Title n01, corrected"
	_, err = s.Write(ctx, batch(upd, met), t0.Add(2*time.Hour))
	require.NoError(t, err)

	perNode := map[quad.Value]int{}
	links := 0
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		if kind, _, _ := ParseIRI(q.Subject); kind == KindSource || kind == KindArticle {
			perNode[q.Subject]++
		}
		if kind, _, _ := ParseIRI(q.Object); kind == KindSource && q.Predicate == quad.IRI("geokg:source") {
			links++
		}
		return nil
	}))
	sources, articles := 0, 0
	for n, c := range perNode {
		switch kind, _, _ := ParseIRI(n); kind {
		case KindSource:
			sources++
			assert.Equal(t, 2, c, "quads of source node %v", n)
		case KindArticle:
			articles++
			assert.Equal(t, 3, c, "quads of article node %v", n)
		}
	}
	assert.Equal(t, 3, sources)
	assert.Equal(t, 3, links)
	assert.Equal(t, 2, articles)
}

// TestPackedRoundTrip checks that a source's and an article's packed
// properties read back as written, at every date precision, with text
// that JSON escapes, and that a bad packed value reads as unknown.
func TestPackedRoundTrip(t *testing.T) {
	r := reader{}
	srcs := []graph.Source{
		{Article: "a", Sentence: `He said "no" <twice> & left.` + "\n\tNext.", RecordedAt: t0,
			Claim:   graph.Claim{Confidence: 0.1 + 0.2, Start: graph.YearOf(2024), End: graph.MonthOf(2028, time.October), Ended: true, Location: "Brussels"},
			Subject: "person/mark-rutte", TimeSentences: []string{"b second", "a first"}, WithdrawnAt: t0.Add(time.Nanosecond)},
		{Article: "a", Sentence: "Plain.", RecordedAt: t0, Claim: graph.Claim{Date: graph.DayOf(1949, time.April, 4)}},
	}
	for _, src := range srcs {
		p, err := unpack(packSource(src))
		require.NoError(t, err)
		require.NoError(t, p.check())
		got := graph.Source{Article: src.Article}
		r.unpackSource("n", p, &got)
		want := src
		want.TimeSentences = append([]string(nil), src.TimeSentences...)
		if len(want.TimeSentences) == 2 {
			want.TimeSentences[0], want.TimeSentences[1] = want.TimeSentences[1], want.TimeSentences[0]
		}
		assert.Equal(t, want, got)
	}
	a := graph.Article{ID: "x", URL: "https://news.example/x?a=1&b=2", Title: "Ä title", Published: graph.MonthOf(2024, time.May)}
	p := props{pPacked: {packArticle(a, t0)}, pHash: {quad.String("h")}}
	got, rec, ok := r.decodeArticle("x", p)
	require.True(t, ok)
	a.Hash = "h"
	assert.Equal(t, a, got)
	assert.True(t, rec.Equal(t0))
	_, _, ok = r.decodeArticle("x", props{pHash: {quad.String("h")}})
	assert.False(t, ok, "a node with neither layout is no article")

	bad := graph.Source{Article: "a"}
	pk, _ := unpack(quad.String(`{"v":1,"s":"S","d":"10000-01-02","r":"soon"}`))
	r.unpackSource("n", pk, &bad)
	assert.Equal(t, graph.Source{Article: "a", Sentence: "S"}, bad, "bad values read as unknown")
}

// TestSameSecondWrites checks writes and deletions of articles stored
// within one second, whose instants Cayley tells apart only by the second
// (sameInstant): after deleting the first article, the fact the second
// also states keeps a readable recording time, nothing reads back
// missing, and the deletion changes no other fact.
func TestSameSecondWrites(t *testing.T) {
	ctx := context.Background()
	for name, s := range map[string]*Store{"memory": openMemory(t), "bbolt": openBoltDir(t, t.TempDir())} {
		a, b := art("s1", 5), art("s2", 6)
		_, err := s.Write(ctx, batch(a, fact(a, trump, graph.Met, rutte, "Trump met Rutte."),
			fact(a, trump, graph.Visited, usa, "Trump visited the U.S.")), t0)
		require.NoError(t, err, name)
		_, err = s.Write(ctx, batch(b, fact(b, trump, graph.Met, rutte, "Trump and Rutte met.")), t0.Add(time.Millisecond))
		require.NoError(t, err, name)
		st, err := s.DeleteArticle(ctx, "s1", t0.Add(2*time.Millisecond))
		require.NoError(t, err, name)
		assert.Equal(t, DeleteStats{Sources: 2, Facts: 1}, st, name)
		rep, err := s.Check(ctx, false)
		require.NoError(t, err, name)
		assert.Empty(t, rep.Problems, name)
		f, err := s.Fact(ctx, idOf(fact(b, trump, graph.Met, rutte, "")))
		require.NoError(t, err, name)
		assert.Equal(t, t0.Unix(), f.RecordedAt.Unix(), name)
	}
}
