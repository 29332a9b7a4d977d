package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// requireEvidenceAgrees checks that every fact read with its evidence only
// (FactFilter.Evidence) answers as the fact read with all its sources:
// the same qualifiers and earlier terms, source count, independent
// sources and combined confidence, first sources, the publication dates
// the time rules read, and the same verdict of a window on each day of
// the test's calendar.
func requireEvidenceAgrees(t *testing.T, s *Store, step string) {
	t.Helper()
	full := allFacts(t, s, FactFilter{})
	ev := allFacts(t, s, FactFilter{Evidence: true})
	require.Len(t, ev, len(full), step)
	for i := range full {
		f, e := full[i], ev[i]
		require.LessOrEqual(t, len(e.Sources), evidenceFirst+3, step)
		require.Equal(t, f.NumSources(), e.NumSources(), "%s: %s", step, f.ID)
		require.Equal(t, min(graph.IndependentSources(f), graph.SaturatedSources), graph.IndependentSources(e), "%s: %s", step, f.ID)
		require.Equal(t, graph.CombinedConfidence(f), graph.CombinedConfidence(e), "%s: %s", step, f.ID)
		require.Equal(t, graph.FirstPublished(&f), graph.FirstPublished(&e), "%s: %s", step, f.ID)
		require.Equal(t, f.EndBound(), e.EndBound(), "%s: %s", step, f.ID)
		n := min(evidenceFirst, len(f.Sources))
		require.Equal(t, f.Sources[:n], e.Sources[:n], "%s: %s", step, f.ID)
		for d := graph.DayOf(2024, time.September, 1); d.Before(graph.DayOf(2026, time.March, 1)); d = graph.DateFromTime(d.Time().AddDate(0, 0, 9)) {
			_, want := graph.Window{At: d}.Apply(f)
			_, got := graph.Window{At: d}.Apply(e)
			require.Equal(t, want, got, "%s: %s at %s", step, f.ID, d)
		}
		g, h := f, e
		g.Sources, h.Sources, h.SourceCount, h.Independent = nil, nil, 0, 0
		require.Equal(t, g, h, "%s: %s", step, f.ID)
	}
	requireAggregatesAgree(t, s, step)
}

// requireAggregatesAgree checks that the aggregate kept in each fact's
// evidence record is the one its sources, all read, give (aggOf), and
// that the qualifiers derived from it are those derived from them.
func requireAggregatesAgree(t *testing.T, s *Store, step string) {
	t.Helper()
	ctx := context.Background()
	for _, f := range allFacts(t, s, FactFilter{Withdrawn: true}) {
		var full graph.Fact
		var rec factRecord
		require.NoError(t, s.read(ctx, func(r reader) error {
			p, err := r.some(ctx, FactIRI(f.ID), pRecord)
			if err != nil || len(p[pRecord]) == 0 {
				return err
			}
			parsed, err := parseRecord(stringOf(p[pRecord][0]))
			if err != nil {
				return err
			}
			rec = *parsed
			full, _, err = r.fact(ctx, f.ID, nil)
			return err
		}), step)
		if rec.Count == 0 {
			continue // no live source: answered as known before
		}
		require.NotNil(t, rec.Agg, "%s: %s keeps an aggregate", step, f.ID)
		want := aggOf(&full)
		require.True(t, want.Agg.Equal(rec.Agg.Agg), "%s: %s: aggregate %+v, from all sources %+v", step, f.ID, rec.Agg.Agg, want.Agg)
		require.Equal(t, want.Ind.Articles, rec.Agg.Ind.Articles, "%s: %s", step, f.ID)
		require.Equal(t, want.Ind.Sentences, rec.Agg.Ind.Sentences, "%s: %s", step, f.ID)
		require.Equal(t, want.Last, rec.Agg.Last, "%s: %s", step, f.ID)
		require.Equal(t, want.First, rec.Agg.First, "%s: %s", step, f.ID)
		d, g := graph.DeriveFrom(full, rec.Agg.Agg), graph.Derive(full)
		require.Equal(t, g, d, "%s: %s", step, f.ID)
	}
}

// testEvidence restates one term many times with claims that disagree
// (days and months, a "former", a second term, wire copies of one
// sentence), then updates and deletes articles, and checks after every
// write that the evidence answers as the whole fact does; then that a
// store whose facts keep no evidence (written before it existed) is read
// whole, gains evidence on the next write, and gets it back from Check
// with repair.
func testEvidence(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	s := open(t)
	day := func(i int) graph.Article {
		a := art(fmt.Sprintf("ev%02d", i), 1)
		a.Published = graph.DateFromTime(graph.DayOf(2024, time.October, 1).Time().AddDate(0, 0, 11*i))
		return a
	}
	state := func(a graph.Article, sentence string, c graph.Claim) graph.Fact {
		f := fact(a, rutte, graph.Leads, nato, sentence)
		f.Role, f.Sources[0].Claim = "Secretary General", c
		return f
	}
	oct1, oct := graph.DayOf(2024, time.October, 1), graph.MonthOf(2024, time.October)
	for i := range 30 {
		a := day(i)
		c := graph.Claim{Start: oct1, Confidence: 0.5 + float64(i%4)/10}
		switch {
		case i%3 == 1:
			c.Start = oct
		case i == 17:
			c = graph.Claim{Ended: true, Confidence: 0.6}
		case i > 20 && i%2 == 0:
			c = graph.Claim{Start: graph.MonthOf(2025, time.June), Confidence: 0.7, Location: "Brussels"}
		}
		sentence := fmt.Sprintf("Rutte, NATO's chief (%d).", i)
		if i%5 == 0 {
			sentence = "Rutte leads NATO, the wire said." // copies count once
		}
		met := fact(a, trump, graph.Met, rutte, fmt.Sprintf("Trump met Rutte (%d).", i))
		met.Date = graph.DayOf(2024, time.November, 1+i%3)
		facts := []graph.Fact{state(a, sentence, c), met}
		if i == 26 { // a successor first reported, start unknown: an end by then
			next := fact(a, costa, graph.Leads, nato, "Costa, NATO's chief.")
			next.Role = "Secretary General"
			facts = append(facts, next)
		}
		_, err := s.Write(ctx, batch(a, facts...), t0.Add(time.Duration(i)*time.Hour))
		require.NoError(t, err)
		requireEvidenceAgrees(t, s, fmt.Sprintf("write %d", i))
	}
	// An update of the first article no longer states the term; another
	// article is deleted.
	upd := day(0)
	upd.Hash = "hash-ev00-v2"
	other := fact(upd, trump, graph.Met, costa, "Trump met Costa.")
	other.Date = graph.DayOf(2024, time.September, 30)
	_, err := s.Write(ctx, batch(upd, other), t0.Add(40*time.Hour))
	require.NoError(t, err)
	requireEvidenceAgrees(t, s, "update")
	if s.cache != nil {
		s.cache = newInferCache() // as a new process: the evidence is read back
	}
	_, err = s.DeleteArticle(ctx, "ev01", t0.Add(41*time.Hour))
	require.NoError(t, err)
	requireEvidenceAgrees(t, s, "delete")
	lead := allFacts(t, s, FactFilter{Subjects: []string{rutte.ID}, Objects: []string{nato.ID}, Predicate: graph.Leads, Evidence: true})
	require.Len(t, lead, 1)
	require.Greater(t, lead[0].SourceCount, len(lead[0].Sources), "only the evidence is read")
	require.NotEmpty(t, lead[0].EarlierTerms, "two terms")

	counts := map[quad.Value]int{}
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		if q.Predicate == pRecord {
			counts[q.Subject]++
		}
		return nil
	}))
	require.Len(t, counts, len(allFacts(t, s, FactFilter{Withdrawn: true})), "every fact keeps its evidence")
	for n, c := range counts {
		require.Equal(t, 1, c, "%v keeps one count", n)
	}

	// A store written before evidence existed: no fact keeps any.
	var strip []cayleygraph.Delta
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		if slices.Contains(evidencePredicates, q.Predicate.(quad.IRI)) {
			strip = append(strip, cayleygraph.Delta{Quad: q, Action: cayleygraph.Delete})
		}
		return nil
	}))
	require.NotEmpty(t, strip)
	require.NoError(t, s.qs.ApplyDeltas(strip, cayleygraph.IgnoreOpts{IgnoreMissing: true}))
	s.cache = nil
	requireEvidenceAgrees(t, s, "no evidence stored")
	a := day(31)
	_, err = s.Write(ctx, batch(a, state(a, "Rutte, NATO's chief, again.", graph.Claim{Start: oct1, Confidence: 0.9})), t0.Add(50*time.Hour))
	require.NoError(t, err)
	requireEvidenceAgrees(t, s, "restated after")
	n := 0
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		if q.Predicate == pRecord {
			n++
		}
		return nil
	}))
	require.Equal(t, 1, n, "the restated fact keeps evidence again, the others not yet")
	rep, err := s.Check(ctx, false)
	require.NoError(t, err)
	require.Equal(t, 5, rep.NoEvidence, "Costa's term and four meetings")
	require.Zero(t, rep.EvidenceWritten)
	rep, err = s.Check(ctx, true)
	require.NoError(t, err)
	require.Equal(t, 5, rep.EvidenceWritten)
	requireEvidenceAgrees(t, s, "repaired")
	rep, err = s.Check(ctx, false)
	require.NoError(t, err)
	require.Zero(t, rep.NoEvidence)
}

// testEvidenceDelete deletes one of the two articles stating a fact in a
// store that holds nothing else, read back as a new process would (no
// cache): the evidence left names the other article's source. (Deleting
// the evidence quad that names the deleted source twice in one batch once
// dropped the references of its values, and the other evidence with them.)
func testEvidenceDelete(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	s := open(t)
	for i, id := range []string{"del-one", "del-two"} {
		a := art(id, 10+i)
		m := fact(a, trump, graph.Met, rutte, fmt.Sprintf("Trump met Rutte (%d).", i))
		m.Date = graph.DayOf(2024, time.October, 9)
		_, err := s.Write(ctx, batch(a, m), t0.Add(time.Duration(i)*time.Hour))
		require.NoError(t, err)
	}
	if s.cache != nil {
		s.cache = newInferCache()
	}
	_, err := s.DeleteArticle(ctx, "del-one", t0.Add(2*time.Hour))
	require.NoError(t, err)
	requireEvidenceAgrees(t, s, "delete")
	got := allFacts(t, s, FactFilter{Predicate: graph.Met, Evidence: true})
	require.Len(t, got, 1)
	require.Len(t, got[0].Sources, 1)
	require.Equal(t, "del-two", got[0].Sources[0].Article)
}

// evidenceWorld writes a few articles to s: a term restated with
// disagreeing claims, a meeting stated both ways with time sentences, an
// article updated with new metadata and one deleted, so that evidence
// records are written, rewritten and removed.
func evidenceWorld(t *testing.T, s *Store) {
	ctx := context.Background()
	for i := range 9 {
		a := art(fmt.Sprintf("rec%02d", i), 1+i)
		lead := fact(a, rutte, graph.Leads, nato, fmt.Sprintf("Rutte heads NATO (%d).", i))
		lead.Role, lead.Sources[0].Claim = "Secretary General", graph.Claim{Start: graph.DayOf(2024, time.October, 1), Confidence: 0.6 + float64(i%3)/10}
		if i == 6 {
			lead.Sources[0].Claim = graph.Claim{Ended: true, Confidence: 0.8}
		}
		m := fact(a, trump, graph.Met, rutte, fmt.Sprintf("They met two days later (%d).", i%4))
		if i%2 == 1 {
			m.Subject, m.Object = rutte.ID, trump.ID
		}
		m.Date, m.Location = graph.DayOf(2024, time.November, 3), "Palm Beach"
		m.Sources[0].TimeSentences = []string{"Trump landed on Friday.", "The talks had been planned for weeks."}
		_, err := s.Write(ctx, batch(a, lead, m), t0.Add(time.Duration(i)*time.Minute))
		require.NoError(t, err)
	}
	upd := art("rec02", 20)
	upd.Hash, upd.Title, upd.URL = "hash-rec02-v2", "Title rec02, corrected", "https://news.example/rec02-v2"
	m := fact(upd, trump, graph.Met, rutte, "They met two days later (2).")
	m.Date = graph.DayOf(2024, time.November, 3)
	_, err := s.Write(ctx, batch(upd, m), t0.Add(time.Hour))
	require.NoError(t, err)
	_, err = s.DeleteArticle(ctx, "rec05", t0.Add(2*time.Hour))
	require.NoError(t, err)
}

// testEvidenceRecord checks that a fact read with its evidence is read
// from its record alone: with every source and article node removed from
// the store, the answers are the same, qualifiers, sources and counts.
func testEvidenceRecord(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	s := open(t)
	evidenceWorld(t, s)
	requireEvidenceAgrees(t, s, "written")
	want := allFacts(t, s, FactFilter{Evidence: true})
	require.Len(t, want, 2)
	var upd *graph.Source
	for _, f := range want {
		for i, src := range f.Sources {
			if src.Article == "rec02" && f.Predicate == graph.Met {
				upd = &f.Sources[i]
			}
		}
	}
	require.NotNil(t, upd, "%+v", want)
	require.Equal(t, "Title rec02, corrected", upd.Title, "the record follows an update of the article")
	var strip []cayleygraph.Delta
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		if n := q.Subject.String(); strings.HasPrefix(n, "<geokg:source/") || strings.HasPrefix(n, "<geokg:article/") {
			strip = append(strip, cayleygraph.Delta{Quad: q, Action: cayleygraph.Delete})
		}
		return nil
	}))
	require.NotEmpty(t, strip)
	require.NoError(t, s.qs.ApplyDeltas(strip, cayleygraph.IgnoreOpts{IgnoreMissing: true}))
	s.cache = nil
	require.Equal(t, want, allFacts(t, s, FactFilter{Evidence: true}), "no source or article node is read")
}

// testEvidenceBefore checks a store whose facts keep their evidence as
// the separate quads written before the record: it answers as the whole
// facts do (through the sources' nodes), Check counts the facts and with
// repair replaces those quads with records, and reads still agree.
func testEvidenceBefore(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	s := open(t)
	evidenceWorld(t, s)
	whole := allFacts(t, s, FactFilter{Withdrawn: true})
	var deltas []cayleygraph.Delta
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		if q.Predicate == pRecord {
			deltas = append(deltas, cayleygraph.Delta{Quad: q, Action: cayleygraph.Delete})
		}
		return nil
	}))
	require.Len(t, deltas, len(whole))
	for i := range whole {
		f := whole[i]
		live, _ := f.Live()
		e := evidenceOf(&live)
		n := FactIRI(f.ID)
		qs := []quad.Quad{quad.Make(n, pSourceCount, quad.Int(e.count), nil), quad.Make(n, pIndependent, quad.Int(e.independent), nil)}
		if len(live.EarlierTerms) > 0 {
			qs = append(qs, quad.Make(n, pEarlierTerms, quad.String(encodeTerms(live.EarlierTerms)), nil))
		}
		for _, src := range e.sources {
			qs = append(qs, quad.Make(n, pEvidence, sourceIRI(f.ID, src.Article, src.Sentence), nil))
		}
		for _, q := range qs {
			deltas = append(deltas, cayleygraph.Delta{Quad: q, Action: cayleygraph.Add})
		}
	}
	require.NoError(t, s.qs.ApplyDeltas(keepValues(deltas), cayleygraph.IgnoreOpts{IgnoreMissing: true}))
	s.cache = nil
	requireEvidenceAgrees(t, s, "separate evidence quads")
	rep, err := s.Check(ctx, false)
	require.NoError(t, err)
	require.Equal(t, len(whole), rep.NoEvidence)
	rep, err = s.Check(ctx, true)
	require.NoError(t, err)
	require.Equal(t, len(whole), rep.EvidenceWritten)
	requireEvidenceAgrees(t, s, "repaired")
	preds := map[quad.Value]int{}
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		if slices.Contains(evidencePredicates, q.Predicate.(quad.IRI)) {
			preds[q.Predicate]++
		}
		return nil
	}))
	require.Equal(t, map[quad.Value]int{pRecord: len(whole)}, preds, "the record replaces the separate quads")
	rep, err = s.Check(ctx, false)
	require.NoError(t, err)
	require.Zero(t, rep.NoEvidence)
}

// testEvidenceInferred checks the record of a fact that a write changes
// without stating it: a successor's term, in another article, ends the
// open term before it (an inferred end), with and without what the
// previous writes left in the cache; and deleting the successor's
// article opens it again.
func testEvidenceInferred(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	for _, fresh := range []bool{false, true} {
		s := open(t)
		a1, a2 := art("inf1", 1), art("inf2", 20)
		first := fact(a1, rutte, graph.Leads, nato, "Rutte took office on 1 October.")
		first.Role, first.Start = "Secretary General", graph.DayOf(2024, time.October, 1)
		next := fact(a2, costa, graph.Leads, nato, "Costa took office on 19 October.")
		next.Role, next.Start = "Secretary General", graph.DayOf(2024, time.October, 19)
		_, err := s.Write(ctx, batch(a1, first), t0)
		require.NoError(t, err)
		if fresh && s.cache != nil {
			s.cache = newInferCache()
		}
		st, err := s.Write(ctx, batch(a2, next), t0.Add(time.Hour))
		require.NoError(t, err)
		require.Equal(t, 1, st.EndsInferred)
		requireEvidenceAgrees(t, s, fmt.Sprintf("successor (fresh cache %v)", fresh))
		got := allFacts(t, s, FactFilter{Subjects: []string{rutte.ID}, Predicate: graph.Leads, Evidence: true})
		require.Len(t, got, 1)
		require.Equal(t, next.Start, got[0].End, "the inferred end is in the record")
		require.Len(t, got[0].Sources, 1)
		if fresh && s.cache != nil {
			s.cache = newInferCache()
		}
		_, err = s.DeleteArticle(ctx, "inf2", t0.Add(2*time.Hour))
		require.NoError(t, err)
		requireEvidenceAgrees(t, s, fmt.Sprintf("successor deleted (fresh cache %v)", fresh))
		got = allFacts(t, s, FactFilter{Subjects: []string{rutte.ID}, Predicate: graph.Leads, Evidence: true})
		require.Len(t, got, 1)
		require.True(t, got[0].End.IsZero(), "open again")
	}
}

// testEvidenceSameSecond writes two articles within one second: Cayley
// keeps one value per instant's text (to the second), so the second
// write's instants read back as the first's, and its evidence records
// must say the same.
func testEvidenceSameSecond(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	s := open(t)
	for i, at := range []time.Time{t0, t0.Add(300 * time.Millisecond), t0.Add(700 * time.Millisecond)} {
		a := art(fmt.Sprintf("sec%d", i), 3+i)
		m := fact(a, trump, graph.Met, rutte, fmt.Sprintf("Trump met Rutte (%d).", i%2))
		m.Date = graph.DayOf(2024, time.October, 2)
		v := fact(a, trump, graph.Visited, usa, fmt.Sprintf("Trump visited (%d).", i))
		v.Date = graph.DayOf(2024, time.October, 1+i)
		_, err := s.Write(ctx, batch(a, m, v), at)
		require.NoError(t, err)
		requireEvidenceAgrees(t, s, fmt.Sprintf("write %d", i))
	}
	if s.cache != nil {
		s.cache = newInferCache()
	}
	_, err := s.DeleteArticle(ctx, "sec0", t0.Add(900*time.Millisecond))
	require.NoError(t, err)
	requireEvidenceAgrees(t, s, "delete")
}
