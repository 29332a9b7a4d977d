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

func TestDateValueRoundTrip(t *testing.T) {
	cases := []struct {
		name string
		d    graph.Date
		lex  string
		typ  quad.IRI
	}{
		{"year", graph.YearOf(2024), "2024", xsdGYear},
		{"month", graph.MonthOf(2024, time.October), "2024-10", xsdGYearMonth},
		{"month of first day", graph.Date{Year: 2024, Month: time.October, Day: 1, Precision: graph.MonthPrecision}, "2024-10", xsdGYearMonth},
		{"day", graph.DayOf(2024, time.October, 1), "2024-10-01", xsdDate},
		{"old day", graph.DayOf(1949, time.April, 4), "1949-04-04", xsdDate},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := dateValue(c.d)
			ts, ok := v.(quad.TypedString)
			require.True(t, ok, "want a typed literal, got %T", v)
			assert.Equal(t, c.lex, string(ts.Value))
			assert.Equal(t, c.typ, ts.Type)
			got, err := dateFromValue(v)
			require.NoError(t, err)
			assert.Equal(t, c.d, got)
			assert.Equal(t, c.lex, got.String())
		})
	}
	assert.Nil(t, dateValue(graph.Date{}), "the unknown date has no quad")
	_, err := dateFromValue(quad.Int(3))
	assert.ErrorIs(t, err, graph.ErrBadDate)
}

func TestAliasKey(t *testing.T) {
	cases := []struct{ a, b string }{
		{"U.S.", "US"},
		{"U.S.", "u.s."},
		{"the U. S.", "US"},
		{"The United States", "united states"},
		{"António Costa", "antonio costa"},
		{"Jean-Claude Juncker", "jean claude juncker"},
		{"2% of GDP", "2 pct of gdp"},
		{"O’Brien", "OBrien"},
	}
	for _, c := range cases {
		assert.Equal(t, AliasKey(c.a), AliasKey(c.b), "%q vs %q", c.a, c.b)
		assert.NotEmpty(t, AliasKey(c.a))
	}
	assert.NotEqual(t, AliasKey("NATO"), AliasKey("NASA"))
	assert.Equal(t, "", AliasKey(" ... "))
}

func TestIRIRoundTrip(t *testing.T) {
	for _, id := range []string{"person/donald-trump", "d01", "https://x.example/a b?c=1&d=%20", "a<b>\"c"} {
		iri := ArticleIRI(id)
		assert.NotContains(t, string(iri), " ")
		assert.NotContains(t, string(iri), "<")
		got, ok := idFromIRI(iri, "article/")
		require.True(t, ok, id)
		assert.Equal(t, id, got)
	}
	assert.Equal(t, quad.IRI("geokg:entity/person/donald-trump"), EntityIRI("person/donald-trump"))
	assert.Equal(t, quad.IRI("geokg:rel/met"), RelIRI(graph.Met))
	_, ok := idFromIRI(quad.String("geokg:article/x"), "article/")
	assert.False(t, ok, "a string is not a node")
}

func TestFactQuadsShape(t *testing.T) {
	f := graph.Fact{Subject: "person/a", Predicate: graph.Met, Object: "person/b", Date: graph.DayOf(2024, 1, 2), Confidence: 0.5}
	f.ComputeID()
	qs := factQuads(f)
	var direct, reverse bool
	for _, q := range qs {
		if q.Predicate == RelIRI(graph.Met) {
			assert.Equal(t, FactIRI(f.ID), q.Label, "direct triple lives in the fact's graph")
			direct = direct || q.Subject == EntityIRI("person/a")
			reverse = reverse || q.Subject == EntityIRI("person/b")
		}
	}
	assert.True(t, direct)
	assert.True(t, reverse, "symmetric predicates get the reverse triple")

	g := graph.Fact{Subject: "person/a", Predicate: graph.Leads, Object: "country/x"}
	g.ComputeID()
	n := 0
	for _, q := range factQuads(g) {
		if q.Predicate == RelIRI(graph.Leads) {
			n++
		}
	}
	assert.Equal(t, 1, n, "asymmetric predicates get one direct triple")
}

func TestFactRoundTripEachPrecision(t *testing.T) {
	ctx := context.Background()
	dates := []graph.Date{{}, graph.YearOf(2019), graph.MonthOf(2024, time.October), graph.DayOf(2024, time.October, 1)}
	for _, field := range []string{"start", "end", "date"} {
		for _, d := range dates {
			t.Run(field+"/"+d.Precision.String(), func(t *testing.T) {
				s := openMemory(t)
				a := art("d01", 5)
				f := fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")
				if field == "date" {
					f.Predicate = graph.Visited
				}
				dst := map[string]*graph.Date{"start": &f.Start, "end": &f.End, "date": &f.Date}[field]
				*dst = d
				_, err := s.Write(ctx, batch(a, f), t0)
				require.NoError(t, err)
				got, err := s.Fact(ctx, idOf(f))
				require.NoError(t, err)
				gotDate := map[string]graph.Date{"start": got.Start, "end": got.End, "date": got.Date}[field]
				assert.Equal(t, d, gotDate)
				assert.Equal(t, d.String(), gotDate.String())
			})
		}
	}
}

func TestParseIRI(t *testing.T) {
	for _, tc := range []struct {
		iri   quad.IRI
		kind  IRIKind
		id    string
		ns    Namespace
		local string
	}{
		{EntityIRI("person/donald-trump"), KindEntity, "person/donald-trump", NodeNS, "entity/person/donald-trump"},
		{FactIRI("fact/0123abcd"), KindFact, "fact/0123abcd", NodeNS, "fact/0123abcd"},
		{sourceIRI("fact/0123abcd", "d01", "S."), KindSource, string(sourceIRI("fact/0123abcd", "d01", "S."))[len("geokg:source/"):], NodeNS, string(sourceIRI("fact/0123abcd", "d01", "S."))[len("geokg:"):]},
		{ArticleIRI("a b/c"), KindArticle, "a b/c", NodeNS, "article/a%20b/c"},
		{RelIRI(graph.Met), KindRel, "met", RelNS, "met"},
		{pName, KindVocab, "name", VocabNS, "name"},
		{classFact, KindVocab, "Fact", VocabNS, "Fact"},
		{pEndInferredFrom, KindVocab, "end_inferred_from", VocabNS, "end_inferred_from"},
	} {
		kind, id, ok := ParseIRI(tc.iri)
		require.True(t, ok, tc.iri)
		assert.Equal(t, tc.kind, kind, tc.iri)
		assert.Equal(t, tc.id, id, tc.iri)
		assert.Equal(t, tc.iri, MakeIRI(kind, id), "MakeIRI inverts ParseIRI")
		ns, local, ok := SplitIRI(tc.iri)
		require.True(t, ok, tc.iri)
		assert.Equal(t, tc.ns, ns, tc.iri)
		assert.Equal(t, tc.local, local, tc.iri)
		assert.Equal(t, tc.iri, JoinIRI(ns, local), "JoinIRI inverts SplitIRI")
	}
	for _, v := range []quad.Value{
		quad.String("geokg:entity/x"), quad.IRI("http://example.org/entity/x"),
		quad.IRI("geokg:thing/x"), quad.IRI("geokg:entity/bad%zz"), quad.BNode("geokg:fact/x"), nil,
	} {
		_, _, ok := ParseIRI(v)
		assert.False(t, ok, "%v", v)
	}
	_, _, ok := SplitIRI(quad.IRI("http://example.org/x"))
	assert.False(t, ok)
}
