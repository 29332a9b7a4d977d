package store

import (
	"context"
	"errors"
	"sort"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// Fixtures shared by the store tests.
var (
	rutte = graph.Entity{ID: graph.EntityID(graph.Person, "Mark Rutte"), Name: "Mark Rutte", Type: graph.Person, Aliases: []string{"Rutte"}}
	nato  = graph.Entity{ID: graph.EntityID(graph.Organization, "NATO"), Name: "North Atlantic Treaty Organization",
		Type: graph.Organization, Aliases: []string{"NATO", "the Alliance"}}
	usa   = graph.Entity{ID: graph.EntityID(graph.Country, "United States"), Name: "United States", Type: graph.Country, Aliases: []string{"U.S.", "USA"}}
	trump = graph.Entity{ID: graph.EntityID(graph.Person, "Donald Trump"), Name: "Donald Trump", Type: graph.Person, Aliases: []string{"Trump"}}
	costa = graph.Entity{ID: graph.EntityID(graph.Person, "António Costa"), Name: "António Costa", Type: graph.Person}

	t0 = time.Date(2025, 1, 2, 3, 4, 5, 6000, time.UTC)
)

// art returns an article published on the given day of October 2024.
func art(id string, day int) graph.Article {
	return graph.Article{ID: id, URL: "https://news.example/" + id, Title: "Title " + id,
		Published: graph.DayOf(2024, time.October, day), Hash: "hash-" + id}
}

// fact returns a fact of article a stated in sentence.
func fact(a graph.Article, s graph.Entity, p string, o graph.Entity, sentence string) graph.Fact {
	return graph.Fact{Subject: s.ID, Predicate: p, Object: o.ID, Confidence: 0.7,
		Sources: []graph.Source{{Article: a.ID, Sentence: sentence}}}
}

// batch builds a batch of article a naming all fixture entities.
func batch(a graph.Article, facts ...graph.Fact) graph.Batch {
	return graph.Batch{Article: a, Entities: []graph.Entity{rutte, nato, usa, trump, costa}, Facts: facts}
}

// idOf returns the fact id of f.
func idOf(f graph.Fact) string { return f.ComputeID() }

// allFacts returns every fact matching ff.
func allFacts(t *testing.T, s *Store, ff FactFilter) []graph.Fact {
	t.Helper()
	var out []graph.Fact
	require.NoError(t, s.Facts(context.Background(), ff, func(f graph.Fact) error {
		out = append(out, f)
		return nil
	}))
	return out
}

// testStore runs the store conformance suite; open returns a fresh, empty
// store that the test owns.
func testStore(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()

	t.Run("RoundTrip", func(t *testing.T) {
		s := open(t)
		a := art("d01", 5)
		lead := fact(a, rutte, graph.Leads, nato, "Rutte, NATO's secretary general, said.")
		lead.Role, lead.Location = "Secretary General", "Brussels"
		lead.Start, lead.End, lead.Ended, lead.Confidence = graph.YearOf(2024), graph.MonthOf(2028, time.October), true, 0.85
		met := fact(a, trump, graph.Met, rutte, "Trump met Rutte in The Hague.")
		met.Date, met.Location = graph.DayOf(2024, time.October, 1), "The Hague"
		dayStart := fact(a, trump, graph.Leads, usa, "Trump, president since January 20, 2025.")
		dayStart.Role, dayStart.Start = "President", graph.DayOf(2025, time.January, 20)

		st, err := s.Write(ctx, batch(a, lead, met, dayStart), t0)
		require.NoError(t, err)
		assert.Equal(t, graph.WriteStats{ArticleNew: true, FactsAdded: 3, SourcesAdded: 3, EntitiesAdded: 5}, st)

		for _, want := range []graph.Fact{lead, met, dayStart} {
			want.ComputeID()
			want.RecordedAt = t0
			want.Sources = []graph.Source{{Article: a.ID, URL: a.URL, Title: a.Title, Published: a.Published,
				Sentence: want.Sources[0].Sentence, RecordedAt: t0, Claim: graph.ClaimOf(&want)}}
			if graph.IsSymmetric(want.Predicate) {
				want.Sources[0].Subject = want.Subject // the side the sentence names first
			}
			got, err := s.Fact(ctx, want.ID)
			require.NoError(t, err)
			assert.True(t, want.RecordedAt.Equal(got.RecordedAt))
			assert.True(t, want.Sources[0].RecordedAt.Equal(got.Sources[0].RecordedAt))
			got.RecordedAt, got.Sources[0].RecordedAt = want.RecordedAt, want.Sources[0].RecordedAt
			assert.Equal(t, want, got)
		}
		got, err := s.Fact(ctx, idOf(lead))
		require.NoError(t, err)
		assert.Equal(t, "2024", got.Start.String())
		assert.Equal(t, "2028-10", got.End.String())

		e, err := s.Entity(ctx, usa.ID)
		require.NoError(t, err)
		assert.Equal(t, usa, e)
		_, err = s.Entity(ctx, "person/nobody")
		assert.ErrorIs(t, err, ErrNotFound)
		_, err = s.Fact(ctx, "fact/000")
		assert.ErrorIs(t, err, ErrNotFound)

		byID, seen, err := s.LookupArticle(ctx, "d01", "hash-d01")
		require.NoError(t, err)
		require.NotNil(t, byID)
		assert.Equal(t, a, *byID)
		assert.True(t, seen)
		byID, seen, err = s.LookupArticle(ctx, "d02", "hash-d01")
		require.NoError(t, err)
		assert.Nil(t, byID)
		assert.True(t, seen, "the hash is known under another id")
		_, seen, err = s.LookupArticle(ctx, "d01", "other")
		require.NoError(t, err)
		assert.False(t, seen)

		stats, err := s.Stats(ctx)
		require.NoError(t, err)
		assert.Equal(t, Stats{Articles: 1, Entities: 5, Facts: 3, Sources: 3}, stats)

		var ids []string
		require.NoError(t, s.Entities(ctx, func(e graph.Entity) error { ids = append(ids, e.ID); return nil }))
		assert.Equal(t, []string{"country/united-states", "organization/nato", "person/antonio-costa",
			"person/donald-trump", "person/mark-rutte"}, ids)

		// Plain Cayley traversals see the direct triples, both ways for met.
		for _, c := range []struct{ from, to graph.Entity }{{trump, rutte}, {rutte, trump}} {
			vs, err := path.StartPath(s.QuadStore(), EntityIRI(c.from.ID)).Out(RelIRI(graph.Met)).Iterate(ctx).AllValues(s.QuadStore())
			require.NoError(t, err)
			assert.Equal(t, []quad.Value{EntityIRI(c.to.ID)}, vs)
		}
	})

	t.Run("Idempotent", func(t *testing.T) {
		s := open(t)
		a := art("d01", 5)
		b := batch(a, fact(a, trump, graph.Met, rutte, "Trump met Rutte."), fact(a, rutte, graph.Leads, nato, "Rutte leads NATO."))
		_, err := s.Write(ctx, b, t0)
		require.NoError(t, err)
		before, err := s.Stats(ctx)
		require.NoError(t, err)
		st, err := s.Write(ctx, b, t0.Add(time.Hour))
		require.NoError(t, err)
		assert.Equal(t, graph.WriteStats{}, st, "a rewrite adds nothing")
		after, err := s.Stats(ctx)
		require.NoError(t, err)
		assert.Equal(t, before, after)
		f, err := s.Fact(ctx, idOf(b.Facts[0]))
		require.NoError(t, err)
		assert.True(t, t0.Equal(f.RecordedAt), "first RecordedAt kept")
	})

	t.Run("TimeSentences", func(t *testing.T) { testTimeSentences(t, open) })
	t.Run("Evidence", func(t *testing.T) { testEvidence(t, open) })
	t.Run("EvidenceDelete", func(t *testing.T) { testEvidenceDelete(t, open) })
	t.Run("EvidenceRecord", func(t *testing.T) { testEvidenceRecord(t, open) })
	t.Run("EvidenceBefore", func(t *testing.T) { testEvidenceBefore(t, open) })
	t.Run("EvidenceInferred", func(t *testing.T) { testEvidenceInferred(t, open) })
	t.Run("EvidenceSameSecond", func(t *testing.T) { testEvidenceSameSecond(t, open) })
	t.Run("RestateLean", func(t *testing.T) { testRestateLean(t, open) })
	t.Run("RestateBefore", func(t *testing.T) { testRestateBefore(t, open) })

	t.Run("OneFactTwoSources", func(t *testing.T) {
		s := open(t)
		a1, a2 := art("d01", 5), art("d02", 6)
		f1 := fact(a1, trump, graph.Met, rutte, "Trump met Rutte.")
		f1.Date = graph.DayOf(2024, time.October, 1)
		f2 := fact(a2, rutte, graph.Met, trump, "Rutte met Trump on Tuesday.") // other side order, same fact
		f2.Date, f2.Confidence = f1.Date, 0.9
		_, err := s.Write(ctx, batch(a1, f1), t0)
		require.NoError(t, err)
		st, err := s.Write(ctx, batch(a2, f2), t0.Add(time.Hour))
		require.NoError(t, err)
		assert.Equal(t, graph.WriteStats{ArticleNew: true, FactsMerged: 1, SourcesAdded: 1}, st)

		got := allFacts(t, s, FactFilter{})
		require.Len(t, got, 1)
		f := got[0]
		assert.Equal(t, idOf(f1), f.ID)
		assert.Equal(t, trump.ID, f.Subject, "first writer's orientation kept")
		assert.Equal(t, 0.9, f.Confidence, "max confidence")
		assert.True(t, t0.Equal(f.RecordedAt))
		require.Len(t, f.Sources, 2)
		assert.Equal(t, "d01", f.Sources[0].Article)
		assert.Equal(t, "d02", f.Sources[1].Article)
		assert.Equal(t, a2.Published, f.Sources[1].Published)
		assert.True(t, t0.Add(time.Hour).Equal(f.Sources[1].RecordedAt))
		stats, err := s.Stats(ctx)
		require.NoError(t, err)
		assert.Equal(t, Stats{Articles: 2, Entities: 5, Facts: 1, Sources: 2}, stats)

		// Same article, a second sentence: one more source; same sentence twice in a batch: one.
		f3 := fact(a2, trump, graph.Met, rutte, "They met again.")
		f3.Date = f1.Date
		f4 := f3
		st, err = s.Write(ctx, batch(a2, f3, f4), t0)
		require.NoError(t, err)
		assert.Equal(t, graph.WriteStats{FactsMerged: 1, SourcesAdded: 1}, st)
	})

	t.Run("MergePrecision", func(t *testing.T) {
		s := open(t)
		steps := []struct {
			start, end graph.Date
			ended      bool
			conf       float64
			wantStart  string
			wantEnd    string
			wantEnded  bool
			wantConf   float64
		}{
			{graph.YearOf(2024), graph.Date{}, false, 0.6, "2024", "", false, 0.6},
			{graph.MonthOf(2024, time.October), graph.YearOf(2029), false, 0.5, "2024-10", "2029", false, 0.6},
			{graph.YearOf(2024), graph.Date{}, true, 0.8, "2024-10", "2029", true, 0.8},
			{graph.DayOf(2024, time.October, 1), graph.MonthOf(2029, time.March), false, 0.1, "2024-10-01", "2029-03", true, 0.8},
		}
		var id string
		for i, st := range steps {
			a := art("m"+string(rune('a'+i)), i+1)
			f := fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")
			f.Role, f.Start, f.End, f.Ended, f.Confidence = "Secretary General", st.start, st.end, st.ended, st.conf
			id = idOf(f)
			_, err := s.Write(ctx, batch(a, f), t0.Add(time.Duration(i)*time.Hour))
			require.NoError(t, err)
			got, err := s.Fact(ctx, id)
			require.NoError(t, err)
			assert.Equal(t, st.wantStart, got.Start.String(), "step %d start", i)
			assert.Equal(t, st.wantEnd, got.End.String(), "step %d end", i)
			assert.Equal(t, st.wantEnded, got.Ended, "step %d ended", i)
			assert.Equal(t, st.wantConf, got.Confidence, "step %d confidence", i)
			assert.Len(t, got.Sources, i+1)
			assert.True(t, t0.Equal(got.RecordedAt), "step %d keeps the first RecordedAt", i)
		}
		// Updating a qualifier replaced the record that keeps it: one
		// record, and no quad of the qualifiers beside it.
		s.mu.RLock()
		p, err := reader{qs: s.qs}.props(ctx, FactIRI(id))
		s.mu.RUnlock()
		require.NoError(t, err)
		require.Len(t, p[pRecord], 1)
		assert.True(t, isSlim(stringOf(p[pRecord][0])), "the node keeps its qualifiers in its record")
		for _, pred := range []quad.IRI{pStart, pEnd, pEnded, pConfidence, pRecordedAt, pRole} {
			assert.Empty(t, p[pred], "%s", pred)
		}
	})

	t.Run("AllOrNothing", func(t *testing.T) {
		a := art("bad", 1)
		good := fact(a, trump, graph.Met, rutte, "Trump met Rutte.")
		cases := []struct {
			name string
			bad  func(*graph.Batch)
			want string
		}{
			{"unknown predicate", func(b *graph.Batch) { b.Facts[1].Predicate = "loves" }, "fact 1"},
			{"no object", func(b *graph.Batch) { b.Facts[1].Object = "" }, "fact 1"},
			{"no source", func(b *graph.Batch) { b.Facts[1].Sources = nil }, "no source"},
			{"empty sentence", func(b *graph.Batch) { b.Facts[1].Sources[0].Sentence = " " }, "sentence"},
			{"source of another article", func(b *graph.Batch) { b.Facts[1].Sources[0].Article = "zzz" }, "zzz"},
			{"confidence", func(b *graph.Batch) { b.Facts[1].Confidence = 2 }, "confidence"},
			{"unknown entity", func(b *graph.Batch) { b.Facts[1].Object = "person/ghost" }, "person/ghost"},
			{"entity without name", func(b *graph.Batch) { b.Entities[0].Name = "" }, rutte.ID},
			{"entity id with space", func(b *graph.Batch) { b.Entities[0].ID = "person/mark rutte" }, "mark rutte"},
			{"no article id", func(b *graph.Batch) { b.Article.ID = "" }, "article"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				s := open(t)
				second := fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")
				b := batch(a, good, second)
				b.Entities = append([]graph.Entity(nil), b.Entities...)
				c.bad(&b)
				_, err := s.Write(ctx, b, t0)
				require.Error(t, err)
				assert.ErrorIs(t, err, graph.ErrInvalid)
				assert.Contains(t, err.Error(), c.want)
				stats, err := s.Stats(ctx)
				require.NoError(t, err)
				assert.Equal(t, Stats{}, stats, "nothing written")
			})
		}
	})

	t.Run("Resolve", func(t *testing.T) {
		s := open(t)
		a := art("d01", 5)
		_, err := s.Write(ctx, batch(a), t0)
		require.NoError(t, err)
		cases := []struct {
			name string
			want []string
		}{
			{"United States", []string{usa.ID}},
			{"u.s.", []string{usa.ID}},
			{"US", []string{usa.ID}},
			{"the United States", []string{usa.ID}},
			{"usa", []string{usa.ID}},
			{"country/united-states", []string{usa.ID}},
			{"ANTONIO COSTA", []string{costa.ID}},
			{"Antonio Costa", []string{costa.ID}},
			{"nato", []string{nato.ID}},
			{"Alliance", []string{nato.ID}},
			{"nobody", nil},
			{"", nil},
		}
		for _, c := range cases {
			es, err := s.Resolve(ctx, c.name)
			require.NoError(t, err)
			var ids []string
			for _, e := range es {
				ids = append(ids, e.ID)
			}
			assert.Equal(t, c.want, ids, "Resolve(%q)", c.name)
		}

		// Aliases merge case-insensitively; name and type of the first writer win.
		other := usa
		other.Name, other.Type, other.Aliases = "United States of America", graph.Place, []string{"usa", "America"}
		st, err := s.Write(ctx, graph.Batch{Article: art("d02", 6), Entities: []graph.Entity{other}}, t0)
		require.NoError(t, err)
		assert.Equal(t, graph.WriteStats{ArticleNew: true}, st)
		e, err := s.Entity(ctx, usa.ID)
		require.NoError(t, err)
		assert.Equal(t, "United States", e.Name)
		assert.Equal(t, graph.Country, e.Type)
		assert.Equal(t, []string{"America", "U.S.", "USA", "United States of America"}, e.Aliases)
		es, err := s.Resolve(ctx, "america")
		require.NoError(t, err)
		require.Len(t, es, 1)
		assert.Equal(t, usa.ID, es[0].ID)

		// Two entities sharing an alias both come back.
		georgiaC := graph.Entity{ID: graph.EntityID(graph.Country, "Georgia"), Name: "Georgia", Type: graph.Country}
		georgiaP := graph.Entity{ID: graph.EntityID(graph.Place, "Georgia"), Name: "Georgia", Type: graph.Place}
		_, err = s.Write(ctx, graph.Batch{Article: art("d03", 7), Entities: []graph.Entity{georgiaP, georgiaC}}, t0)
		require.NoError(t, err)
		es, err = s.Resolve(ctx, "georgia")
		require.NoError(t, err)
		require.Len(t, es, 2)
		assert.Equal(t, georgiaC.ID, es[0].ID)
	})

	t.Run("FactsFilter", func(t *testing.T) {
		s := open(t)
		a := art("d01", 5)
		met1 := fact(a, trump, graph.Met, rutte, "Trump met Rutte.")
		met1.Date = graph.DayOf(2024, time.October, 1)
		met2 := fact(a, costa, graph.Met, rutte, "Costa met Rutte.")
		met2.Date = graph.DayOf(2024, time.October, 2)
		leads := fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")
		pres := fact(a, trump, graph.Leads, usa, "Trump leads the US.")
		crit := fact(a, trump, graph.Criticized, nato, "Trump criticized NATO.")
		_, err := s.Write(ctx, batch(a, met1, met2, leads, pres, crit), t0)
		require.NoError(t, err)
		ids := func(fs ...graph.Fact) []string {
			var out []string
			for _, f := range fs {
				out = append(out, idOf(f))
			}
			return sortedCopy(out)
		}
		cases := []struct {
			name string
			ff   FactFilter
			want []string
		}{
			{"all", FactFilter{}, ids(met1, met2, leads, pres, crit)},
			{"subject", FactFilter{Subjects: []string{trump.ID}}, ids(met1, pres, crit)},
			{"subjects", FactFilter{Subjects: []string{trump.ID, costa.ID}, Predicate: graph.Met}, ids(met1, met2)},
			{"object", FactFilter{Objects: []string{nato.ID}}, ids(leads, crit)},
			{"predicate", FactFilter{Predicate: graph.Met}, ids(met1, met2)},
			{"subject and object", FactFilter{Subjects: []string{trump.ID}, Objects: []string{nato.ID}}, ids(crit)},
			{"wrong side", FactFilter{Subjects: []string{rutte.ID}, Objects: []string{trump.ID}, Predicate: graph.Met}, nil},
			{"either side pair", FactFilter{Subjects: []string{rutte.ID}, Objects: []string{trump.ID}, Predicate: graph.Met, EitherSide: true}, ids(met1)},
			{"either side one", FactFilter{Subjects: []string{rutte.ID}, Predicate: graph.Met, EitherSide: true}, ids(met1, met2)},
			{"either side objects", FactFilter{Objects: []string{trump.ID}, EitherSide: true}, ids(met1, pres, crit)},
			{"unknown entity", FactFilter{Subjects: []string{"person/ghost"}}, nil},
			{"unknown predicate", FactFilter{Predicate: "loves"}, nil},
		}
		for _, c := range cases {
			var got []string
			for _, f := range allFacts(t, s, c.ff) {
				got = append(got, f.ID)
				assert.NotEmpty(t, f.Sources, "%s: facts come with sources", c.name)
			}
			assert.Equal(t, c.want, got, c.name)
		}

		stop := errors.New("stop")
		n := 0
		err = s.Facts(ctx, FactFilter{}, func(graph.Fact) error { n++; return stop })
		assert.ErrorIs(t, err, stop)
		assert.Equal(t, 1, n)
	})

	t.Run("ArticleUpdate", func(t *testing.T) {
		s := open(t)
		day := 24 * time.Hour
		rubio := graph.Entity{ID: graph.EntityID(graph.Person, "Marco Rubio"), Name: "Marco Rubio", Type: graph.Person}
		first := art("d01", 5)
		lead := fact(first, rutte, graph.Leads, nato, "Rutte took office on 1 October.")
		lead.Role, lead.Start = "Secretary General", graph.DayOf(2024, time.October, 1)
		_, err := s.Write(ctx, batch(first, lead), t0)
		require.NoError(t, err)

		// Version 1 of upd-1: Rubio met Rutte; Costa succeeds Rutte, which
		// ends Rutte's term.
		v1 := art("upd-1", 6)
		met := fact(v1, rubio, graph.Met, rutte, "Rubio met Rutte in Brussels.")
		met.Date = graph.DayOf(2024, time.October, 6)
		next := fact(v1, costa, graph.Leads, nato, "Costa takes over in January.")
		next.Role, next.Start = "Secretary General", graph.DayOf(2025, time.January, 1)
		b1 := batch(v1, met, next)
		b1.Entities = append(b1.Entities, rubio)
		_, err = s.Write(ctx, b1, t0.Add(day))
		require.NoError(t, err)
		got, err := s.Fact(ctx, idOf(lead))
		require.NoError(t, err)
		assert.Equal(t, "2025-01-01", got.End.String(), "ended by its successor")

		// Version 2 corrects "met" to "spoke with" and drops the successor.
		v2 := v1
		v2.Hash = "hash-upd-1-v2"
		spoke := fact(v2, rubio, graph.SpokeWith, rutte, "Rubio spoke with Rutte in Brussels.")
		spoke.Date = met.Date
		b2 := batch(v2, spoke)
		b2.Entities = append(b2.Entities, rubio)
		st, err := s.Write(ctx, b2, t0.Add(3*day))
		require.NoError(t, err)
		assert.Equal(t, graph.WriteStats{FactsAdded: 1, SourcesAdded: 1, SourcesWithdrawn: 2, FactsWithdrawn: 2, EndsInferred: 1}, st)

		byID, _, err := s.LookupArticle(ctx, "upd-1", "")
		require.NoError(t, err)
		assert.Equal(t, "hash-upd-1-v2", byID.Hash, "the article takes the new version's hash")
		st, err = s.Write(ctx, b2, t0.Add(4*day))
		require.NoError(t, err)
		assert.Equal(t, graph.WriteStats{}, st, "rewriting the new version changes nothing")

		// Plain reads: the old claims are gone, and no longer end a term.
		var live []string
		for _, f := range allFacts(t, s, FactFilter{}) {
			live = append(live, f.ID)
		}
		assert.Equal(t, sortedCopy([]string{idOf(lead), idOf(spoke)}), live)
		_, err = s.Fact(ctx, idOf(met))
		assert.ErrorIs(t, err, ErrNotFound)
		got, err = s.Fact(ctx, idOf(lead))
		require.NoError(t, err)
		assert.True(t, got.End.IsZero(), "the withdrawn successor ends nothing: %v", got.End)
		assert.Empty(t, got.EndInferredFrom)
		vs, err := path.StartPath(s.QuadStore(), EntityIRI(rubio.ID)).Out(RelIRI(graph.Met)).Iterate(ctx).AllValues(s.QuadStore())
		require.NoError(t, err)
		assert.Empty(t, vs, "no direct triple for a withdrawn fact")

		// Answers as known: before the update the old claims stand, after it not.
		hist := allFacts(t, s, FactFilter{Subjects: []string{rubio.ID}, Withdrawn: true})
		require.Len(t, hist, 2)
		var old graph.Fact
		for _, f := range hist {
			if f.ID == idOf(met) {
				old = f
			}
		}
		require.Len(t, old.Sources, 1)
		assert.True(t, t0.Add(3*day).Equal(old.Sources[0].WithdrawnAt))
		k, ok := old.KnownAt(t0.Add(2 * day))
		assert.True(t, ok, "known before the update")
		assert.Equal(t, met.Date, k.Date)
		_, ok = old.KnownAt(t0.Add(3 * day))
		assert.False(t, ok, "withdrawn by the update")

		// A third version states the successor again: it is live, recorded anew.
		v3 := v2
		v3.Hash = "hash-upd-1-v3"
		next3 := next
		b3 := batch(v3, spoke, next3)
		st, err = s.Write(ctx, b3, t0.Add(5*day))
		require.NoError(t, err)
		assert.Equal(t, 1, st.FactsMerged)
		got, err = s.Fact(ctx, idOf(next))
		require.NoError(t, err)
		require.Len(t, got.Sources, 1)
		assert.True(t, t0.Add(5*day).Equal(got.Sources[0].RecordedAt))
		got, err = s.Fact(ctx, idOf(lead))
		require.NoError(t, err)
		assert.Equal(t, "2025-01-01", got.End.String(), "ended again")
		_, err = s.Fact(ctx, idOf(met))
		assert.ErrorIs(t, err, ErrNotFound, "still withdrawn")
	})

	t.Run("PublishedUpdate", func(t *testing.T) {
		s := open(t)
		undated := art("seed", 1)
		undated.Published = graph.Date{}
		met := fact(undated, trump, graph.Met, rutte, "Trump met Rutte on Friday.")
		_, err := s.Write(ctx, batch(undated, met), t0)
		require.NoError(t, err)

		// The same text, now dated: the date resolves "on Friday".
		dated := undated
		dated.Published = graph.DayOf(2024, time.November, 30)
		metDated := fact(dated, trump, graph.Met, rutte, "Trump met Rutte on Friday.")
		metDated.Date = graph.DayOf(2024, time.November, 29)
		st, err := s.Write(ctx, batch(dated, metDated), t0.Add(time.Hour))
		require.NoError(t, err)
		assert.Equal(t, 1, st.FactsWithdrawn)
		got := allFacts(t, s, FactFilter{Predicate: graph.Met})
		require.Len(t, got, 1, "one meeting")
		assert.Equal(t, "2024-11-29", got[0].Date.String())
		assert.Equal(t, dated.Published, got[0].Sources[0].Published)

		// Without a date again, the article keeps the date it was given.
		st, err = s.Write(ctx, batch(undated, met), t0.Add(2*time.Hour))
		require.NoError(t, err)
		assert.Equal(t, graph.WriteStats{}, st, "the stored date dates the statement: nothing new")
		byID, _, err := s.LookupArticle(ctx, "seed", "")
		require.NoError(t, err)
		assert.Equal(t, dated.Published, byID.Published)
		got = allFacts(t, s, FactFilter{Predicate: graph.Met})
		require.Len(t, got, 1, "the undated statement restates the meeting it was published after")
		assert.Equal(t, idOf(metDated), got[0].ID)
	})

	t.Run("CodesAndSectors", func(t *testing.T) {
		// A country's code is stored with it (and a country stored
		// without one gains it); an event's sectors are kept with their
		// entities when a symmetric fact turns to an earlier source's
		// orientation.
		s := open(t)
		us := usa
		a2 := art("sec-2", 12)
		met := fact(a2, usa, graph.Met, nato, "U.S. officials met the alliance.")
		met.Date, met.SubjectSector = graph.DayOf(2024, time.October, 11), "GOV"
		_, err := s.Write(ctx, batch(a2, met), t0)
		require.NoError(t, err)
		us.Code = "USA"
		a1 := art("sec-1", 11)
		back := fact(a1, nato, graph.Met, usa, "The alliance's military staff met the Americans.")
		back.Date, back.SubjectSector = met.Date, "MIL"
		b := batch(a1, back)
		b.Entities = append(b.Entities, us)
		_, err = s.Write(ctx, b, t0.Add(time.Hour))
		require.NoError(t, err)
		e, err := s.Entity(ctx, usa.ID)
		require.NoError(t, err)
		assert.Equal(t, "USA", e.Code)
		got, err := s.Fact(ctx, idOf(met))
		require.NoError(t, err)
		assert.Equal(t, []string{nato.ID, "MIL", usa.ID, "GOV"}, []string{got.Subject, got.SubjectSector, got.Object, got.ObjectSector})
	})

	t.Run("UndatedRestatesEvent", func(t *testing.T) {
		s := open(t)
		a1 := art("pb-1", 30)
		a1.Published = graph.DayOf(2024, time.November, 30)
		dated := fact(a1, trump, graph.Met, rutte, "Trump met Rutte in Palm Beach on Friday.")
		dated.Date = graph.DayOf(2024, time.November, 29)
		_, err := s.Write(ctx, batch(a1, dated), t0)
		require.NoError(t, err)
		cases := []struct {
			id        string
			published graph.Date
			merged    bool
		}{
			{"days-after", graph.DayOf(2024, time.December, 2), true},
			{"month-later", graph.DayOf(2025, time.January, 5), false},
			{"before", graph.DayOf(2024, time.November, 20), false},
			{"no-day", graph.MonthOf(2024, time.December), false},
		}
		for _, c := range cases {
			a := art(c.id, 1)
			a.Published = c.published
			f := fact(a, rutte, graph.Met, trump, "Rutte met Trump to talk about spending.")
			_, err := s.Write(ctx, batch(a, f), t0.Add(time.Hour))
			require.NoError(t, err)
			got, err := s.Fact(ctx, idOf(dated))
			require.NoError(t, err)
			var arts []string
			for _, src := range got.Sources {
				arts = append(arts, src.Article)
			}
			assert.Equal(t, c.merged, len(arts) > 0 && arts[len(arts)-1] == c.id, "%s: sources %v", c.id, arts)
			assert.Equal(t, "2024-11-29", got.Date.String(), c.id)
		}
		got := allFacts(t, s, FactFilter{Predicate: graph.Met})
		assert.Len(t, got, 2, "the dated meeting (with days-after) and one undated fact for the rest")
	})

	t.Run("RestatedInAnyOrder", func(t *testing.T) {
		// Two dated meetings, their undated restatements and a later
		// undated mention; every order of arrival leaves the same facts.
		mk := func(id string, pub graph.Date, s, o graph.Entity, sentence string, date graph.Date) graph.Batch {
			a := art(id, 1)
			a.Published = pub
			f := fact(a, s, graph.Met, o, sentence)
			f.Date = date
			return batch(a, f)
		}
		nov := func(day int) graph.Date { return graph.DayOf(2024, time.November, day) }
		bs := []graph.Batch{
			mk("mon", graph.DayOf(2024, time.December, 1), trump, rutte, "Trump met Rutte last Monday.", nov(25)),
			mk("fri", nov(30), trump, rutte, "Trump met Rutte in Palm Beach on Friday.", nov(29)),
			mk("same-day", nov(29), rutte, trump, "Rutte met Trump to talk about spending.", graph.Date{}),
			mk("between", nov(27), rutte, trump, "Rutte met Trump, aides said.", graph.Date{}),
			mk("later", graph.DayOf(2025, time.January, 5), trump, rutte, "Trump has met Rutte.", graph.Date{}),
		}
		orders := [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 3, 0, 4, 1}, {3, 2, 1, 0, 4}, {0, 2, 3, 1, 4}}
		var want map[string]graph.Fact
		for _, order := range orders {
			s := open(t)
			for i, k := range order {
				_, err := s.Write(ctx, bs[k], t0.Add(time.Duration(i)*time.Hour))
				require.NoError(t, err, "order %v", order)
			}
			got := snapshot(t, s)
			arts := map[string][]string{}
			for _, f := range got {
				for _, src := range f.Sources {
					arts[f.Date.String()] = append(arts[f.Date.String()], src.Article)
				}
				sort.Strings(arts[f.Date.String()])
			}
			assert.Equal(t, map[string][]string{"2024-11-25": {"between", "mon"}, "2024-11-29": {"fri", "same-day"}, "": {"later"}},
				arts, "order %v", order)
			for _, date := range []string{"2024-11-25", "2024-11-29"} {
				f := got[idOf(event(trump, graph.Met, rutte, date))]
				assert.Equal(t, rutte.ID, f.Subject, "order %v: %s oriented as the earliest source states it", order, date)
			}
			if want == nil {
				want = got
			} else {
				assert.Equal(t, want, got, "order %v", order)
			}
			for _, b := range bs {
				st, err := s.Write(ctx, b, t0.Add(100*time.Hour))
				require.NoError(t, err)
				assert.Equal(t, graph.WriteStats{}, st, "order %v: writing %s again", order, b.Article.ID)
			}
		}
	})

	t.Run("EndByRoundTrip", func(t *testing.T) {
		// An undated holder ends the one reported before only by its own
		// first report (an upper bound); a later successor's start ends it
		// exactly.
		s := open(t)
		president := func(id string, pub graph.Date, who graph.Entity, start graph.Date) (graph.Batch, string) {
			a := art(id, 1)
			a.Published = pub
			f := fact(a, who, graph.Leads, usa, "President "+who.Name+" spoke.")
			f.Role, f.Start = "President", start
			return batch(a, f), idOf(f)
		}
		b1, first := president("p1", graph.DayOf(2024, time.July, 5), costa, graph.Date{})
		b2, _ := president("p2", graph.DayOf(2025, time.March, 14), trump, graph.Date{})
		b3, _ := president("p3", graph.DayOf(2025, time.January, 21), rutte, graph.DayOf(2025, time.January, 20))
		for i, b := range []graph.Batch{b1, b2} {
			_, err := s.Write(ctx, b, t0.Add(time.Duration(i)*time.Hour))
			require.NoError(t, err)
		}
		got, err := s.Fact(ctx, first)
		require.NoError(t, err)
		assert.Equal(t, "2025-03-14", got.End.String())
		assert.True(t, got.EndBy, "over by the next holder's first report")
		_, err = s.Write(ctx, b3, t0.Add(2*time.Hour))
		require.NoError(t, err)
		got, err = s.Fact(ctx, first)
		require.NoError(t, err)
		assert.Equal(t, "2025-01-20", got.End.String())
		assert.False(t, got.EndBy, "a successor's start is an exact end")
	})

	t.Run("PredicateScanReadsOnlyItsFacts", func(t *testing.T) {
		s := open(t)
		a := art("p01", 3)
		leadsUSA := fact(a, trump, graph.Leads, usa, "Trump leads the United States.")
		leadsUSA.Role = "President"
		metRutte := fact(a, trump, graph.Met, rutte, "Trump met Rutte.")
		metCosta := fact(a, costa, graph.Met, trump, "Costa met Trump.")
		rutteMember := fact(a, usa, graph.MemberOf, nato, "The United States is a member of NATO.")
		rutteLeads := fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")
		rutteLeads.Role = "Secretary General"
		_, err := s.Write(ctx, batch(a, leadsUSA, metRutte, metCosta, rutteMember, rutteLeads), t0)
		require.NoError(t, err)
		for _, c := range []struct {
			name  string
			ff    FactFilter
			want  []string
			cands []string // nil: want
		}{
			{"object and predicate", FactFilter{Objects: []string{usa.ID}, Predicate: graph.Leads}, []string{idOf(leadsUSA)}, nil},
			// A symmetric fact has its direct triple both ways.
			{"subject and predicate", FactFilter{Subjects: []string{trump.ID}, Predicate: graph.Met}, []string{idOf(metRutte)},
				[]string{idOf(metRutte), idOf(metCosta)}},
			{"either side", FactFilter{Subjects: []string{trump.ID}, Predicate: graph.Met, EitherSide: true},
				[]string{idOf(metRutte), idOf(metCosta)}, nil},
			{"no such predicate", FactFilter{Objects: []string{usa.ID}, Predicate: graph.Sanctioned}, nil, nil},
		} {
			if c.cands == nil {
				c.cands = c.want
			}
			// The candidates the scans read are the predicate's facts only,
			// not every fact naming the entity.
			var cands []string
			require.NoError(t, s.read(ctx, func(r reader) error {
				for _, sc := range c.ff.scans() {
					err := sc.each(ctx, r, func(v quad.Value) error {
						if id, ok := idFromIRI(v, ""); ok {
							cands = append(cands, id)
						}
						return nil
					})
					if err != nil {
						return err
					}
				}
				return nil
			}), c.name)
			assert.Equal(t, sortedCopy(c.cands), sortedCopy(dedupeIDs(cands)), "%s: candidates", c.name)
			var got []string
			for _, f := range allFacts(t, s, c.ff) {
				got = append(got, f.ID)
			}
			assert.Equal(t, sortedCopy(c.want), sortedCopy(got), "%s: facts", c.name)
		}
	})

	t.Run("NamePrefix", func(t *testing.T) { testNamePrefix(t, open(t)) })
	t.Run("TimelineIndex", func(t *testing.T) { testTimelineIndex(t, open) })

	t.Run("Closed", func(t *testing.T) {
		s := open(t)
		require.NoError(t, s.Close())
		_, err := s.Stats(ctx)
		assert.ErrorIs(t, err, ErrClosed)
		_, err = s.Write(ctx, batch(art("x", 1)), t0)
		assert.ErrorIs(t, err, ErrClosed)
		assert.ErrorIs(t, s.Close(), ErrClosed)
	})
}

// sortedCopy returns ids sorted, or nil when empty.
func sortedCopy(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	out := append([]string(nil), ids...)
	sort.Strings(out)
	return out
}

// dedupeIDs returns ids without repeats, in first-seen order.
func dedupeIDs(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
