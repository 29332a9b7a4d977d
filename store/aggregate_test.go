package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// restateWorld writes n articles to s, from the hour after t0: each
// restates that Rutte leads NATO, with claims that disagree (a day, its
// month, a later term), and a meeting of Trump and Rutte, naming either
// side first; the evidence is checked after each write.
func restateWorld(t *testing.T, s *Store, from, n int) (lead, met string) {
	ctx := context.Background()
	for i := from; i < from+n; i++ {
		a := art(fmt.Sprintf("rs%02d", i), 1+i%20)
		l := fact(a, rutte, graph.Leads, nato, fmt.Sprintf("Rutte is NATO's chief (%d).", i))
		l.Role = "Secretary General"
		l.Sources[0].Claim = graph.Claim{Start: graph.DayOf(2024, time.October, 1), Confidence: 0.6}
		switch i % 4 {
		case 1:
			l.Sources[0].Claim.Start = graph.MonthOf(2024, time.October)
		case 3:
			l.Sources[0].Claim = graph.Claim{Start: graph.YearOf(2026), Confidence: 0.8, Location: "Brussels"}
		}
		m := fact(a, trump, graph.Met, rutte, fmt.Sprintf("Trump and Rutte met (%d).", i%3))
		if i%2 == 1 {
			m.Subject, m.Object = rutte.ID, trump.ID
		}
		m.Date = graph.DayOf(2024, time.November, 3)
		_, err := s.Write(ctx, batch(a, l, m), t0.Add(time.Duration(i+1)*time.Hour))
		require.NoError(t, err)
		requireEvidenceAgrees(t, s, fmt.Sprintf("write %d", i))
		lead, met = idOf(l), idOf(m)
	}
	return lead, met
}

// testRestateLean checks that restating a stored fact reads neither its
// sources nor keeps them in the write cache: once the source nodes of its
// earlier articles are gone from the store, a restatement still counts
// them (from the fact's evidence record), which a write reading the
// sources could not.
func testRestateLean(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	s := open(t)
	lead, met := restateWorld(t, s, 0, 8)
	if s.cache != nil {
		for _, id := range []string{lead, met} {
			_, ok := s.cache.full[id]
			require.False(t, ok, "%s: the write cache holds no restated fact's sources", id)
		}
	}
	var strip []cayleygraph.Delta
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		for i := 1; i < 7; i++ {
			for _, id := range []string{lead, met} {
				for k := range 3 {
					for _, sent := range []string{fmt.Sprintf("Rutte is NATO's chief (%d).", i), fmt.Sprintf("Trump and Rutte met (%d).", k)} {
						n := sourceIRI(id, fmt.Sprintf("rs%02d", i), sent)
						// Once each: a quad deleted twice in one batch
						// would take its values' references twice.
						if (q.Subject == n || q.Object == n) && !slices.ContainsFunc(strip, func(d cayleygraph.Delta) bool { return d.Quad == q }) {
							strip = append(strip, cayleygraph.Delta{Quad: q, Action: cayleygraph.Delete})
						}
					}
				}
			}
		}
		return nil
	}))
	require.NotEmpty(t, strip)
	require.NoError(t, s.qs.ApplyDeltas(strip, cayleygraph.IgnoreOpts{IgnoreMissing: true}))
	if s.cache != nil {
		s.cache = newInferCache() // as a new process
	}
	a := art("rs99", 25)
	l := fact(a, rutte, graph.Leads, nato, "Rutte, who leads NATO, spoke.")
	l.Role = "Secretary General"
	_, err := s.Write(ctx, batch(a, l), t0.Add(100*time.Hour))
	require.NoError(t, err)
	got := allFacts(t, s, FactFilter{Subjects: []string{rutte.ID}, Predicate: graph.Leads, Evidence: true})
	require.Len(t, got, 1)
	require.Equal(t, 9, got[0].NumSources(), "the restatement counts the sources it did not read")
	require.Equal(t, graph.DayOf(2024, time.October, 1), got[0].Start, "the start most of the nine give (of the three sources left, 2026 wins)")
}

// testRestateBefore checks a store whose evidence records keep no
// aggregate (written before them): Check counts them, the next write
// restating a fact reads it whole once and writes its aggregate, and
// Check with repair writes the others.
func testRestateBefore(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	s := open(t)
	restateWorld(t, s, 0, 5)
	var deltas []cayleygraph.Delta
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		if q.Predicate != pRecord {
			return nil
		}
		var r factRecord
		require.NoError(t, json.Unmarshal([]byte(stringOf(q.Object)), &r))
		r.Agg = nil
		b, err := json.Marshal(r)
		require.NoError(t, err)
		deltas = append(deltas, cayleygraph.Delta{Quad: q, Action: cayleygraph.Delete},
			cayleygraph.Delta{Quad: quad.Make(q.Subject, q.Predicate, quad.String(string(b)), nil), Action: cayleygraph.Add})
		return nil
	}))
	require.NoError(t, s.qs.ApplyDeltas(deltas, cayleygraph.IgnoreOpts{}))
	if s.cache != nil {
		s.cache = newInferCache()
	}
	rep, err := s.Check(ctx, false)
	require.NoError(t, err)
	require.Equal(t, 2, rep.NoEvidence, "records without an aggregate")
	restateWorld(t, s, 5, 3) // checks every record's aggregate
	rep, err = s.Check(ctx, false)
	require.NoError(t, err)
	require.Zero(t, rep.NoEvidence)
}
